package dev.idflow.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idflow.model.SourceFile;
import dev.idflow.syntax.ParsedFile;
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
        ParsedFile first = cache.parse(file("a.idflow", "policy \"p\"\n"));
        assertThat(cache.parse(file("a.idflow", "policy \"p\"\n"))).isSameAs(first);
    }

    @Test
    void parsesAgainWhenTheBytesOrThePathDiffer() {
        ParseCache cache = new ParseCache();
        ParsedFile first = cache.parse(file("a.idflow", "policy \"p\"\n"));
        ParsedFile changed = cache.parse(file("a.idflow", "policy \"q\"\n"));
        assertThat(changed).isNotSameAs(first);
        assertThat(changed.text()).isEqualTo("policy \"q\"\n");
        ParsedFile moved = cache.parse(file("b.idflow", "policy \"q\"\n"));
        assertThat(moved).isNotSameAs(changed);
        assertThat(moved.path()).isEqualTo("b.idflow");
    }
}
