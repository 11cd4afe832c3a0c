package org.painsearch.corpus;

import java.util.Locale;

/** Makes document ids: lowercase, filesystem-safe, readable. */
public final class Ids {
    private Ids() {
    }

    /** A filesystem-safe id from a title: lowercase ASCII words joined by '-', at most 80 characters. */
    public static String slug(String title) {
        String ascii = java.text.Normalizer.normalize(title, java.text.Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        String s = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (s.length() > 80) {
            s = s.substring(0, 80).replaceAll("-[^-]*$", "");
        }
        return s.isEmpty() ? "untitled" : s;
    }
}
