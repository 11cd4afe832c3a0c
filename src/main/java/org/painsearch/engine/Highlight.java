package org.painsearch.engine;

import java.util.List;
import java.util.function.Function;

/**
 * A passage of plain text with the words the query matched marked as character ranges. No markup: the web page
 * and the terminal each render the marks their own way.
 *
 * @param text  the passage as plain text
 * @param marks the matched stretches, in order and not overlapping
 */
public record Highlight(String text, List<Range> marks) {
    public Highlight {
        if (text == null) {
            throw new IllegalArgumentException("a highlight needs its text");
        }
        marks = marks == null ? List.of() : List.copyOf(marks);
        int last = 0;
        for (Range r : marks) {
            if (r.start() < last || r.end() > text.length()) {
                throw new IllegalArgumentException("marks must be in order, apart and inside the text (got: " + marks
                        + " for " + text.length() + " characters)");
            }
            last = r.end();
        }
    }

    /** A stretch of the text, from {@code start} (inclusive) to {@code end} (exclusive), in chars. */
    public record Range(int start, int end) {
        public Range {
            if (start < 0 || end < start) {
                throw new IllegalArgumentException("a range runs from 0 or more to its start or after (got: "
                        + start + ".." + end + ")");
            }
        }
    }

    /** A passage with nothing marked. */
    public static Highlight plain(String text) {
        return new Highlight(text, List.of());
    }

    /** The text with each marked stretch passed through {@code mark} and the rest through {@code other}. */
    public String render(Function<String, String> other, Function<String, String> mark) {
        var out = new StringBuilder(text.length() + marks.size() * 8);
        int pos = 0;
        for (Range r : marks) {
            out.append(other.apply(text.substring(pos, r.start()))).append(mark.apply(text.substring(r.start(), r.end())));
            pos = r.end();
        }
        return out.append(other.apply(text.substring(pos))).toString();
    }

    /** The marked stretches' text, in order. */
    public List<String> markedWords() {
        return marks.stream().map(r -> text.substring(r.start(), r.end())).toList();
    }
}
