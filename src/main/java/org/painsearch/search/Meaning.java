package org.painsearch.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.FloatVectorSimilarityQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.join.BitSetProducer;
import org.apache.lucene.search.join.DiversifyingChildrenFloatKnnVectorQuery;
import org.apache.lucene.search.join.QueryBitSetProducer;
import org.apache.lucene.search.join.ScoreMode;
import org.apache.lucene.search.join.ToChildBlockJoinQuery;
import org.apache.lucene.search.join.ToParentBlockJoinQuery;
import org.apache.lucene.util.BitSet;
import org.apache.lucene.util.VectorUtil;
import org.painsearch.index.Fields;

/**
 * Search by meaning: a document's passages carry sentence vectors as its children in the index block, and a
 * document is as close to a query as its closest passage (cosine similarity of the two vectors).
 */
public final class Meaning {
    // The documents of the index, the parents of every block; the producer caches its bit set per segment.
    static final BitSetProducer DOCS = new QueryBitSetProducer(new TermQuery(new Term(Fields.KIND, Fields.KIND_DOC)));
    // The radius search walks the graph through passages a little farther than the threshold, so it finds the
    // close passages that are only reachable through less close ones.
    static final float TRAVERSAL_MARGIN = 0.1f;

    private final Function<String, float[]> embedQuery;
    private final BooleanSupplier ready;

    /** Meaning search embedding queries with {@code embedQuery}, always ready. */
    public Meaning(Function<String, float[]> embedQuery) {
        this(embedQuery, () -> true);
    }

    /**
     * Meaning search embedding queries with {@code embedQuery} once {@code ready} says it can do so without waiting
     * (the model is loaded); until then searches rank by words alone and say so.
     */
    public Meaning(Function<String, float[]> embedQuery, BooleanSupplier ready) {
        this.embedQuery = embedQuery;
        this.ready = ready;
    }

    /** True when a query can be embedded now, without waiting for the model to load. */
    boolean ready() {
        return ready.getAsBoolean();
    }

    /** The query's vector. */
    float[] embed(String text) {
        return embedQuery.apply(text);
    }

    /** Lucene scores a cosine as {@code (1 + cos) / 2}; these convert between the two. */
    static float score(float cosine) {
        return (1 + cosine) / 2;
    }

    static float cosine(float score) {
        return 2 * score - 1;
    }

    /** Documents having a passage at least {@code cosine} close to {@code vector}, scored by their closest. */
    static Query closerThan(float[] vector, float cosine) {
        float result = score(cosine);
        var passages = new FloatVectorSimilarityQuery.Explicit(Fields.VECTOR, vector,
                Math.max(0f, score(cosine - TRAVERSAL_MARGIN)), result);
        return new ToParentBlockJoinQuery(passages, DOCS, ScoreMode.Max);
    }

    /**
     * The {@code k} documents matching {@code filter} (a query over documents; null for all) whose passages come
     * nearest {@code vector}, nearest first, each scored by its closest passage's cosine.
     */
    static List<ScoreDoc> nearest(IndexSearcher searcher, float[] vector, Query filter, int k) throws IOException {
        Query childFilter = filter == null ? null : new ToChildBlockJoinQuery(filter, DOCS);
        var passages = new DiversifyingChildrenFloatKnnVectorQuery(Fields.VECTOR, vector, childFilter, k, DOCS);
        var top = searcher.search(new ToParentBlockJoinQuery(passages, DOCS, ScoreMode.Max), k);
        var out = new ArrayList<ScoreDoc>(top.scoreDocs.length);
        for (ScoreDoc sd : top.scoreDocs) {
            out.add(new ScoreDoc(sd.doc, cosine(sd.score)));
        }
        return out;
    }

    /** The cosine of each document's closest passage to {@code vector}; NaN for a document without vectors. */
    static float[] closest(IndexSearcher searcher, int[] docs, float[] vector) throws IOException {
        var leaves = searcher.getIndexReader().leaves();
        float[] out = new float[docs.length];
        for (int i = 0; i < docs.length; i++) {
            var leaf = leaves.get(ReaderUtil.subIndex(docs[i], leaves));
            int parent = docs[i] - leaf.docBase;
            out[i] = Float.NaN;
            FloatVectorValues values = leaf.reader().getFloatVectorValues(Fields.VECTOR);
            BitSet parents = DOCS.getBitSet(leaf);
            if (values == null || parents == null) {
                continue;
            }
            int first = parent == 0 ? 0 : parents.prevSetBit(parent - 1) + 1;
            KnnVectorValues.DocIndexIterator it = values.iterator();
            for (int d = it.advance(first); d < parent; d = it.nextDoc()) {
                float c = VectorUtil.cosine(vector, values.vectorValue(it.index()));
                out[i] = Float.isNaN(out[i]) ? c : Math.max(out[i], c);
            }
        }
        return out;
    }
}
