package dev.idflow.syntax;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@code idflow fmt} on a policy of 10,000 identities (about 7.8 MB) in a random layout: prints the
 * time and fails beyond two minutes, a bound loose enough for a loaded shared build machine.
 */
class FormatterScaleTest {

    @Test
    void tenThousandIdentities() {
        String text = Generated.policy(new Random(7), 10_000);
        Formatter.formatText("warm-up.idflow", Generated.policy(new Random(8), 200));
        long start = System.nanoTime();
        String formatted = Formatter.formatText("big.idflow", text);
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("fmt: %,d identities, %,d bytes in, %,d lines out: %,d ms%n", 10_000,
                text.length(), formatted.split("\n", -1).length - 1, millis);
        assertThat(millis).as("milliseconds to format 10,000 identities").isLessThan(120_000);
        assertThat(formatted).contains("\npolicy \"gen\" {").endsWith("}\n");
        assertThat(FormatterProperties.comments(formatted)).isEqualTo(FormatterProperties.comments(text));
    }
}
