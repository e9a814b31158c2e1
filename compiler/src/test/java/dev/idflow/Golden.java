package dev.idflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idflow.pipeline.Version;
import java.nio.file.Files;
import java.nio.file.Path;

/** Golden files under {@code src/test/resources/golden}: compared byte for byte, rewritten with {@code -Dgolden.update=true}. */
public final class Golden {

    private Golden() {
    }

    public static Path dir() {
        return TestRepo.root().resolve("compiler/src/test/resources/golden");
    }

    /** Compares {@code actual} (with the build's version replaced by {@code VERSION}) to the golden file. */
    public static void assertMatches(String name, String actual) {
        String normal = actual.replace(Version.get(), "VERSION");
        Path file = dir().resolve(name);
        if (TestRepo.updateGolden()) {
            TestRepo.write(file, normal);
            return;
        }
        assertThat(Files.exists(file)).as("golden file %s (run with -Dgolden.update=true)", file).isTrue();
        assertThat(normal).as("golden file %s", name).isEqualTo(TestRepo.read(file));
    }
}
