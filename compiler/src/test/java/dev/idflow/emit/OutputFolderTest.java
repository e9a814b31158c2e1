package dev.idflow.emit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.idflow.TestRepo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one writer: all or nothing, no stale files, no path out of OUT. */
class OutputFolderTest {

    @TempDir
    Path dir;

    private static GeneratedFile file(String path, String text) {
        return GeneratedFile.text(path, text);
    }

    private List<String> siblings() throws Exception {
        try (var s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void replacesTheWholeFolder() throws Exception {
        Path out = dir.resolve("out");
        OutputFolder.replace(out, List.of(file("manifest.json", "1\n"), file("a/b.json", "{}\n")));
        OutputFolder.replace(out, List.of(file("manifest.json", "2\n"), file("c.txt", "c\n")));
        assertThat(out.resolve("a")).doesNotExist();
        assertThat(TestRepo.read(out.resolve("manifest.json"))).isEqualTo("2\n");
        assertThat(TestRepo.read(out.resolve("c.txt"))).isEqualTo("c\n");
        assertThat(siblings()).containsExactly("out");
    }

    @Test
    void aFailureWhileWritingLeavesThePreviousFolderExactlyAsItWas() throws Exception {
        Path out = dir.resolve("out");
        OutputFolder.replace(out, List.of(file("manifest.json", "1\n"), file("a.json", "{}\n")));
        assertThatThrownBy(() -> OutputFolder.replace(out,
                List.of(file("manifest.json", "2\n"), file("x/y.json", "1\n"), file("x/y.json", "2\n"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("x/y.json");
        assertThat(TestRepo.read(out.resolve("manifest.json"))).isEqualTo("1\n");
        assertThat(TestRepo.read(out.resolve("a.json"))).isEqualTo("{}\n");
        assertThat(out.resolve("x")).doesNotExist();
        assertThat(siblings()).containsExactly("out");
    }

    @Test
    void neverReplacesAForeignFolderOrAFile() throws Exception {
        Path foreign = dir.resolve("src");
        TestRepo.write(foreign.resolve("Main.java"), "class Main {}\n");
        assertThatThrownBy(() -> OutputFolder.replace(foreign, List.of(file("manifest.json", "1\n"))))
                .isInstanceOf(OutputException.class).hasMessageContaining("holds no manifest.json");
        assertThat(foreign.resolve("Main.java")).exists();
        Path plain = dir.resolve("plain");
        Files.writeString(plain, "x");
        assertThatThrownBy(() -> OutputFolder.replace(plain, List.of(file("manifest.json", "1\n"))))
                .isInstanceOf(OutputException.class).hasMessageContaining("not a folder");
        assertThat(siblings()).containsExactly("plain", "src");
    }

    @Test
    void pathsThatWouldLeaveTheFolderAreRejected() throws Exception {
        for (String bad : List.of("../x", "a/../../x", "/etc/passwd", "a\\b", "")) {
            assertThatThrownBy(() -> file(bad, "x")).isInstanceOf(IllegalArgumentException.class);
        }
        Path root = dir.resolve("root");
        Path elsewhere = dir.resolve("elsewhere");
        Files.createDirectories(root);
        Files.createDirectories(elsewhere);
        Files.createSymbolicLink(root.resolve("link"), elsewhere);
        OutputFolder.Staging staging = new OutputFolder.Staging(root, root, root.toRealPath());
        assertThatThrownBy(() -> staging.write(file("link/x.json", "{}\n")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("leaves the output folder");
        try (var s = Files.list(elsewhere)) {
            assertThat(s.toList()).isEmpty();
        }
    }

    @Test
    void theNewFolderHasTheUsualPermissionsNotThoseOfATemporaryFolder() throws Exception {
        Path out = dir.resolve("out");
        OutputFolder.replace(out, List.of(file("manifest.json", "1\n")));
        Path plain = dir.resolve("plain");
        Files.createDirectory(plain);
        assertThat(Files.getPosixFilePermissions(out)).isEqualTo(Files.getPosixFilePermissions(plain));
    }
}
