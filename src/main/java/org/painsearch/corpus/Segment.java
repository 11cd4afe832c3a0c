package org.painsearch.corpus;

/** A timed part of a podcast: a listed topic or a run of transcript cues, starting at {@code startSeconds}. */
public record Segment(long startSeconds, String text) {
    public Segment {
        if (startSeconds < 0) {
            throw new IllegalArgumentException("segment start must not be negative: " + startSeconds);
        }
        text = text == null ? "" : text.strip();
    }

    /** The start as {@code HH:MM:SS}. */
    public String timestamp() {
        return Timestamps.format(startSeconds);
    }
}
