package org.painsearch.corpus;

import java.util.List;

/**
 * A timed part of a podcast: a listed topic or a run of transcript cues, starting at {@code startSeconds}.
 *
 * @param marks where each cue of a transcript passage starts in {@code text} and when it is spoken, so a hit on a
 *              word can point at the cue that says it rather than at the start of the passage (empty for topics)
 */
public record Segment(long startSeconds, String text, List<Mark> marks) {
    public Segment {
        if (startSeconds < 0) {
            throw new IllegalArgumentException("segment start must not be negative: " + startSeconds);
        }
        text = text == null ? "" : text.strip();
        marks = marks == null ? List.of() : List.copyOf(marks);
        for (int i = 0; i < marks.size(); i++) {
            Mark m = marks.get(i);
            if (m.offset() > text.length() || i > 0 && m.offset() < marks.get(i - 1).offset()) {
                throw new IllegalArgumentException("cue marks must lie in the text, in order: " + marks);
            }
        }
    }

    /** A segment without cue marks: a listed topic, or a passage whose cues are not known. */
    public Segment(long startSeconds, String text) {
        this(startSeconds, text, List.of());
    }

    /** A cue inside a passage: it starts at character {@code offset} of the text and is spoken at {@code seconds}. */
    public record Mark(int offset, long seconds) {
        public Mark {
            if (offset < 0 || seconds < 0) {
                throw new IllegalArgumentException("a cue mark needs a place and a time at or after zero");
            }
        }
    }

    /** The start as {@code HH:MM:SS}. */
    public String timestamp() {
        return Timestamps.format(startSeconds);
    }

    /** When the words at character {@code offset} of the text are spoken: the start of the cue holding them. */
    public long secondsAt(int offset) {
        long seconds = startSeconds;
        for (Mark m : marks) {
            if (m.offset() > offset) {
                break;
            }
            seconds = m.seconds();
        }
        return seconds;
    }
}
