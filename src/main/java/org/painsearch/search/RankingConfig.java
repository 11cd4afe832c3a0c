package org.painsearch.search;

/**
 * Every ranking constant in one place: one configuration, tuned against all the judged dev collections together
 * (liveqa-medquad, med and scifact; see README, Relevance), never per collection.
 *
 * @param titleWeight      how much a word in the title counts against one in the body, inside one BM25F field
 * @param tagsWeight       the same for tags
 * @param authorsWeight    the same for author names
 * @param questionBonus    for a query put as a question, the weight of an extra title-only BM25 score: a question asks
 *                         about a topic, and a title names its document's topic (0 for none)
 * @param synonymTie       when a concept is written two ways in one document ("HIV", "human immunodeficiency virus"),
 *                         how much the second way adds (0: the concept counts once)
 * @param rrfK             reciprocal rank fusion constant
 * @param meaningWeight    the meaning ranking's say in the fusion, against the words' 1
 * @param meaningThreshold cosine similarity at or above which a document without the query's words is still a hit
 */
public record RankingConfig(float titleWeight, float tagsWeight, float authorsWeight, float questionBonus,
                            float synonymTie, int rrfK, float meaningWeight, float meaningThreshold) {
    /** The configuration painsearch ranks with. */
    public static final RankingConfig DEFAULT = new RankingConfig(1f, 1f, 1f, 1.5f, 0.3f, 60, 1f, 0.80f);

    public RankingConfig {
        // CombinedFieldQuery (BM25F) takes field weights of 1 or more.
        if (titleWeight < 1 || tagsWeight < 1 || authorsWeight < 1) {
            throw new IllegalArgumentException("field weights must be 1 or more");
        }
        if (questionBonus < 0 || meaningWeight < 0 || synonymTie < 0 || synonymTie > 1) {
            throw new IllegalArgumentException("bonus and meaning weights cannot be negative; the tie lies in 0..1");
        }
        if (rrfK < 1) {
            throw new IllegalArgumentException("rrfK must be 1 or more");
        }
        if (meaningThreshold < -1 || meaningThreshold > 1) {
            throw new IllegalArgumentException("a cosine threshold lies between -1 and 1 (got: " + meaningThreshold + ")");
        }
    }

    /** The same configuration with another meaning threshold (for calibration and tuning). */
    public RankingConfig withMeaning(float weight, float threshold) {
        return new RankingConfig(titleWeight, tagsWeight, authorsWeight, questionBonus, synonymTie, rrfK, weight, threshold);
    }
}
