package org.painsearch.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.BytesRef;
import org.painsearch.index.Fields;

/**
 * Ranks documents by meaning, their best passage's vector against the query's, and fuses that ranking with
 * BM25's by reciprocal rank fusion: each document scores {@code sum 1/(K + rank)} over the rankings it is in.
 */
public final class VectorRanker {
    /** How many of each ranking take part in the fusion. */
    static final int FUSION_DEPTH = 100;
    // 60 is the constant of Cormack et al.; it keeps one ranking's first place from outweighing agreement.
    static final int RRF_K = 60;
    // Relative say of each ranking in the fusion; tuned on the dev splits.
    static final float WORDS_WEIGHT = 1f;
    static final float MEANING_WEIGHT = 1f;
    // Passages fetched per document wanted: long documents fill the neighbours with their own passages.
    private static final int PASSAGES_PER_DOC = 3;

    private final Function<String, float[]> embedQuery;

    /** A ranker embedding queries with {@code embedQuery}. */
    public VectorRanker(Function<String, float[]> embedQuery) {
        this.embedQuery = embedQuery;
    }

    Ranker.Ranking fuse(IndexSearcher searcher, String text, TopDocs bm25, Query textQuery,
                        List<QueryFactory.FilterClause> clauses, int n, String notice, QueryFactory.Reading reading)
            throws IOException {
        var byMeaning = nearest(searcher, embedQuery.apply(text), clauses, FUSION_DEPTH, null);
        var fused = new LinkedHashMap<Integer, Float>();
        var wordRank = new HashMap<Integer, Integer>();
        var meaningRank = new HashMap<Integer, Integer>();
        ScoreDoc[] words = bm25.scoreDocs;
        for (int i = 0; i < Math.min(FUSION_DEPTH, words.length); i++) {
            fused.merge(words[i].doc, WORDS_WEIGHT / (RRF_K + i + 1), Float::sum);
            wordRank.put(words[i].doc, i + 1);
        }
        int onlyByMeaning = 0;
        for (int i = 0; i < byMeaning.size(); i++) {
            int doc = byMeaning.get(i).doc;
            meaningRank.put(doc, i + 1);
            if (!wordRank.containsKey(doc)) {
                onlyByMeaning++;
            }
            fused.merge(doc, MEANING_WEIGHT / (RRF_K + i + 1), Float::sum);
        }
        var ranked = fused.entrySet().stream()
                .sorted(Map.Entry.<Integer, Float>comparingByValue().reversed())
                .map(e -> new ScoreDoc(e.getKey(), e.getValue())).toArray(ScoreDoc[]::new);
        var how = new HashMap<Integer, String>();
        for (ScoreDoc sd : ranked) {
            Integer w = wordRank.get(sd.doc);
            Integer v = meaningRank.get(sd.doc);
            how.put(sd.doc, "reciprocal rank fusion (k=" + RRF_K + "): words rank " + (w == null ? "-" : w)
                    + ", meaning rank " + (v == null ? "-" : v) + ", fused score " + sd.score);
        }
        return new Ranker.Ranking(ranked, bm25.totalHits.value() + onlyByMeaning, textQuery, notice, reading, how,
                bm25.totalHits.value());
    }

    /**
     * The documents (kind doc) whose passages are nearest {@code vector}, best first, each once, passing the
     * filters; {@code exceptId} is left out (a document is not its own neighbour).
     */
    static List<ScoreDoc> nearest(IndexSearcher searcher, float[] vector, List<QueryFactory.FilterClause> clauses,
                                  int k, String exceptId) throws IOException {
        // Only passages carry vectors, so the search needs no filter (a filter would slow the graph walk).
        var passages = searcher.search(new KnnFloatVectorQuery(Fields.VECTOR, vector, k * PASSAGES_PER_DOC),
                k * PASSAGES_PER_DOC);
        var leaves = searcher.getIndexReader().leaves();
        var bestById = new LinkedHashMap<String, Float>();
        for (ScoreDoc sd : passages.scoreDocs) {
            var leaf = leaves.get(ReaderUtil.subIndex(sd.doc, leaves));
            var roots = DocValues.getSortedSet(leaf.reader(), Fields.ROOT);
            if (roots.advanceExact(sd.doc - leaf.docBase)) {
                String id = roots.lookupOrd(roots.nextOrd()).utf8ToString();
                if (!id.equals(exceptId)) {
                    bestById.putIfAbsent(id, sd.score);
                }
            }
        }
        if (bestById.isEmpty()) {
            return List.of();
        }
        // Back from ids to the documents themselves, keeping only those the filters allow.
        var ids = bestById.keySet().stream().map(BytesRef::new).toList();
        Query parents = QueryFactory.combine(new TermInSetQuery(Fields.ID, ids), clauses, null);
        var found = searcher.search(parents, ids.size());
        var docById = new HashMap<String, Integer>();
        var stored = searcher.storedFields();
        for (ScoreDoc sd : found.scoreDocs) {
            docById.put(stored.document(sd.doc, java.util.Set.of(Fields.ID)).get(Fields.ID), sd.doc);
        }
        var out = new ArrayList<ScoreDoc>();
        for (var e : bestById.entrySet()) {
            Integer doc = docById.get(e.getKey());
            if (doc != null && out.size() < k) {
                out.add(new ScoreDoc(doc, e.getValue()));
            }
        }
        return out;
    }
}
