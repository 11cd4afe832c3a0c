package org.painsearch.engine;

/** How results are ordered: by relevance (the default) or newest first. */
public enum SortOrder {
    RELEVANCE,
    DATE;

    /** Parses {@code relevance} or {@code date}; blank means relevance. */
    public static SortOrder parse(String value) {
        if (value == null || value.isBlank() || value.equalsIgnoreCase("relevance")) {
            return RELEVANCE;
        }
        if (value.equalsIgnoreCase("date") || value.equalsIgnoreCase("newest")) {
            return DATE;
        }
        throw new IllegalArgumentException("sort must be 'relevance' or 'date' (got: " + value + ")");
    }
}
