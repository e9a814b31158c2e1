package dev.idflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idflow.TestRepo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code idflow fmt}: writes only what changes, {@code --check} and {@code --diff} write nothing. */
class FmtCommandTest {

    @TempDir
    Path dir;

    private static final String MESSY = "policy \"p\"\nsystem okta { can approve; kind idp }   # the IdP\n";
    private static final String TIDY = "policy \"p\"\n\nsystem okta {\n  kind idp\n  can approve\n} # the IdP\n";

    @Test
    void rewritesChangedFilesAndLeavesFormattedOnesAlone() throws IOException {
        TestRepo.write(dir.resolve("a.idflow"), MESSY);
        TestRepo.write(dir.resolve("sub/b.idflow"), TIDY);
        FileTime before = Files.getLastModifiedTime(dir.resolve("sub/b.idflow"));
        CliTest.Run r = CliTest.run("fmt", dir.toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).endsWith("a.idflow\n").doesNotContain("b.idflow");
        assertThat(TestRepo.read(dir.resolve("a.idflow"))).isEqualTo(TIDY);
        assertThat(Files.getLastModifiedTime(dir.resolve("sub/b.idflow"))).isEqualTo(before);
        assertThat(leftovers()).as("no temporary file is left behind").isEmpty();
        assertThat(CliTest.run("fmt", dir.toString()).out()).isEmpty();
    }

    @Test
    void aRewrittenFileKeepsItsPermissions() throws IOException {
        Path file = dir.resolve("a.idflow");
        TestRepo.write(file, MESSY);
        Assumptions.assumeTrue(Files.getFileStore(file).supportsFileAttributeView(PosixFileAttributeView.class),
                "POSIX permissions are not supported here");
        Set<PosixFilePermission> mode = PosixFilePermissions.fromString("rw-r--r--");
        Files.setPosixFilePermissions(file, mode);
        assertThat(CliTest.run("fmt", dir.toString()).code()).isZero();
        assertThat(TestRepo.read(file)).isEqualTo(TIDY);
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(mode);
    }

    @Test
    void checkListsWhatWouldChangeAndExitsOne() {
        TestRepo.write(dir.resolve("a.idflow"), MESSY);
        TestRepo.write(dir.resolve("b.idflow"), TIDY.replace("\"p\"", "\"q\"").replace("policy", "# x\npolicy"));
        CliTest.Run r = CliTest.run("fmt", dir.toString(), "--check");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out().lines()).singleElement().satisfies(l -> assertThat(l).endsWith("a.idflow"));
        assertThat(TestRepo.read(dir.resolve("a.idflow"))).isEqualTo(MESSY);
    }

    @Test
    void checkOnFormattedFilesExitsZero() {
        TestRepo.write(dir.resolve("a.idflow"), TIDY);
        CliTest.Run r = CliTest.run("fmt", dir.toString(), "--check");
        assertThat(r.code()).isZero();
        assertThat(r.out()).isEmpty();
    }

    @Test
    void diffPrintsAUnifiedDiffAndWritesNothing() {
        Path file = dir.resolve("a.idflow");
        TestRepo.write(file, MESSY);
        CliTest.Run r = CliTest.run("fmt", file.toString(), "--diff");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("--- " + file, "+++ " + file, "@@ -1,2 +1,6 @@\n",
                "-system okta { can approve; kind idp }   # the IdP", "+  kind idp");
        assertThat(TestRepo.read(file)).isEqualTo(MESSY);
    }

    @Test
    void aFileWithASyntaxErrorIsReportedAndLeftUntouched() {
        String broken = "policy \"p\"\nsystem okta { kind idp can }\n";
        TestRepo.write(dir.resolve("bad.idflow"), broken);
        TestRepo.write(dir.resolve("good.idflow"), MESSY.replace("policy \"p\"\n", ""));
        CliTest.Run r = CliTest.run("fmt", dir.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("bad.idflow:2:28: error[IDF001]: ");
        assertThat(TestRepo.read(dir.resolve("bad.idflow"))).isEqualTo(broken);
        assertThat(TestRepo.read(dir.resolve("good.idflow"))).startsWith("system okta {\n");
    }

    @Test
    void aMissingFolderIsAUsageError() {
        CliTest.Run r = CliTest.run("fmt", dir.resolve("nope").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("idflow: no such folder");
    }

    private Stream<Path> leftovers() throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList().stream();
        }
    }
}
