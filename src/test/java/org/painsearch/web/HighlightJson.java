package org.painsearch.web;

import tools.jackson.databind.JsonNode;

/** Reads a highlight as the API sends it (text and match ranges) back into {@code <mark>} form, for assertions. */
final class HighlightJson {
    private HighlightJson() {
    }

    /** The text with each marked range in {@code <mark>}…{@code </mark>}; nothing escaped. */
    static String marked(JsonNode highlight) {
        String text = highlight.path("text").asString();
        var out = new StringBuilder();
        int pos = 0;
        for (JsonNode r : highlight.path("marks")) {
            int start = r.path("start").asInt();
            int end = r.path("end").asInt();
            out.append(text, pos, start).append("<mark>").append(text, start, end).append("</mark>");
            pos = end;
        }
        return out.append(text.substring(pos)).toString();
    }
}
