package dev.idflow.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Durations as LANGUAGE.md writes them: 1 to 12 digits, not zero, and one unit of s m h d w. */
class ValuesTest {

    @ParameterizedTest
    @CsvSource({
        "1s, PT1S",
        "90m, PT1H30M",
        "24h, PT24H",
        "30d, PT720H",
        "2w, PT336H",
        "01h, PT1H",
        "999999999999s, PT277777777H46M39S"})
    void readsDurations(String text, String expected) {
        assertThat(Values.duration(text)).isEqualTo(Duration.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "h", "0h", "000d", "1", "1x", "1H", "-1h", "+1h", "1.5h", "1h ", " 1h", "1hh",
        "1000000000000s", "١h"})
    void refusesEverythingElse(String text) {
        assertThat(Values.duration(text)).isNull();
    }
}
