package org.painsearch.corpus;

import java.util.Locale;

/** The kinds of document the corpus holds, each kept in its own folder. */
public enum DocType {
    ARTICLE("articles"),
    PODCAST("podcasts"),
    NOTE("notes");

    private final String folder;

    DocType(String folder) {
        this.folder = folder;
    }

    /** The folder under corpus/ that holds documents of this type. */
    public String folder() {
        return folder;
    }

    /** The lowercase name used in front matter, queries and JSON. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a front matter or query value such as {@code podcast}; null when unknown. */
    public static DocType parse(String value) {
        if (value == null) {
            return null;
        }
        for (DocType type : values()) {
            if (type.label().equalsIgnoreCase(value.trim())) {
                return type;
            }
        }
        return null;
    }
}
