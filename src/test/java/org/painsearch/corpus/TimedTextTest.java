package org.painsearch.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TimedTextTest {
    private static final String VTT = """
            WEBVTT - Touch Matters, episode 12

            NOTE
            Transcribed by hand.
            Two speakers.

            intro
            00:00.000 --> 00:04.500 align:start position:10%
            <v Lena Varga>Welcome to <b>Touch Matters</b>.</v>

            slow-stroking
            00:05.000 --> 00:09.000
            <v.loud Tom>Today: <i>slow</i> stroking
            &amp; C-tactile afferents.

            1:02:03.250 --> 1:02:08.000
            <c.yellow>Pain</c> is an <00:00:03.500>output of the brain.
            """;

    @Test
    void readsWebVttWithVoicesStylingNotesAndIdentifiers() {
        assertThat(TimedText.parseCues(VTT)).containsExactly(
                new Segment(0, "Lena Varga: Welcome to Touch Matters."),
                new Segment(5, "Tom: Today: slow stroking & C-tactile afferents."),
                new Segment(3723, "Pain is an output of the brain."));
    }

    @Test
    void readsSrtWithNumberedCuesAndCommaMillis() {
        String srt = """
                1
                00:00:01,000 --> 00:00:04,000
                Pain is a protector.

                2
                00:01:05,500 --> 00:01:09,000
                It is not a measure
                of tissue damage.
                """;

        assertThat(TimedText.parseCues(srt)).containsExactly(
                new Segment(1, "Pain is a protector."),
                new Segment(65, "It is not a measure of tissue damage."));
    }

    @Test
    void readsWindowsLineEndings() {
        String srt = "1\r\n00:00:01,000 --> 00:00:04,000\r\nPain is a protector.\r\n\r\n"
                + "2\r\n00:00:05,000 --> 00:00:06,000\r\nIt learns.\r\n";

        assertThat(TimedText.parseCues(srt)).containsExactly(
                new Segment(1, "Pain is a protector."),
                new Segment(5, "It learns."));
    }

    @Test
    void cueWithoutTextIsSkippedAndCuesWithoutBlankLinesAreSplit() {
        String vtt = """
                WEBVTT

                00:00:01.000 --> 00:00:02.000

                00:00:03.000 --> 00:00:04.000
                First.
                00:00:05.000 --> 00:00:06.000
                Second.
                """;

        assertThat(TimedText.parseCues(vtt)).containsExactly(
                new Segment(3, "First."),
                new Segment(5, "Second."));
    }

    @Test
    void textWithoutCuesIsAReadableError() {
        assertThatThrownBy(() -> TimedText.parseCues("WEBVTT\n\nNOTE nothing was said\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no timed cues found (expected lines like '00:01:02.000 --> 00:01:05.000')");
        assertThatThrownBy(() -> TimedText.parseCues(""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("no timed cues found");
    }

    @Test
    void passagesJoinCuesUntilAboutTwoHundredEightyCharactersKeepingTheFirstStart() {
        String a = "a".repeat(99);
        String b = "b".repeat(99);
        String c = "c".repeat(99);
        String d = "d".repeat(99);
        String e = "e".repeat(99);
        var cues = List.of(new Segment(10, a), new Segment(20, b), new Segment(30, c), new Segment(40, d),
                new Segment(50, e));

        assertThat(TimedText.passages(cues)).containsExactly(
                new Segment(10, a + " " + b + " " + c),
                new Segment(40, d + " " + e));
    }

    @Test
    void aLongCueIsAPassageOfItsOwn() {
        String longCue = "x".repeat(400);
        var cues = List.of(new Segment(1, longCue), new Segment(9, "Short."));

        assertThat(TimedText.passages(cues)).containsExactly(new Segment(1, longCue), new Segment(9, "Short."));
    }

    @Test
    void noCuesNoPassages() {
        assertThat(TimedText.passages(List.of())).isEmpty();
    }
}
