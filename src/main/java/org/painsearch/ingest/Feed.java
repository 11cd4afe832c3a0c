package org.painsearch.ingest;

import java.time.LocalDate;
import java.util.List;

/**
 * A podcast feed as read from RSS 2.0 or Atom with the iTunes and Podcasting 2.0 namespaces.
 *
 * @param title the show's name
 * @param link  the show's web page, or null
 */
public record Feed(String title, String link, String author, List<Episode> episodes) {
    public Feed {
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("the feed has no title");
        }
        title = title.strip();
        episodes = List.copyOf(episodes);
    }

    /**
     * One episode (an RSS item or Atom entry).
     *
     * @param guid       the episode's identity in the feed (guid, Atom id, or enclosure address)
     * @param duration   running time as {@code HH:MM:SS}, or null
     * @param notesHtml  the show notes as published (HTML or plain text), or empty
     * @param transcripts {@code podcast:transcript} links, in the order the feed lists them
     */
    public record Episode(String guid, String title, String link, LocalDate published, String duration, String episode,
                          String author, List<String> keywords, String notesHtml, String audioUrl, String chaptersUrl,
                          List<TranscriptRef> transcripts) {
        public Episode {
            if (title == null || title.isBlank()) {
                throw new IllegalArgumentException("an episode has no title");
            }
            title = title.strip();
            keywords = keywords == null ? List.of() : List.copyOf(keywords);
            notesHtml = notesHtml == null ? "" : notesHtml;
            transcripts = transcripts == null ? List.of() : List.copyOf(transcripts);
        }
    }

    /** A {@code podcast:transcript} link: its address and declared media type (may be null). */
    public record TranscriptRef(String url, String type) {
        public TranscriptRef {
            if (url == null || url.isBlank()) {
                throw new IllegalArgumentException("a transcript link has no url");
            }
        }
    }
}
