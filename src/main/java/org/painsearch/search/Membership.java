package org.painsearch.search;

import java.io.IOException;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;

/** Whether given documents match a query, checked document by document without running the whole query. */
final class Membership {
    private Membership() {
    }

    /** For each of {@code docs} (top-level doc ids), whether it matches {@code query}. */
    static boolean[] of(IndexSearcher searcher, Query query, int[] docs) throws IOException {
        boolean[] out = new boolean[docs.length];
        if (docs.length == 0) {
            return out;
        }
        Weight weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1f);
        var leaves = searcher.getIndexReader().leaves();
        for (int i = 0; i < docs.length; i++) {
            var leaf = leaves.get(ReaderUtil.subIndex(docs[i], leaves));
            var scorer = weight.scorer(leaf);
            if (scorer == null) {
                continue;
            }
            int target = docs[i] - leaf.docBase;
            var twoPhase = scorer.twoPhaseIterator();
            DocIdSetIterator it = twoPhase == null ? scorer.iterator() : twoPhase.approximation();
            out[i] = it.advance(target) == target && (twoPhase == null || twoPhase.matches());
        }
        return out;
    }
}
