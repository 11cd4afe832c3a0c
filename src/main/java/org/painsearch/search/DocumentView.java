package org.painsearch.search;

import java.util.List;

/**
 * A whole document as the document view shows it, with the links it makes and the notes linking to it.
 *
 * @param markdown the body as written; the web layer renders and sanitizes it
 */
public record DocumentView(String id, String type, String title, String url, String published, List<String> authors,
                           List<String> tags, String source, String doi, String pmid, String show, String episode,
                           String audio, String duration, String markdown, List<Moment> segments, List<LinkView> links,
                           List<SearchResponse.NoteRef> backlinks) {

    /** A timed podcast segment. */
    public record Moment(long seconds, String timestamp, String text) {
    }

    /**
     * A {@code [[link]]} written in this document; {@code title} and {@code type} are null when the target
     * is not in the index (the link is kept and shown as unresolved).
     */
    public record LinkView(String target, String label, String timestamp, String title, String type) {
        /** True when the target exists. */
        public boolean resolved() {
            return title != null;
        }
    }
}
