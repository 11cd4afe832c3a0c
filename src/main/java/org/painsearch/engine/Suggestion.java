package org.painsearch.engine;

/** An autocomplete suggestion: the text to show, its kind (title, tag, term…) and the document it opens, if any. */
public record Suggestion(String text, String kind, String id) {
}
