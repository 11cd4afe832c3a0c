package org.painsearch.engine;

import java.util.List;

/**
 * Why a hit matched, attached to it when the request asked.
 *
 * @param bm25    the words' score (BM25 with field weights)
 * @param matches its parts, largest first
 * @param fusion  for hybrid ranking: how the words' and the meaning's ranks were fused; null otherwise
 */
public record HitExplanation(double bm25, List<Match> matches, String fusion) {

    /** One part of the score: a term, a synonym group or a phrase in one field, and its share. */
    public record Match(String field, String term, boolean synonym, double weight) {
    }
}
