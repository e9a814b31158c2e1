package dev.idflow.pipeline;

import dev.idflow.config.Config;
import dev.idflow.model.Credential;
import dev.idflow.model.End;
import dev.idflow.model.ExceptionGrant;
import dev.idflow.model.Identity;
import dev.idflow.model.Policy;
import dev.idflow.model.SourceFile;
import dev.idflow.model.Values;
import dev.idflow.model.Waiver;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the last successful compilation was made from, so that a build tool can skip one that
 * would write the same files and reach the same verdict: a fingerprint of the inputs, the
 * configuration, the targets, the output folder and the idflow version; the sha256 of the
 * {@code manifest.json} it wrote; the "now" it was judged at; and the earliest end (of a
 * waiver, an exception, a credential or an identity) after that "now". The checks read "now"
 * only through such ends and through lifetimes that shrink as time passes, so any "now" from
 * {@code now} up to, not including, {@code nextEnd} gives the same findings, and the targets
 * never depend on "now" at all.
 *
 * @param fingerprint see {@link #fingerprint}
 * @param manifest the sha256 of the {@code manifest.json} written
 * @param now the "now" of that compilation
 * @param nextEnd the earliest end after {@code now}; null when nothing ends
 */
public record CompileStamp(String fingerprint, String manifest, Instant now, Instant nextEnd) {

    private static final String HEADER = "idflow-compile-stamp 1";

    /**
     * The fingerprint of what a compilation reads: the idflow version, the configuration
     * (every key of {@link Config}, so no setting can be forgotten), the targets, the output
     * folder, and every input file's path and sha256.
     */
    public static String fingerprint(List<SourceFile> sources, Config config, List<String> targets, Path out) {
        StringBuilder b = new StringBuilder();
        b.append("version ").append(Version.get()).append('\n');
        b.append("config ").append(config).append('\n');
        b.append("targets ").append(String.join(",", targets)).append('\n');
        b.append("out ").append(out.toAbsolutePath().normalize()).append('\n');
        sources.stream().sorted(Comparator.comparing(SourceFile::path)).forEach(f ->
                b.append("input ").append(f.path()).append(' ').append(Compiler.sha256(f.unsafeBytes())).append('\n'));
        return Compiler.sha256(b.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The stamp of a compilation that wrote its files to {@code out}; null when it was refused. */
    public static CompileStamp of(Compilation c, Config config, List<String> targets, Path out) {
        if (c.refused() || c.manifestSha256() == null) {
            return null;
        }
        Instant now = c.analysis().now();
        return new CompileStamp(fingerprint(c.analysis().sources(), config, targets, out), c.manifestSha256(),
                now, nextEnd(c.analysis().policy(), now));
    }

    /** The earliest end after {@code now} among waivers, exceptions, credentials and identities; null when none. */
    public static Instant nextEnd(Policy policy, Instant now) {
        List<Instant> ends = new ArrayList<>();
        for (Identity i : policy.identities().values()) {
            addEnd(ends, i.expires());
            i.waivers().forEach(w -> addEnd(ends, w.end()));
            for (Credential c : i.credentials().values()) {
                addEnd(ends, c.expires());
                c.waivers().stream().map(Waiver::end).forEach(e -> addEnd(ends, e));
            }
        }
        for (ExceptionGrant ex : policy.exceptions().values()) {
            if (ex.until() != null) {
                ends.add(ex.until());
            }
        }
        return ends.stream().filter(now::isBefore).min(Comparator.naturalOrder()).orElse(null);
    }

    private static void addEnd(List<Instant> ends, End end) {
        if (end != null) {
            ends.add(end.instant());
        }
    }

    /**
     * True when a compilation with {@code fingerprint} at {@code now} into {@code out} would
     * write what this stamp's compilation wrote, and {@code out} still holds it.
     */
    public boolean covers(String fingerprint, Instant now, Path out) {
        if (!this.fingerprint.equals(fingerprint) || now.isBefore(this.now)
                || (nextEnd != null && !now.isBefore(nextEnd))) {
            return false;
        }
        try {
            return Compiler.sha256(Files.readAllBytes(out.resolve(Compiler.MANIFEST))).equals(manifest);
        } catch (IOException e) {
            return false;
        }
    }

    /** The stamp in {@code file}; null when there is none or it cannot be read (then nothing is skipped). */
    public static CompileStamp read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        }
        if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
            return null;
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            int space = line.indexOf(' ');
            if (space > 0) {
                values.put(line.substring(0, space), line.substring(space + 1));
            }
        }
        Instant now = Values.timestamp(values.getOrDefault("now", ""));
        String next = values.getOrDefault("next-end", "");
        Instant nextEnd = next.equals("none") ? null : Values.timestamp(next);
        if (values.get("fingerprint") == null || values.get("manifest") == null || now == null
                || (nextEnd == null && !next.equals("none"))) {
            return null;
        }
        return new CompileStamp(values.get("fingerprint"), values.get("manifest"), now, nextEnd);
    }

    /** Writes the stamp to {@code file}, replacing it in one move. */
    public void write(Path file) throws IOException {
        String text = HEADER + "\n"
                + "fingerprint " + fingerprint + "\n"
                + "manifest " + manifest + "\n"
                + "now " + Values.rfc3339(now) + "\n"
                + "next-end " + (nextEnd == null ? "none" : Values.rfc3339(nextEnd)) + "\n";
        Path abs = file.toAbsolutePath();
        Files.createDirectories(abs.getParent());
        Path tmp = Files.createTempFile(abs.getParent(), "." + abs.getFileName(), ".tmp");
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
