package org.painsearch.search;

import java.util.regex.Pattern;
import org.painsearch.corpus.Link;

/** The sentence around a link in a Markdown body, as plain text, for backlinks and citation lists. */
final class LinkContexts {
    private static final int MAX_CHARS = 320;
    private static final Pattern BLOCK_START = Pattern.compile("\\s*([-*+>#]|\\d+[.)]|\\n)");
    private static final Pattern MARKUP = Pattern.compile("(\\*\\*|__|[*_`]|^#+\\s*|^\\s*[-*>]\\s+|^\\s*\\d+[.)]\\s+)",
            Pattern.MULTILINE);

    private LinkContexts() {
    }

    /**
     * The sentence of {@code markdown} holding the first link whose key is one of {@code keys}, or null; links in it
     * read as {@code names} says.
     */
    static String sentenceLinking(String markdown, java.util.Collection<String> keys, LinkNames names) {
        for (Link.Located l : Link.locateAll(markdown)) {
            if (keys.contains(l.link().key())) {
                return sentenceAround(markdown, l.start(), l.end(), names);
            }
        }
        return null;
    }

    /**
     * The sentence (or list item, or line) of {@code text} spanning {@code start..end}, as plain text, its links
     * read as {@code names} says (a title, never a raw id).
     */
    static String sentenceAround(String text, int start, int end, LinkNames names) {
        int from = start;
        while (from > 0 && !boundary(text, from - 1)) {
            from--;
        }
        int to = end;
        while (to < text.length() && !boundary(text, to)) {
            to++;
        }
        if (to < text.length() && text.charAt(to) != '\n') {
            to++; // keep the full stop
        }
        String sentence = Link.replaceAll(text.substring(from, to), names::name);
        sentence = MARKUP.matcher(sentence).replaceAll("").replaceAll("\\s+", " ").strip();
        return sentence.length() > MAX_CHARS ? sentence.substring(0, MAX_CHARS) + " …" : sentence;
    }

    // A sentence ends at a paragraph or list-item break, or at . ! ? followed by a space (not after an initial,
    // as in "J. Smith"). A single line break inside a paragraph is only wrapping.
    private static boolean boundary(String text, int i) {
        char c = text.charAt(i);
        if (c == '\n') {
            return i + 1 >= text.length() || i == 0 || text.charAt(i - 1) == '\n'
                    || BLOCK_START.matcher(text.substring(i + 1, Math.min(text.length(), i + 8))).lookingAt();
        }
        return (c == '.' || c == '!' || c == '?') && i + 1 < text.length() && Character.isWhitespace(text.charAt(i + 1))
                && !(i >= 1 && Character.isUpperCase(text.charAt(i - 1)) && (i < 2 || !Character.isLetter(text.charAt(i - 2))));
    }
}
