package org.painsearch.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class TimestampsTest {
    @ParameterizedTest
    @CsvSource({
            "00:12:30, 750",
            "12:30, 750",
            "0:05, 5",
            "1:02:03, 3723",
            "01:02:03.500, 3723",
            "'00:00:07,250', 7",
            "'  12:30  ', 750",
            // Without hours, minutes are not capped: show notes of long episodes write 75:00.
            "75:00, 4500",
    })
    void parsesTimesToWholeSeconds(String text, long seconds) {
        assertThat(Timestamps.parseSeconds(text)).isEqualTo(seconds);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"12:60", "00:60:00", "1:2:3", "12", "noon", "12:30 pm", "-00:12:30", "123:00:00"})
    void notATimeIsMinusOne(String text) {
        assertThat(Timestamps.parseSeconds(text)).isEqualTo(-1);
    }

    @ParameterizedTest
    @CsvSource({
            "0, 00:00:00",
            "59, 00:00:59",
            "750, 00:12:30",
            "3723, 01:02:03",
            "360000, 100:00:00",
    })
    void formatsAsHoursMinutesSeconds(long seconds, String text) {
        assertThat(Timestamps.format(seconds)).isEqualTo(text);
    }

    @Test
    void formattedTimesParseBack() {
        assertThat(Timestamps.parseSeconds(Timestamps.format(4321))).isEqualTo(4321);
        assertThat(new Segment(750, " Slow stroking ").timestamp()).isEqualTo("00:12:30");
    }
}
