package org.painsearch.engine;

import java.util.List;

/**
 * The query as painsearch understood it, like PubMed's "search details": how it was read, each typed word with
 * the stem it is matched by, the words synonyms added, and the query itself over the body field.
 *
 * @param reading    {@code question} (any words, most and closest first), {@code all words}, or {@code any words}
 *                   (all words found nothing)
 * @param stems      each typed word and the stem searched for it
 * @param synonyms   stems added by synonyms, not typed
 * @param understood the query over the body field, with stems, synonyms as OR, and phrases in quotes
 */
public record QueryDetails(String reading, List<Stem> stems, List<String> synonyms, String understood) {

    /** A typed word and its stem. */
    public record Stem(String word, String stem) {
    }
}
