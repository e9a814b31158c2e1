package dev.idflow.emit.opa;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Glob patterns become anchored regular expressions that quote everything but the wildcards. */
class PatternsTest {

    private static boolean matches(String glob, String value) {
        return Pattern.compile(Patterns.regex(glob)).matcher(value).find();
    }

    @Test
    void wildcardsAreAnyRunAndOneCharacter() {
        assertThat(Patterns.regex("s3:*")).isEqualTo("(?s)^s3:.*\\z");
        assertThat(Patterns.regex("a?c")).isEqualTo("(?s)^a.c\\z");
        assertThat(matches("arn:aws:s3:::b/*", "arn:aws:s3:::b/x/y:z")).isTrue();
        assertThat(matches("arn:aws:s3:::b/*", "arn:aws:s3:::b/")).isTrue();
        assertThat(matches("arn:aws:s3:::b/*", "arn:aws:s3:::bb/x")).isFalse();
        assertThat(matches("a*", "a\nb")).isTrue();
        assertThat(matches("a?c", "a😀c")).isTrue();
        assertThat(matches("a?c", "ac")).isFalse();
        assertThat(matches("a?c", "abbc")).isFalse();
    }

    @Test
    void anchoredAtBothEndsEvenBeforeAFinalLineBreak() {
        assertThat(matches("read", "read")).isTrue();
        assertThat(matches("read", "xread")).isFalse();
        assertThat(matches("read", "readx")).isFalse();
        assertThat(matches("read", "read\n")).isFalse();
    }

    @Test
    void everyOtherCharacterStandsForItself() {
        String meta = "\\.+()|[]{}^$ #-&\"'`${x}%{y}\n\t/ü😀";
        assertThat(matches(meta, meta)).isTrue();
        for (char c : "\\.+()|[]{}^$".toCharArray()) {
            assertThat(matches("a" + c + "b", "a" + c + "b")).as("%s", c).isTrue();
            assertThat(matches("a" + c + "b", "axb")).as("%s", c).isFalse();
        }
        assertThat(matches("a.b", "axb")).isFalse();
    }

    @Test
    void examplesMatchTheirPattern() {
        for (String glob : new String[] {"s3:*", "a?c", "/p/*/q?", "*"}) {
            assertThat(matches(glob, Patterns.example(glob))).as(glob).isTrue();
        }
    }
}
