package org.painsearch.corpus;

/**
 * Text a person can have typed: no NUL or other control characters (tabs and line breaks aside) and no half of a
 * surrogate pair. Such text could not be written as a valid UTF-8 file, or would make one every reader refuses.
 */
public final class SafeText {
    private SafeText() {
    }

    /** Why {@code text} cannot be saved, naming {@code what} and the first bad character; null when it can. */
    public static String problem(String what, String text) {
        if (text == null) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return what + " holds half of a Unicode character (U+" + hex(c) + " at character " + (i + 1)
                        + "), which cannot be saved; remove it";
            } else if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' || c == 0x7f) {
                return what + " holds a control character (U+" + hex(c) + " at character " + (i + 1)
                        + "), which cannot be saved; remove it";
            }
        }
        return null;
    }

    /** Throws {@link IllegalArgumentException} with {@link #problem}'s sentence when there is one; returns the text. */
    public static String require(String what, String text) {
        String problem = problem(what, text);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        return text;
    }

    private static String hex(char c) {
        return String.format(java.util.Locale.ROOT, "%04X", (int) c);
    }
}
