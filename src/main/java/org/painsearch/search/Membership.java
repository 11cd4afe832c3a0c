package org.painsearch.search;

import java.io.IOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TwoPhaseIterator;
import org.apache.lucene.search.Weight;

/**
 * Whether given documents match a query, checked document by document without running the whole query: one
 * iterator per index segment, advanced through that segment's documents in order.
 */
final class Membership {
    private Membership() {
    }

    /** For each of {@code docs} (top-level doc ids, in any order, repeats allowed), whether it matches {@code query}. */
    static boolean[] of(IndexSearcher searcher, Query query, int[] docs) throws IOException {
        boolean[] out = new boolean[docs.length];
        if (docs.length == 0) {
            return out;
        }
        Weight weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1f);
        var leaves = searcher.getIndexReader().leaves();
        Integer[] order = IntStream.range(0, docs.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingInt(i -> docs[i]));
        int leafIndex = -1;
        TwoPhaseIterator twoPhase = null;
        DocIdSetIterator it = null;
        int at = -1; // the last document asked about in this segment
        boolean atMatches = false;
        for (int i : order) {
            int leafOf = ReaderUtil.subIndex(docs[i], leaves);
            var leaf = leaves.get(leafOf);
            if (leafOf != leafIndex) {
                leafIndex = leafOf;
                var supplier = weight.scorerSupplier(leaf);
                // Led by these few documents, not by the query's own cost.
                Scorer scorer = supplier == null ? null : supplier.get(docs.length);
                twoPhase = scorer == null ? null : scorer.twoPhaseIterator();
                it = scorer == null ? null : twoPhase == null ? scorer.iterator() : twoPhase.approximation();
                at = -1;
                atMatches = false;
            }
            if (it == null) {
                continue;
            }
            int target = docs[i] - leaf.docBase;
            if (target != at) { // a repeated document keeps its answer; the iterator cannot go back
                int found = it.docID() >= target ? it.docID() : it.advance(target);
                atMatches = found == target && (twoPhase == null || twoPhase.matches());
                at = target;
            }
            var live = leaf.reader().getLiveDocs(); // a query's iterator does not skip deleted documents
            out[i] = atMatches && (live == null || live.get(target));
        }
        return out;
    }
}
