package org.painsearch.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Reads WebVTT and SRT transcripts into timed cues, merged into passages of a searchable size. */
public final class TimedText {
    private static final Pattern CUE_TIME = Pattern.compile(
            "^\\s*((?:\\d{1,2}:)?\\d{1,2}:\\d{2}[.,]\\d{1,3})\\s*-->\\s*((?:\\d{1,2}:)?\\d{1,2}:\\d{2}[.,]\\d{1,3}).*$");
    private static final Pattern VOICE = Pattern.compile("<v(?:\\.[^ >]*)?\\s+([^>]+)>");
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    // Passages of about this many characters make readable snippets and precise timestamps.
    private static final int PASSAGE_CHARS = 280;

    private TimedText() {
    }

    /**
     * The cues of a VTT or SRT text, one segment each.
     *
     * @throws IllegalArgumentException when the text holds no cue at all
     */
    public static List<Segment> parseCues(String text) {
        var cues = new ArrayList<Segment>();
        String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            var m = CUE_TIME.matcher(lines[i]);
            if (!m.matches()) {
                continue;
            }
            long start = Timestamps.parseSeconds(m.group(1));
            var cueText = new StringBuilder();
            int j = i + 1;
            for (; j < lines.length && !lines[j].isBlank(); j++) {
                if (CUE_TIME.matcher(lines[j]).matches()) {
                    break;
                }
                cueText.append(cueText.isEmpty() ? "" : " ").append(clean(lines[j]));
            }
            i = j - 1;
            if (start >= 0 && !cueText.isEmpty()) {
                cues.add(new Segment(start, cueText.toString()));
            }
        }
        if (cues.isEmpty()) {
            throw new IllegalArgumentException("no timed cues found (expected lines like '00:01:02.000 --> 00:01:05.000')");
        }
        return cues;
    }

    /** Joins consecutive cues into passages of about {@value #PASSAGE_CHARS} characters, keeping the first start. */
    public static List<Segment> passages(List<Segment> cues) {
        var out = new ArrayList<Segment>();
        long start = -1;
        var text = new StringBuilder();
        for (Segment cue : cues) {
            if (start < 0) {
                start = cue.startSeconds();
            }
            text.append(text.isEmpty() ? "" : " ").append(cue.text());
            if (text.length() >= PASSAGE_CHARS) {
                out.add(new Segment(start, text.toString()));
                start = -1;
                text.setLength(0);
            }
        }
        if (!text.isEmpty()) {
            out.add(new Segment(start, text.toString()));
        }
        return out;
    }

    private static String clean(String line) {
        var voice = VOICE.matcher(line);
        String withSpeaker = voice.find() ? voice.replaceFirst(java.util.regex.Matcher.quoteReplacement(voice.group(1).strip() + ": ")) : line;
        return TAG.matcher(withSpeaker).replaceAll("").replace("&amp;", "&").replace("&lt;", "<")
                .replace("&gt;", ">").strip();
    }
}
