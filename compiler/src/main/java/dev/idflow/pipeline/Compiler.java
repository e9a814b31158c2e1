package dev.idflow.pipeline;

import dev.idflow.check.CheckSettings;
import dev.idflow.emit.EmitInput;
import dev.idflow.emit.Emitter;
import dev.idflow.emit.Emitters;
import dev.idflow.emit.GeneratedFile;
import dev.idflow.emit.OutputException;
import dev.idflow.emit.OutputFolder;
import dev.idflow.flow.Flows;
import dev.idflow.io.Json;
import dev.idflow.io.Schemas;
import dev.idflow.model.SourceFile;
import dev.idflow.model.diag.Severity;
import dev.idflow.source.DirectorySource;
import dev.idflow.source.PolicySource;
import dev.idflow.source.SourceException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code idflow compile} as a library call: analyze, refuse on any error finding, run the
 * selected emitters as pure functions, validate every JSON file against its schema, add
 * {@code manifest.json} last, and replace the output folder in one move. The command line and
 * the Maven plugin both call this.
 */
public final class Compiler {

    /** The name of the manifest, the one file made after (and about) all the others. */
    public static final String MANIFEST = OutputFolder.MARKER;

    private Compiler() {
    }

    /** Reads, checks and compiles the policy of {@code source} into {@code out}. */
    public static Compilation compile(PolicySource source, CheckSettings settings, List<String> targets, Path out)
            throws SourceException, OutputException {
        if (source instanceof DirectorySource d
                && d.root().toAbsolutePath().normalize().startsWith(out.toAbsolutePath().normalize())) {
            throw new OutputException("the output folder " + out + " holds the policy folder " + d.root()
                    + ": choose another -o");
        }
        Analysis analysis = Analyzer.analyze(source, settings);
        Compilation c = emit(analysis, targets);
        if (!c.refused()) {
            OutputFolder.replace(out, c.files());
        }
        return c;
    }

    /**
     * The files of {@code targets} for an analysis, manifest last, without touching the disk;
     * refused (no files) when an error finding remains.
     *
     * @throws IllegalArgumentException for an unknown target
     * @throws CompileException when an emitted file breaks its schema (a bug)
     */
    public static Compilation emit(Analysis analysis, List<String> targets) {
        return run(analysis, select(targets));
    }

    /** Runs {@code emitters} (for tests of the pipeline's own guarantees). */
    static Compilation run(Analysis analysis, List<Emitter> emitters) {
        if (analysis.policy() == null || analysis.count(Severity.ERROR) > 0) {
            return new Compilation(analysis, List.of(), true);
        }
        EmitInput input = new EmitInput(analysis.policy(), Flows.derive(analysis.policy()), revision(analysis));
        List<GeneratedFile> files = new ArrayList<>();
        for (Emitter e : emitters) {
            List<GeneratedFile> emitted = e.emit(input);
            // Validation reads every file back and is independent per file: use every core.
            emitted.parallelStream().forEach(f -> validate(f, e.schema(f.path()), e.target()));
            files.addAll(emitted);
        }
        files.sort(Comparator.comparing(GeneratedFile::path));
        GeneratedFile manifest = Manifest.build(analysis, input.revision(), targetNames(emitters), files);
        validate(manifest, "manifest", "manifest");
        files.add(manifest);
        return new Compilation(analysis, files, false);
    }

    /** The emitters of {@code targets} in registry order; every target when none is named. */
    public static List<Emitter> select(List<String> targets) {
        if (targets == null || targets.isEmpty()) {
            return Emitters.all();
        }
        Set<String> wanted = new LinkedHashSet<>();
        for (String t : targets) {
            if (Emitters.get(t) == null) {
                throw new IllegalArgumentException("unknown target `" + t + "`: expected one of "
                        + String.join(", ", Emitters.targets()));
            }
            wanted.add(t);
        }
        return Emitters.all().stream().filter(e -> wanted.contains(e.target())).toList();
    }

    private static List<String> targetNames(List<Emitter> emitters) {
        return emitters.stream().map(Emitter::target).toList();
    }

    private static void validate(GeneratedFile f, String schema, String target) {
        if (f.path().equals(MANIFEST) && !target.equals("manifest")) {
            throw new CompileException("target " + target + " emitted " + MANIFEST + ", which the pipeline owns");
        }
        boolean json = f.path().endsWith(".json") || f.path().endsWith("/.manifest");
        if (!json) {
            return;
        }
        if (schema == null) {
            throw new CompileException("target " + target + " emitted " + f.path() + " without a schema");
        }
        List<String> problems = Schemas.validate(schema, Json.mapper().readTree(f.unsafeBytes()));
        if (!problems.isEmpty()) {
            throw new CompileException(f.path() + " breaks schemas/" + schema + ".schema.json: "
                    + String.join("; ", problems));
        }
    }

    /**
     * The source revision: the commit id when read from Git, else {@code sha256:} and the
     * sha256 of the lines {@code PATH SHA256\n} of the input files, sorted by path.
     */
    public static String revision(Analysis analysis) {
        if (analysis.provenance() != null && analysis.provenance().isGit() && analysis.provenance().commit() != null) {
            return analysis.provenance().commit();
        }
        StringBuilder lines = new StringBuilder();
        analysis.sources().stream().sorted(Comparator.comparing(SourceFile::path))
                .forEach(f -> lines.append(f.path()).append(' ').append(sha256(f.unsafeBytes())).append('\n'));
        return "sha256:" + sha256(lines.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The lower-case hex sha256 of {@code bytes}. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
