package org.painsearch.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.painsearch.index.Analysis;
import org.painsearch.index.Fields;
import org.painsearch.index.IndexService;
import org.painsearch.engine.RelatedDoc;

/**
 * Documents related to one document: Lucene's MoreLikeThis over its title, tags and body (shared distinctive
 * words) and, when vectors are indexed, its nearest neighbours by meaning, fused by reciprocal rank.
 */
public final class Related {
    private final IndexService index;

    public Related(IndexService index) {
        this.index = index;
    }

    /** Up to {@code n} documents related to {@code id}; empty when there is no such document. */
    public List<RelatedDoc> of(String id, int n) throws IOException {
        return index.withSearcher(searcher -> {
            var self = searcher.search(new BooleanQuery.Builder()
                    .add(new TermQuery(new Term(Fields.ID, id)), Occur.FILTER)
                    .add(new TermQuery(new Term(Fields.KIND, Fields.KIND_DOC)), Occur.FILTER).build(), 1);
            if (self.scoreDocs.length == 0) {
                return List.of();
            }
            var byWords = likeThis(searcher, self.scoreDocs[0].doc, id, n * 2);
            float[] centroid = centroid(searcher, id);
            var byMeaning = centroid == null ? List.<ScoreDoc>of()
                    : Meaning.nearest(searcher, centroid, notItself(id), n * 2);
            var fused = new LinkedHashMap<Integer, Float>();
            var by = new LinkedHashMap<Integer, List<String>>();
            add(byWords, "words", fused, by);
            add(byMeaning, "meaning", fused, by);
            var out = new ArrayList<RelatedDoc>();
            fused.entrySet().stream().sorted(Map.Entry.<Integer, Float>comparingByValue().reversed()).limit(n)
                    .forEach(e -> {
                        try {
                            var d = searcher.storedFields().document(e.getKey(), Set.of(Fields.ID, Fields.TITLE, Fields.TYPE));
                            out.add(new RelatedDoc(d.get(Fields.ID), d.get(Fields.TITLE), d.get(Fields.TYPE), by.get(e.getKey())));
                        } catch (IOException ex) {
                            throw new java.io.UncheckedIOException(ex);
                        }
                    });
            return out;
        });
    }

    private static void add(List<ScoreDoc> ranking, String how, Map<Integer, Float> fused, Map<Integer, List<String>> by) {
        for (int i = 0; i < ranking.size(); i++) {
            int doc = ranking.get(i).doc;
            fused.merge(doc, 1f / (RankingConfig.DEFAULT.rrfK() + i + 1), Float::sum);
            by.computeIfAbsent(doc, k -> new ArrayList<>()).add(how);
        }
    }

    // Every document but the one whose neighbours are sought.
    private static org.apache.lucene.search.Query notItself(String id) {
        return new BooleanQuery.Builder()
                .add(new TermQuery(new Term(Fields.KIND, Fields.KIND_DOC)), Occur.FILTER)
                .add(new TermQuery(new Term(Fields.ID, id)), Occur.MUST_NOT)
                .build();
    }

    private static List<ScoreDoc> likeThis(IndexSearcher searcher, int doc, String id, int n) throws IOException {
        var mlt = new MoreLikeThis(searcher.getIndexReader());
        mlt.setAnalyzer(Analysis.indexAnalyzer());
        mlt.setFieldNames(new String[] {Fields.TITLE, Fields.TAGS_TEXT, Fields.BODY});
        // A small library: a word used twice in a document and found in two documents already says something.
        mlt.setMinTermFreq(2);
        mlt.setMinDocFreq(2);
        mlt.setMaxQueryTerms(25);
        var q = new BooleanQuery.Builder()
                .add(mlt.like(doc), Occur.MUST)
                .add(new TermQuery(new Term(Fields.KIND, Fields.KIND_DOC)), Occur.FILTER)
                .add(new TermQuery(new Term(Fields.ID, id)), Occur.MUST_NOT)
                .build();
        return List.of(searcher.search(q, n, Ties.BY_SCORE_THEN_ID, true).scoreDocs);
    }

    // The mean of a document's passage vectors: where the document as a whole sits among meanings.
    private static float[] centroid(IndexSearcher searcher, String id) throws IOException {
        var passages = searcher.search(new BooleanQuery.Builder()
                .add(new TermQuery(new Term(Fields.ROOT, id)), Occur.FILTER)
                .add(new TermQuery(new Term(Fields.KIND, Fields.KIND_PASSAGE)), Occur.FILTER).build(), 1000);
        float[] sum = null;
        int count = 0;
        var leaves = searcher.getIndexReader().leaves();
        for (ScoreDoc sd : passages.scoreDocs) {
            var leaf = leaves.get(org.apache.lucene.index.ReaderUtil.subIndex(sd.doc, leaves));
            var values = leaf.reader().getFloatVectorValues(Fields.VECTOR);
            if (values == null) {
                continue;
            }
            var it = values.iterator();
            if (it.advance(sd.doc - leaf.docBase) == sd.doc - leaf.docBase) {
                float[] v = values.vectorValue(it.index());
                if (sum == null) {
                    sum = new float[v.length];
                }
                for (int i = 0; i < v.length; i++) {
                    sum[i] += v[i];
                }
                count++;
            }
        }
        return count == 0 ? null : sum;
    }

}
