package org.painsearch.search;

import java.util.ArrayList;
import java.util.List;
import org.painsearch.engine.Highlight;

/**
 * The marked passages the highlighter, podcast moments and link names work with, turned into {@link Highlight}s
 * (plain text and match ranges) where they leave the Lucene side: no HTML crosses the engine seam.
 */
final class Highlights {
    private Highlights() {
    }

    /** The marked, escaped passages as plain text with match ranges (see {@link #of(String)}). */
    static List<Highlight> of(List<String> marked) {
        return marked.stream().map(Highlights::of).toList();
    }

    /**
     * A passage as the engine hands it out: the plain text of an escaped passage with its {@code <mark>} stretches
     * as ranges. Only the markup {@link Snippets} writes is read: the two tags and the five escaped characters.
     */
    static Highlight of(String marked) {
        var text = new StringBuilder(marked.length());
        var marks = new ArrayList<Highlight.Range>();
        int open = -1;
        for (int i = 0; i < marked.length(); ) {
            if (marked.startsWith(Snippets.MARK_OPEN, i)) {
                open = text.length();
                i += Snippets.MARK_OPEN.length();
            } else if (marked.startsWith(Snippets.MARK_CLOSE, i)) {
                if (open >= 0 && text.length() > open) {
                    marks.add(new Highlight.Range(open, text.length()));
                }
                open = -1;
                i += Snippets.MARK_CLOSE.length();
            } else if (marked.charAt(i) == '&') {
                int end = marked.indexOf(';', i);
                String entity = end < 0 ? "" : marked.substring(i, end + 1);
                String ch = switch (entity) {
                    case "&amp;" -> "&";
                    case "&lt;" -> "<";
                    case "&gt;" -> ">";
                    case "&quot;" -> "\"";
                    case "&#39;" -> "'";
                    default -> null;
                };
                text.append(ch == null ? "&" : ch);
                i += ch == null ? 1 : entity.length();
            } else {
                text.append(marked.charAt(i++));
            }
        }
        return new Highlight(text.toString(), marks);
    }
}
