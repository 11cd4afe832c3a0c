package org.painsearch.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.painsearch.index.Fields;

/** Which notes link to a document, and the title of a document by id. */
final class NoteLinks {
    private static final Set<String> REF_FIELDS = Set.of(Fields.ID, Fields.TITLE, Fields.TYPE);
    private static final int MAX_BACKLINKS = 50;

    private NoteLinks() {
    }

    /** Notes whose {@code [[links]]} point at {@code id}, by title. */
    static List<SearchResponse.NoteRef> notesLinkingTo(IndexSearcher searcher, String id) throws IOException {
        var q = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(Fields.LINKS, id)), Occur.FILTER)
                .add(new TermQuery(new Term(Fields.KIND, Fields.KIND_DOC)), Occur.FILTER)
                .build();
        var top = searcher.search(q, MAX_BACKLINKS, new Sort(SortField.FIELD_DOC));
        var out = new ArrayList<SearchResponse.NoteRef>();
        for (ScoreDoc sd : top.scoreDocs) {
            var doc = searcher.storedFields().document(sd.doc, REF_FIELDS);
            if (!id.equals(doc.get(Fields.ID))) {
                out.add(new SearchResponse.NoteRef(doc.get(Fields.ID), doc.get(Fields.TITLE)));
            }
        }
        out.sort(java.util.Comparator.comparing(SearchResponse.NoteRef::title, String.CASE_INSENSITIVE_ORDER));
        return out;
    }

    /** The Lucene doc id of the document {@code id}, or -1. */
    static int find(IndexSearcher searcher, String id) throws IOException {
        var q = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(Fields.ID, id)), Occur.FILTER)
                .add(new TermQuery(new Term(Fields.KIND, Fields.KIND_DOC)), Occur.FILTER)
                .build();
        var top = searcher.search(q, 1);
        return top.scoreDocs.length == 0 ? -1 : top.scoreDocs[0].doc;
    }
}
