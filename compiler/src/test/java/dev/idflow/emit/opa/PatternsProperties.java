package dev.idflow.emit.opa;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * {@link Patterns#matches}, which the query uses, decides exactly as the regular expression
 * {@link Patterns#regex} that OPA reads from {@code data.json}.
 */
class PatternsProperties {

    /**
     * Wildcards, regex metacharacters, line breaks, a character outside the BMP (two chars) and
     * its halves alone.
     */
    private static final String ALPHABET = "ab*?*.\\$^\n\ud83d\ude00\ud83d\ude00\ud83d\ude00";

    @Provide
    Arbitrary<String> globs() {
        return Arbitraries.strings().withChars(ALPHABET).ofMaxLength(8);
    }

    record Case(String glob, String text) {
    }

    /** Mostly texts made from the glob (its wildcards filled in, then perhaps one change), so that many match. */
    @Provide
    Arbitrary<Case> cases() {
        Arbitrary<String> fill = Arbitraries.strings().withChars(ALPHABET).ofMaxLength(4);
        Arbitrary<Case> made = Combinators.combine(globs(), fill.list().ofSize(8), Arbitraries.integers().between(0, 9),
                Arbitraries.strings().withChars(ALPHABET).ofMaxLength(1))
                .as((glob, fills, at, change) -> new Case(glob, fillIn(glob, fills, at, change)));
        Arbitrary<Case> any = Combinators.combine(globs(), Arbitraries.strings().withChars(ALPHABET).ofMaxLength(8))
                .as((glob, text) -> new Case(glob, text));
        return Arbitraries.frequencyOf(Tuple.of(3, made), Tuple.of(1, any));
    }

    private static String fillIn(String glob, List<String> fills, int at, String change) {
        StringBuilder text = new StringBuilder();
        int k = 0;
        for (char c : glob.toCharArray()) {
            if (c == '*') {
                text.append(fills.get(k++ % fills.size()));
            } else if (c == '?') {
                String f = fills.get(k++ % fills.size());
                text.append(f.isEmpty() ? "x" : f.substring(0, Character.charCount(f.codePointAt(0))));
            } else {
                text.append(c);
            }
        }
        if (at < 3 && text.length() > 0) {
            int i = Math.min(at, text.length() - 1);
            text.replace(i, i + 1, change);
        }
        return text.toString();
    }

    @Property(tries = 3000)
    void matchingDirectlyDecidesAsTheRegularExpression(@ForAll("cases") Case c) {
        boolean regex = Pattern.compile(Patterns.regex(c.glob())).matcher(c.text()).find();
        Statistics.label("matches").collect(regex);
        assertThat(Patterns.matches(c.glob(), c.text())).as("%s against %s", c.glob(), c.text()).isEqualTo(regex);
    }
}
