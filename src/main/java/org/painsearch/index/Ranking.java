package org.painsearch.index;

import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.search.similarities.PerFieldSimilarityWrapper;
import org.apache.lucene.search.similarities.Similarity;

/** BM25 parameters per field, tuned on the dev splits of the evaluation collections. */
public final class Ranking {
    // Lucene's defaults (k1 1.2, b 0.75) beat k1 0.9/1.6, b 0.5/0.9 and title b 0.3/0.5 on the dev splits.
    private static final Similarity TITLE = new BM25Similarity(1.2f, 0.75f);
    private static final Similarity BODY = new BM25Similarity(1.2f, 0.75f);

    /** The similarity every searcher and the writer use. */
    /** Makes searchers that rank with {@link #SIMILARITY}, for every searcher of the index. */
    static final org.apache.lucene.search.SearcherFactory SEARCHERS = new org.apache.lucene.search.SearcherFactory() {
        @Override
        public org.apache.lucene.search.IndexSearcher newSearcher(org.apache.lucene.index.IndexReader reader,
                                                                 org.apache.lucene.index.IndexReader previous) {
            var searcher = new org.apache.lucene.search.IndexSearcher(reader);
            searcher.setSimilarity(SIMILARITY);
            return searcher;
        }
    };
    public static final Similarity SIMILARITY = new PerFieldSimilarityWrapper() {
        @Override
        public Similarity get(String field) {
            return Fields.TITLE.equals(field) ? TITLE : BODY;
        }
    };

    private Ranking() {
    }
}
