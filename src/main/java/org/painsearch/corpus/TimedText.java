package org.painsearch.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads WebVTT and SRT transcripts into timed cues, merged into passages of a searchable size. A passage never
 * runs across a long silence (music, a break, a cut) nor over about a minute, so its start is close to every word
 * in it; each passage also remembers where its cues start, for the exact moment of a hit.
 */
public final class TimedText {
    private static final Pattern CUE_TIME = Pattern.compile(
            "^\\s*((?:\\d{1,2}:)?\\d{1,2}:\\d{2}[.,]\\d{1,3})\\s*-->\\s*((?:\\d{1,2}:)?\\d{1,2}:\\d{2}[.,]\\d{1,3}).*$");
    private static final Pattern VOICE = Pattern.compile("<v(?:\\.[^ >]*)?\\s+([^>]+)>");
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    // Passages of about this many characters make readable snippets and precise timestamps.
    private static final int PASSAGE_CHARS = 280;
    // A pause at least this long between two cues ends a passage: what follows is another moment.
    private static final long LONG_SILENCE_MILLIS = 8_000;
    // A passage holds no cue starting this long after its own start.
    private static final long MAX_SPAN_MILLIS = 60_000;

    /** One cue: its text and when it starts and ends, in milliseconds. */
    public record Cue(long startMillis, long endMillis, String text) {
        public Cue {
            if (startMillis < 0) {
                throw new IllegalArgumentException("a cue cannot start before zero: " + startMillis);
            }
            endMillis = Math.max(startMillis, endMillis);
            text = text == null ? "" : text.strip();
        }
    }

    private TimedText() {
    }

    /**
     * The cues of a VTT or SRT text, one segment each (start and text).
     *
     * @throws IllegalArgumentException when the text holds no cue at all
     */
    public static List<Segment> parseCues(String text) {
        return cues(text).stream().map(c -> new Segment(c.startMillis() / 1000, c.text())).toList();
    }

    /**
     * The cues of a VTT or SRT text with their start and end times.
     *
     * @throws IllegalArgumentException when the text holds no cue at all
     */
    public static List<Cue> cues(String text) {
        var cues = new ArrayList<Cue>();
        String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            var m = CUE_TIME.matcher(lines[i]);
            if (!m.matches()) {
                continue;
            }
            long start = millis(m.group(1));
            long end = millis(m.group(2));
            var cueText = new StringBuilder();
            int j = i + 1;
            for (; j < lines.length && !lines[j].isBlank(); j++) {
                if (CUE_TIME.matcher(lines[j]).matches()) {
                    break;
                }
                cueText.append(cueText.isEmpty() ? "" : " ").append(clean(lines[j]));
            }
            i = j - 1;
            if (start >= 0 && !cueText.toString().isBlank()) {
                cues.add(new Cue(start, end, cueText.toString()));
            }
        }
        if (cues.isEmpty()) {
            throw new IllegalArgumentException("no timed cues found (expected lines like '00:01:02.000 --> 00:01:05.000')");
        }
        return cues;
    }

    /**
     * Joins consecutive cues into passages of about {@value #PASSAGE_CHARS} characters, each starting at its first
     * cue; a long silence or a minute's worth of cues starts a new passage.
     */
    public static List<Segment> segments(List<Cue> cues) {
        var out = new ArrayList<Segment>();
        var text = new StringBuilder();
        var marks = new ArrayList<Segment.Mark>();
        long start = -1;
        long lastEnd = -1;
        for (Cue cue : cues) {
            if (cue.text().isEmpty()) {
                continue;
            }
            boolean silence = lastEnd >= 0 && cue.startMillis() - lastEnd >= LONG_SILENCE_MILLIS;
            boolean tooLong = start >= 0 && cue.startMillis() - start >= MAX_SPAN_MILLIS;
            if (!text.isEmpty() && (silence || tooLong)) {
                out.add(new Segment(start / 1000, text.toString(), marks));
                text.setLength(0);
                marks.clear();
            }
            if (text.isEmpty()) {
                start = cue.startMillis();
            } else {
                text.append(' ');
            }
            marks.add(new Segment.Mark(text.length(), cue.startMillis() / 1000));
            text.append(cue.text());
            lastEnd = Math.max(cue.endMillis(), cue.startMillis());
            if (text.length() >= PASSAGE_CHARS) {
                out.add(new Segment(start / 1000, text.toString(), marks));
                text.setLength(0);
                marks.clear();
            }
        }
        if (!text.isEmpty()) {
            out.add(new Segment(start / 1000, text.toString(), marks));
        }
        return out;
    }

    // Milliseconds of a cue time ("1:02:03.250", "00:05,500", "05.000"), or -1.
    private static long millis(String time) {
        String t = time.replace(',', '.');
        int dot = t.lastIndexOf('.');
        long seconds = Timestamps.parseSeconds(dot < 0 ? t : t.substring(0, dot));
        if (seconds < 0) {
            return -1;
        }
        String fraction = dot < 0 ? "" : (t.substring(dot + 1) + "00").substring(0, 3);
        return seconds * 1000 + (fraction.isEmpty() ? 0 : Long.parseLong(fraction));
    }

    private static String clean(String line) {
        var voice = VOICE.matcher(line);
        String withSpeaker = voice.find() ? voice.replaceFirst(java.util.regex.Matcher.quoteReplacement(voice.group(1).strip() + ": ")) : line;
        return TAG.matcher(withSpeaker).replaceAll("").replace("&amp;", "&").replace("&lt;", "<")
                .replace("&gt;", ">").strip();
    }
}
