package org.painsearch.search;

import java.io.IOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.util.BytesRef;
import org.painsearch.index.Fields;

/**
 * Hits of equal score in the order of their ids. Lucene leaves equal scores in index order, which a rebuild on
 * several threads (and vectors added in the background) does not fix; by id, the same search gives the same order
 * after every rebuild.
 */
final class Ties {
    /** Best first, equal scores in id order: for searches cut at a number of hits. */
    static final org.apache.lucene.search.Sort BY_SCORE_THEN_ID = new org.apache.lucene.search.Sort(
            org.apache.lucene.search.SortField.FIELD_SCORE, new org.apache.lucene.search.SortedSetSortField(Fields.ID, false));

    private Ties() {
    }

    /** {@code docs} with each run of equal scores sorted by id, in place; returns it. */
    static ScoreDoc[] byId(IndexSearcher searcher, ScoreDoc[] docs) throws IOException {
        for (int i = 0; i < docs.length; ) {
            int j = i + 1;
            while (j < docs.length && Float.compare(docs[j].score, docs[i].score) == 0) {
                j++;
            }
            if (j - i > 1) {
                sortRun(searcher.getIndexReader().leaves(), docs, i, j);
            }
            i = j;
        }
        return docs;
    }

    /** The id of {@code doc} as bytes, for ordering ties. */
    static BytesRef idOf(List<LeafReaderContext> leaves, int doc) throws IOException {
        var leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        SortedSetDocValues ids = DocValues.getSortedSet(leaf.reader(), Fields.ID);
        if (!ids.advanceExact(doc - leaf.docBase)) {
            return new BytesRef();
        }
        return BytesRef.deepCopyOf(ids.lookupOrd(ids.nextOrd()));
    }

    private static void sortRun(List<LeafReaderContext> leaves, ScoreDoc[] docs, int from, int to) throws IOException {
        var keyed = new Object[to - from][];
        for (int k = from; k < to; k++) {
            keyed[k - from] = new Object[] {idOf(leaves, docs[k].doc), docs[k]};
        }
        Arrays.sort(keyed, Comparator.comparing(e -> (BytesRef) e[0]));
        for (int k = from; k < to; k++) {
            docs[k] = (ScoreDoc) keyed[k - from][1];
        }
    }
}
