package dev.idflow.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idflow.cli.Main;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The build compiles string concatenation to {@code StringBuilder} calls
 * ({@code -XDstringConcat=inline} in the parent pom): an {@code invokedynamic} concatenation
 * links a method-handle tree at its first run and, under the C1 compiler the launcher uses,
 * runs through that tree's calls each time (docs/performance.md, ninth round).
 */
class StringConcatTest {

    /** The name of StringConcatFactory's bootstrap method, which a class that uses it holds in its constants. */
    private static final String BOOTSTRAP = "makeConcatWithConstants";

    @Test
    void noClassOfTheCompilerConcatenatesThroughInvokedynamic() throws IOException, URISyntaxException {
        Path classes = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> offenders;
        try (Stream<Path> files = Files.walk(classes)) {
            offenders = files.filter(p -> p.toString().endsWith(".class"))
                    .filter(StringConcatTest::concatenatesThroughInvokedynamic)
                    .map(p -> classes.relativize(p).toString())
                    .toList();
        }
        assertThat(offenders).as("classes in " + classes).isEmpty();
    }

    private static boolean concatenatesThroughInvokedynamic(Path classFile) {
        try {
            // one character per byte, so that the constant's ASCII bytes read as the string
            return new String(Files.readAllBytes(classFile), StandardCharsets.ISO_8859_1).contains(BOOTSTRAP);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
