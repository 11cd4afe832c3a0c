package org.painsearch.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

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

    // Cues one after another, each ten seconds long, the first at {@code startSeconds}.
    private static List<TimedText.Cue> backToBack(long startSeconds, String... texts) {
        var cues = new java.util.ArrayList<TimedText.Cue>();
        for (int i = 0; i < texts.length; i++) {
            long s = (startSeconds + 10L * i) * 1000;
            cues.add(new TimedText.Cue(s, s + 10_000, texts[i]));
        }
        return cues;
    }

    @Test
    void passagesJoinCuesUntilAboutTwoHundredEightyCharactersKeepingTheFirstStart() {
        String a = "a".repeat(99);
        String b = "b".repeat(99);
        String c = "c".repeat(99);
        String d = "d".repeat(99);
        String e = "e".repeat(99);

        assertThat(TimedText.segments(backToBack(10, a, b, c, d, e))).containsExactly(
                new Segment(10, a + " " + b + " " + c,
                        List.of(new Segment.Mark(0, 10), new Segment.Mark(100, 20), new Segment.Mark(200, 30))),
                new Segment(40, d + " " + e, List.of(new Segment.Mark(0, 40), new Segment.Mark(100, 50))));
    }

    @Test
    void aLongCueIsAPassageOfItsOwn() {
        String longCue = "x".repeat(400);

        assertThat(TimedText.segments(backToBack(1, longCue, "Short."))).extracting(Segment::startSeconds, Segment::text)
                .containsExactly(tuple(1L, longCue), tuple(11L, "Short."));
    }

    @Test
    void aLongSilenceEndsAPassageSoAWordLaterIsNotReportedAtTheStart() {
        String vtt = """
                WEBVTT

                00:00:01.000 --> 00:00:04.000
                Welcome back to the show.

                00:12:30.000 --> 00:12:34.000
                Now the part about central sensitisation.
                """;

        var segments = TimedText.segments(TimedText.cues(vtt));

        assertThat(segments).extracting(Segment::timestamp, Segment::text).containsExactly(
                tuple("00:00:01", "Welcome back to the show."),
                tuple("00:12:30", "Now the part about central sensitisation."));
    }

    @Test
    void noPassageSpansMoreThanAMinute() {
        var cues = new java.util.ArrayList<TimedText.Cue>();
        for (int i = 0; i < 30; i++) {
            cues.add(new TimedText.Cue(i * 5000L, i * 5000L + 5000, "Word" + i + "."));
        }

        var segments = TimedText.segments(cues);

        assertThat(segments).hasSize(3).allSatisfy(s -> assertThat(s.marks().getLast().seconds() - s.startSeconds())
                .as("span of %s", s.timestamp()).isLessThan(60));
        assertThat(segments).extracting(Segment::startSeconds).containsExactly(0L, 60L, 120L);
    }

    @Test
    void aWordInAPassageIsTimedByTheCueThatSpeaksIt() {
        var segment = TimedText.segments(backToBack(100, "First we talk about sleep.", "Then about touch.")).getFirst();

        assertThat(segment.secondsAt(segment.text().indexOf("sleep"))).isEqualTo(100);
        assertThat(segment.secondsAt(segment.text().indexOf("touch"))).isEqualTo(110);
    }

    @Test
    void cuesKeepTheirEndTimes() {
        assertThat(TimedText.cues(VTT).getFirst()).isEqualTo(new TimedText.Cue(0, 4500,
                "Lena Varga: Welcome to Touch Matters."));
    }

    @Test
    void noCuesNoPassages() {
        assertThat(TimedText.segments(List.of())).isEmpty();
    }
}
