package dev.idflow.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idflow.model.SourceFile;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A file is parsed again unless both its path and its bytes are those of a file parsed before. */
class ParseCacheTest {

    private static SourceFile file(String path, String text) {
        return new SourceFile(path, text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void reusesTheParseOfTheSamePathAndBytes() {
        ParseCache cache = new ParseCache();
        Analyzer.Read first = cache.read(file("a.idflow", "policy \"p\"\n"));
        assertThat(cache.read(file("a.idflow", "policy \"p\"\n"))).isSameAs(first);
    }

    @Test
    void parsesAgainWhenTheBytesOrThePathDiffer() {
        ParseCache cache = new ParseCache();
        Analyzer.Read first = cache.read(file("a.idflow", "policy \"p\"\n"));
        Analyzer.Read changed = cache.read(file("a.idflow", "policy {\n"));
        assertThat(changed).isNotSameAs(first);
        assertThat(changed.parsed().diagnostics()).as("the new bytes were parsed").isNotEmpty();
        assertThat(changed.read()).isNull();
        Analyzer.Read moved = cache.read(file("b.idflow", "policy {\n"));
        assertThat(moved).isNotSameAs(changed);
        assertThat(moved.parsed().path()).isEqualTo("b.idflow");
    }
}
