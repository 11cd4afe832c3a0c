package org.painsearch.engine;

import java.util.List;
import java.util.Map;

/**
 * The answer to a search.
 *
 * @param notice  set when the query was read differently from how it was typed (a syntax problem, a relaxed AND)
 * @param facets  counts per value for type, tag, source and year, largest first (years newest first)
 * @param mode    how the results were ranked: bm25 or hybrid
 * @param details the query as understood: how it was read, stems, synonyms added
 * @param didYouMean the query with misspelled words corrected, when it found few results and a correction exists
 */
public record SearchResponse(String query, long total, long tookMs, String notice, int page, int size, List<Hit> hits,
                             Map<String, Map<String, Long>> facets, String mode, QueryDetails details,
                             String didYouMean) {

    /**
     * One result. {@code snippets} are its best passages as plain text with the matched words as ranges (for a
     * podcast, the matching moment first); {@code timestamp} is set for a podcast whose matching moment is known; {@code linkedNotes} are
     * the notes linking to it; {@code links} (notes only) what it links to; {@code isPrivate} marks a private note;
     * {@code matchedBy} says why it is a hit: {@code ["words"]}, {@code ["meaning"]} or {@code ["words","meaning"]};
     * {@code explanation} is set when the request asked why each hit matched.
     */
    public record Hit(String id, String type, String title, String url, String published, List<String> authors,
                      List<String> tags, String source, List<Highlight> snippets, String timestamp, Long timestampSeconds,
                      String audio, List<NoteRef> linkedNotes, List<NoteRef> links, Boolean isPrivate, float score,
                      List<String> matchedBy, HitExplanation explanation) {
    }

    /** A note (or any document) referred to by id and title. */
    public record NoteRef(String id, String title) {
    }
}
