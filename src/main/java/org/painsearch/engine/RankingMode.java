package org.painsearch.engine;

/** How results are ranked: words alone (BM25) or words fused with meaning (BM25 plus sentence vectors). */
public enum RankingMode {
    BM25,
    HYBRID;

    /** Parses {@code bm25} or {@code hybrid}; blank gives {@code fallback}. */
    public static RankingMode parse(String value, RankingMode fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        return switch (value.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "bm25", "words" -> BM25;
            case "hybrid" -> HYBRID;
            default -> throw new IllegalArgumentException("mode must be 'bm25' or 'hybrid' (got: " + value + ")");
        };
    }
}
