package org.painsearch.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Titles, shows and episode numbers from the file names podcast apps and transcription tools write. */
class EpisodeNameTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', nullValues = "null", textBlock = """
            Quiet Hands - 123 - Why Pain Persists.mp3.vtt;        Why Pain Persists;         Quiet Hands;     123
            Quiet Hands #12: Touch and Trust.vtt;                 Touch and Trust;           Quiet Hands;     12
            Quiet Hands Episode 7 - Sleep, Stress and Pain.m4a.srt; Sleep, Stress and Pain;  Quiet Hands;     7
            045 - Graded Exposure Explained.en.vtt;               Graded Exposure Explained; null;            45
            Episode 9: The Nocebo Effect.vtt;                     The Nocebo Effect;         null;            9
            quiet_hands_S02E05_body_maps.vtt;                     body maps;                 quiet hands;     S02E05
            why-pain-persists.mp3.vtt;                            why pain persists;         null;            null
            Pain-Science Basics.vtt;                              Pain-Science Basics;       null;            null
            痛みの話 ｜ 第3回：慢性痛とは.mp3.vtt;                      慢性痛とは;                  痛みの話;          3
            Quiet%20Hands%20-%2088%20-%20Breath.mp3.vtt;          Breath;                    Quiet Hands;     88
            """)
    void readsTitleShowAndEpisodeFromTheName(String file, String title, String show, String episode) {
        var name = EpisodeName.of(file);

        assertThat(name.title()).isEqualTo(title);
        assertThat(name.show()).isEqualTo(show);
        assertThat(name.episode()).isEqualTo(episode);
    }

    @Test
    void fullWidthPunctuationBecomesItsPlainForm() {
        assertThat(EpisodeName.of("Pain：A Primer｜Part One.vtt").title()).doesNotContain("：", "｜").contains(":");
    }

    @Test
    void idsKeepShowAndEpisodeNumberWhenTheTitleIsLong() {
        String longTitle = "A very long conversation about pain, touch, sleep, stress, movement and everything between them";
        var a = EpisodeName.of("Quiet Hands - 101 - " + longTitle + ".mp3.vtt");
        var b = EpisodeName.of("Quiet Hands - 102 - " + longTitle + ".mp3.vtt");

        assertThat(a.id()).startsWith("quiet-hands-101-a-very-long").hasSizeLessThanOrEqualTo(80);
        assertThat(b.id()).startsWith("quiet-hands-102-");
        assertThat(a.id()).isNotEqualTo(b.id());
    }
}
