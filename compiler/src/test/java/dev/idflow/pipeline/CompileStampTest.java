package dev.idflow.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idflow.TestRepo;
import dev.idflow.check.CheckSettings;
import dev.idflow.config.Config;
import dev.idflow.model.SourceFile;
import dev.idflow.model.diag.Severity;
import dev.idflow.source.DirectorySource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When a compilation may be skipped: same fingerprint, "now" inside the window, output untouched. */
class CompileStampTest {

    private static final Path ACME = TestRepo.samples().resolve("acme/policies");
    /** {@code exception incident-4711}: from 2026-11-29T10:00:00Z for 4h. */
    private static final Instant EXCEPTION_ENDS = Instant.parse("2026-11-29T14:00:00Z");
    /** {@code waive IDF202 ... until 2027-01-31} in {@code partners.idflow}: the whole day included. */
    private static final Instant WAIVER_ENDS = Instant.parse("2027-02-01T00:00:00Z");

    @TempDir
    Path dir;

    private CompileStamp compileAcme(Path out) throws Exception {
        Compilation c = Compiler.compile(new DirectorySource(ACME), CheckSettings.at(TestRepo.NOW), List.of(), out);
        assertThat(c.refused()).isFalse();
        return CompileStamp.of(c, Config.NONE, List.of(), out);
    }

    private static String fingerprintOf(Path out) throws Exception {
        return CompileStamp.fingerprint(new DirectorySource(ACME).files(), Config.NONE, List.of(), out);
    }

    @Test
    void theNextEndIsTheEarliestEndAfterNow() {
        var policy = TestRepo.check(ACME).policy();
        assertThat(CompileStamp.nextEnd(policy, TestRepo.NOW)).isEqualTo(EXCEPTION_ENDS);
        assertThat(CompileStamp.nextEnd(policy, EXCEPTION_ENDS)).isEqualTo(WAIVER_ENDS);
        assertThat(CompileStamp.nextEnd(policy, Instant.parse("2100-01-01T00:00:00Z"))).isNull();
    }

    @Test
    void aStampCoversTheSameInputsFromItsNowUntilTheNextEnd() throws Exception {
        Path out = dir.resolve("out");
        CompileStamp stamp = compileAcme(out);
        String fingerprint = fingerprintOf(out);
        assertThat(stamp.nextEnd()).isEqualTo(EXCEPTION_ENDS);
        assertThat(stamp.covers(fingerprint, TestRepo.NOW, out)).isTrue();
        assertThat(stamp.covers(fingerprint, EXCEPTION_ENDS.minusSeconds(1), out)).isTrue();
        assertThat(stamp.covers(fingerprint, EXCEPTION_ENDS, out)).isFalse();
        assertThat(stamp.covers(fingerprint, TestRepo.NOW.minus(Duration.ofDays(1)), out)).isFalse();
        assertThat(stamp.covers("0".repeat(64), TestRepo.NOW, out)).isFalse();
    }

    @Test
    void aStampDoesNotCoverAnOutputFolderChangedOrRemovedSince() throws Exception {
        Path out = dir.resolve("out");
        CompileStamp stamp = compileAcme(out);
        Files.writeString(out.resolve("manifest.json"), "{}\n");
        assertThat(stamp.covers(fingerprintOf(out), TestRepo.NOW, out)).isFalse();
        Files.delete(out.resolve("manifest.json"));
        assertThat(stamp.covers(fingerprintOf(out), TestRepo.NOW, out)).isFalse();
    }

    @Test
    void everyInputOfTheFingerprintChangesIt() throws Exception {
        List<SourceFile> files = new DirectorySource(ACME).files();
        Path out = dir.resolve("out");
        String base = CompileStamp.fingerprint(files, Config.NONE, List.of(), out);
        assertThat(CompileStamp.fingerprint(files, Config.NONE, List.of(), out)).isEqualTo(base);

        List<SourceFile> edited = new java.util.ArrayList<>(files);
        SourceFile first = edited.get(0);
        edited.set(0, new SourceFile(first.path(), (new String(first.content(), StandardCharsets.UTF_8) + "\n")
                .getBytes(StandardCharsets.UTF_8)));
        Config severity = new Config(null, null, null, null, null, null, Map.of("IDF202", Severity.WARNING));
        assertThat(List.of(
                CompileStamp.fingerprint(edited, Config.NONE, List.of(), out),
                CompileStamp.fingerprint(files.subList(1, files.size()), Config.NONE, List.of(), out),
                CompileStamp.fingerprint(files, severity, List.of(), out),
                CompileStamp.fingerprint(files, Config.NONE, List.of("opa"), out),
                CompileStamp.fingerprint(files, Config.NONE, List.of(), dir.resolve("elsewhere"))))
                .doesNotContain(base).doesNotHaveDuplicates();
    }

    @Test
    void aStampReadsBackAsWrittenAndAnUnreadableOneIsNone() throws Exception {
        CompileStamp stamp = new CompileStamp("a".repeat(64), "b".repeat(64), TestRepo.NOW, EXCEPTION_ENDS);
        Path file = dir.resolve("stamps/compile.txt");
        stamp.write(file);
        assertThat(CompileStamp.read(file)).isEqualTo(stamp);
        CompileStamp endless = new CompileStamp("a".repeat(64), "b".repeat(64), TestRepo.NOW, null);
        endless.write(file);
        assertThat(CompileStamp.read(file)).isEqualTo(endless);
        assertThat(Files.readString(file)).endsWith("next-end none\n");
        assertThat(Files.list(file.getParent())).hasSize(1);

        assertThat(CompileStamp.read(dir.resolve("missing.txt"))).isNull();
        Files.writeString(file, Files.readString(file).replace("now 2026", "now yesterday 2026"));
        assertThat(CompileStamp.read(file)).isNull();
        Files.writeString(file, "something else\n");
        assertThat(CompileStamp.read(file)).isNull();
    }
}
