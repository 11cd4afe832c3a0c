package org.painsearch.engine;

import java.util.List;

/**
 * A whole document as the document view shows it, with the links it makes and the documents linking to it.
 *
 * @param markdown the body as written; the web layer renders and sanitizes it
 */
public record DocumentView(String id, String type, String title, String url, String published, List<String> authors,
                           List<String> tags, String source, String doi, String pmid, String show, String episode,
                           String audio, String duration, Boolean isPrivate, String markdown, List<Moment> segments,
                           List<LinkView> links, List<Backlink> backlinks) {

    /** A timed podcast segment. */
    public record Moment(long seconds, String timestamp, String text) {
    }

    /**
     * A link written in this document. {@code id}, {@code title} and {@code type} describe the document it
     * resolves to and are null when it does not resolve (the link is kept and shown as unresolved).
     *
     * @param context the sentence the link stands in
     * @param moment  for a link to a podcast moment, the text of the segment playing then
     */
    public record LinkView(String target, String label, String timestamp, Long seconds, boolean bare, String id,
                           String title, String type, String context, String moment) {
        /** True when the target exists. */
        public boolean resolved() {
            return id != null;
        }
    }

    /** A document linking here, with the sentence that links. */
    public record Backlink(String id, String title, String type, String context) {
    }
}
