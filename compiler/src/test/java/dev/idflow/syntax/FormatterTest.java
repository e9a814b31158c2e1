package dev.idflow.syntax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.idflow.TestRepo;
import dev.idflow.model.SourceFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden before/after pairs of {@code idflow fmt}: {@code compiler/src/test/fmt/NAME.in.idflow}
 * formats to exactly {@code NAME.out.idflow} ({@code -Dgolden.update=true} rewrites it), and the
 * canonical text is its own canonical layout. The pairs are kept off the test class path, where
 * {@code ResolverTest} reads every {@code *.idflow} as one policy.
 */
class FormatterTest {

    private static Path folder() {
        return TestRepo.root().resolve("compiler/src/test/fmt");
    }

    @TestFactory
    Stream<DynamicTest> goldenPairs() throws IOException {
        try (Stream<Path> s = Files.list(folder())) {
            return s.filter(p -> p.getFileName().toString().endsWith(".in.idflow")).sorted().toList().stream()
                    .map(in -> DynamicTest.dynamicTest(in.getFileName().toString(), () -> golden(in)));
        }
    }

    private static void golden(Path in) {
        String name = in.getFileName().toString().replace(".in.idflow", "");
        Path out = in.resolveSibling(name + ".out.idflow");
        String formatted = Formatter.formatText(name, TestRepo.read(in));
        if (TestRepo.updateGolden()) {
            TestRepo.write(out, formatted);
        }
        assertThat(out).as("golden file; create it with -Dgolden.update=true and review it").exists();
        assertThat(formatted).isEqualTo(TestRepo.read(out));
        assertThat(Formatter.formatText(name, formatted)).as("formatting %s again", out).isEqualTo(formatted);
    }

    @Test
    void aFileWithASyntaxErrorIsNotFormatted() {
        Formatter.Result r = Formatter.format(file("system okta { kind idp can }\n"));
        assertThat(r.ok()).isFalse();
        assertThat(r.changed()).isFalse();
        assertThat(r.errors()).extracting(d -> d.code()).containsOnly("IDF001");
        assertThatThrownBy(() -> Formatter.formatText("x", "system {")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aMeaningErrorDoesNotStopFormatting() {
        Formatter.Result r = Formatter.format(file("owner o { contact \"a@b.c\" ttl 0d }"));
        assertThat(r.ok()).isTrue();
        assertThat(r.formatted()).isEqualTo("owner o {\n  contact \"a@b.c\"\n  ttl 0d\n}\n");
    }

    @Test
    void formattedTextIsUnchanged() {
        String text = "policy \"p\"\n\nsystem okta {\n  kind idp\n}\n";
        Formatter.Result r = Formatter.format(file(text));
        assertThat(r.changed()).isFalse();
        assertThat(r.formatted()).isEqualTo(text);
    }

    @Test
    void byteOrderMarkAndCarriageReturnsGo() {
        Formatter.Result r = Formatter.format(file("\uFEFFpolicy \"p\"\r\n"));
        assertThat(r.formatted()).isEqualTo("policy \"p\"\n");
        assertThat(r.changed()).isTrue();
    }

    private static SourceFile file(String text) {
        return new SourceFile("policy.idflow", text.getBytes(StandardCharsets.UTF_8));
    }
}
