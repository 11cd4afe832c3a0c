package org.painsearch.index;

import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.search.similarities.PerFieldSimilarityWrapper;
import org.apache.lucene.search.similarities.Similarity;

/** BM25 parameters per field, tuned on the dev splits of the evaluation collections. */
public final class Ranking {
    // Lucene's defaults (k1 1.2, b 0.75) held up on the dev splits; kept per field so titles can differ later.
    private static final Similarity TITLE = new BM25Similarity(1.2f, 0.75f);
    private static final Similarity BODY = new BM25Similarity(1.2f, 0.75f);

    /** The similarity every searcher and the writer use. */
    public static final Similarity SIMILARITY = new PerFieldSimilarityWrapper() {
        @Override
        public Similarity get(String field) {
            return Fields.TITLE.equals(field) ? TITLE : BODY;
        }
    };

    private Ranking() {
    }
}
