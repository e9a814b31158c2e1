package dev.idflow.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoUnit;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * Times read and written without {@code java.time}'s formatters, which were slow: exactly what
 * the formatters read and write.
 */
class ValuesTimeProperties {

    /** Year -1000 to 12000: the direct path (years 0 to 9999) and the formatter's on both sides. */
    @Property(tries = 3000)
    void sameTextAsTheFormatter(@ForAll @LongRange(min = -93_692_592_000L, max = 316_473_868_800L) long seconds,
            @ForAll @IntRange(min = 0, max = 999_999_999) int nanos) {
        Instant t = Instant.ofEpochSecond(seconds, nanos);
        assertThat(Values.rfc3339(t)).isEqualTo(DateTimeFormatter.ISO_INSTANT.format(t.truncatedTo(ChronoUnit.SECONDS)));
    }

    private static final DateTimeFormatter STRICT_DATE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);

    /** Any digits in the shape of a date, valid or not (months 00-19, days 00-39). */
    @Property(tries = 3000)
    void datesReadAsTheStrictPatternReadsThem(@ForAll @IntRange(min = 0, max = 9999) int year,
            @ForAll @IntRange(min = 0, max = 19) int month, @ForAll @IntRange(min = 0, max = 39) int day) {
        String text = String.format("%04d-%02d-%02d", year, month, day);
        LocalDate expected;
        try {
            expected = LocalDate.parse(text, STRICT_DATE);
        } catch (DateTimeParseException e) {
            expected = null;
        }
        assertThat(Values.date(text)).as(text).isEqualTo(expected);
    }

    @Example
    void theEdgesOfFourDigitYears() {
        for (String s : new String[] {"0000-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "1970-01-01T00:00:00Z",
            "2024-02-29T12:34:56Z"}) {
            assertThat(Values.rfc3339(Instant.parse(s))).isEqualTo(s);
            assertThat(Values.rfc3339(Instant.parse(s).plusNanos(999_999_999))).isEqualTo(s);
        }
        assertThat(Values.rfc3339(Instant.parse("9999-12-31T23:59:59Z").plusSeconds(1)))
                .isEqualTo("+10000-01-01T00:00:00Z");
        assertThat(Values.rfc3339(Instant.parse("0000-01-01T00:00:00Z").minusSeconds(1)))
                .isEqualTo("-0001-12-31T23:59:59Z");
    }
}
