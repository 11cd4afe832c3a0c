package org.painsearch.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.MatchesIterator;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;
import org.painsearch.corpus.Segment;
import org.painsearch.index.DocumentMapper;
import org.painsearch.index.Fields;

/**
 * Finds the podcast segment that best matches a query, and in it the cue where the matched words are spoken: the
 * moment a hit links to.
 */
final class PodcastMoments {
    private PodcastMoments() {
    }

    /** A moment: its start and a marked snippet of its text. */
    record Moment(long seconds, String snippet) {
    }

    /**
     * The best-matching segment of each podcast of {@code ids} for {@code text} (any of its words), by podcast id
     * (absent when none matches): one search for a whole page of hits, each podcast's best as {@link #best} finds it.
     */
    static Map<String, Moment> bestOf(IndexSearcher searcher, Analyzer analyzer, List<String> ids, String text)
            throws IOException {
        var out = new HashMap<String, Moment>();
        if (ids.isEmpty()) {
            return out;
        }
        var words = QueryFactory.text(text, analyzer, false, FieldExpansion.only(Fields.BODY)).query();
        var q = segmentsQuery(text, analyzer, ids);
        Map<String, ScoreDoc> best = searcher.search(q, new BestPerRoot.Manager());
        if (best.isEmpty()) {
            return out;
        }
        var roots = new ArrayList<>(best.keySet());
        int[] docs = roots.stream().mapToInt(r -> best.get(r).doc).toArray();
        List<List<String>> snippets = Snippets.highlight(searcher, analyzer, Fields.BODY, words, docs, 1);
        var storedFields = searcher.storedFields();
        for (int i = 0; i < docs.length; i++) {
            var stored = storedFields.document(docs[i], Set.of(Fields.START, Fields.CUE_MARKS, Fields.BODY));
            String snippet = snippets.get(i).isEmpty() ? "" : snippets.get(i).get(0);
            long start = stored.getField(Fields.START).numericValue().longValue();
            var segment = new Segment(start, stored.get(Fields.BODY),
                    DocumentMapper.decodeMarks(stored.get(Fields.CUE_MARKS)));
            out.put(roots.get(i), new Moment(spokenAt(searcher, words, docs[i], segment), snippet));
        }
        return out;
    }

    /** The segments of the podcasts {@code ids} matching {@code text} (any of its words). */
    static Query segmentsQuery(String text, Analyzer analyzer, List<String> ids) {
        var words = QueryFactory.text(text, analyzer, false, FieldExpansion.only(Fields.BODY)).query();
        return new BooleanQuery.Builder()
                .add(words, Occur.MUST)
                .add(KeywordField.newSetQuery(Fields.ROOT, NoteLinks.bytes(ids)), Occur.FILTER)
                .add(new TermQuery(new Term(Fields.KIND, Fields.KIND_SEGMENT)), Occur.FILTER)
                .build();
    }

    // The start of the cue holding most of the matched words (the earliest on a tie): where they are spoken.
    private static long spokenAt(IndexSearcher searcher, Query words, int doc, Segment segment) throws IOException {
        if (segment.marks().size() < 2) {
            return segment.startSeconds();
        }
        var leaves = searcher.getIndexReader().leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        Weight weight = searcher.createWeight(searcher.rewrite(words), ScoreMode.COMPLETE_NO_SCORES, 1);
        Matches matches = weight.matches(leaf, doc - leaf.docBase);
        MatchesIterator it = matches == null ? null : matches.getMatches(Fields.BODY);
        if (it == null) {
            return segment.startSeconds();
        }
        var perCue = new java.util.TreeMap<Long, Integer>();
        while (it.next()) {
            if (it.startOffset() >= 0) {
                perCue.merge(segment.secondsAt(it.startOffset()), 1, Integer::sum);
            }
        }
        return perCue.entrySet().stream().max(java.util.Map.Entry.<Long, Integer>comparingByValue()
                        .thenComparing(java.util.Map.Entry.comparingByKey(java.util.Comparator.reverseOrder())))
                .map(java.util.Map.Entry::getKey).orElse(segment.startSeconds());
    }
}
