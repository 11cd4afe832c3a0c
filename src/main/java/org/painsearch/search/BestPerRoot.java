package org.painsearch.search;

import java.io.IOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.painsearch.index.Fields;

/**
 * Collects, for each document block (its {@link Fields#ROOT}), the best-scoring hit: what a top-1 search per block
 * finds (the higher score, the lower doc id on a tie), for many blocks in one search.
 */
final class BestPerRoot extends SimpleCollector {
    private final Map<String, ScoreDoc> best = new HashMap<>();
    private SortedSetDocValues roots;
    private Scorable scorer;
    private int docBase;

    @Override
    public ScoreMode scoreMode() {
        return ScoreMode.COMPLETE;
    }

    @Override
    protected void doSetNextReader(LeafReaderContext context) throws IOException {
        roots = DocValues.getSortedSet(context.reader(), Fields.ROOT);
        docBase = context.docBase;
    }

    @Override
    public void setScorer(Scorable scorer) {
        this.scorer = scorer;
    }

    @Override
    public void collect(int doc) throws IOException {
        if (!roots.advanceExact(doc)) {
            return;
        }
        String root = roots.lookupOrd(roots.nextOrd()).utf8ToString();
        float score = scorer.score();
        merge(best, root, new ScoreDoc(docBase + doc, score));
    }

    private static void merge(Map<String, ScoreDoc> into, String root, ScoreDoc candidate) {
        ScoreDoc current = into.get(root);
        if (current == null || candidate.score > current.score
                || candidate.score == current.score && candidate.doc < current.doc) {
            into.put(root, candidate);
        }
    }

    /** The best hit of each block, by root id. */
    static final class Manager implements CollectorManager<BestPerRoot, Map<String, ScoreDoc>> {
        @Override
        public BestPerRoot newCollector() {
            return new BestPerRoot();
        }

        @Override
        public Map<String, ScoreDoc> reduce(Collection<BestPerRoot> collectors) {
            var out = new HashMap<String, ScoreDoc>();
            for (BestPerRoot c : collectors) {
                c.best.forEach((root, sd) -> merge(out, root, sd));
            }
            return out;
        }
    }
}
