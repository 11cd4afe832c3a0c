package org.painsearch.search;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.painsearch.index.Fields;

/** Finds the podcast segment that best matches a query: the moment a hit links to. */
final class PodcastMoments {
    private PodcastMoments() {
    }

    /** A moment: its start and a marked snippet of its text. */
    record Moment(long seconds, String snippet) {
    }

    /** The best-matching segment of podcast {@code id} for {@code text} (any of its words), or null. */
    static Moment best(IndexSearcher searcher, Analyzer analyzer, String id, String text) throws IOException {
        var words = QueryFactory.text(text, analyzer, false, FieldExpansion.only(Fields.BODY)).query();
        var q = new BooleanQuery.Builder()
                .add(words, Occur.MUST)
                .add(new TermQuery(new Term(Fields.ROOT, id)), Occur.FILTER)
                .add(new TermQuery(new Term(Fields.KIND, Fields.KIND_SEGMENT)), Occur.FILTER)
                .build();
        var top = searcher.search(q, 1);
        if (top.scoreDocs.length == 0) {
            return null;
        }
        int doc = top.scoreDocs[0].doc;
        var stored = searcher.storedFields().document(doc, java.util.Set.of(Fields.START));
        List<List<String>> snippets = Snippets.highlight(searcher, analyzer, Fields.BODY, words, new int[] {doc}, 1);
        String snippet = snippets.get(0).isEmpty() ? "" : snippets.get(0).get(0);
        return new Moment(stored.getField(Fields.START).numericValue().longValue(), snippet);
    }
}
