package org.painsearch.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedNumericSortField;
import org.apache.lucene.search.TermQuery;
import org.painsearch.corpus.Link;
import org.painsearch.corpus.Timestamps;
import org.painsearch.index.Fields;
import org.painsearch.index.IndexService;

/** Reads one whole document from the index for the document view. */
public final class DocumentLookup {
    private static final int MAX_SEGMENTS = 2000;

    private final IndexService index;

    public DocumentLookup(IndexService index) {
        this.index = index;
    }

    /** The document {@code id}, or empty when there is none. */
    public Optional<DocumentView> find(String id) throws IOException {
        return index.withSearcher(searcher -> {
            int docId = NoteLinks.find(searcher, id);
            if (docId < 0) {
                return Optional.empty();
            }
            var doc = searcher.storedFields().document(docId);
            String markdown = doc.get(Fields.BODY_MARKDOWN);
            var links = new ArrayList<DocumentView.LinkView>();
            for (Link l : Link.parseAll(markdown)) {
                int target = NoteLinks.find(searcher, l.target());
                var t = target < 0 ? null : searcher.storedFields().document(target, java.util.Set.of(Fields.TITLE, Fields.TYPE));
                links.add(new DocumentView.LinkView(l.target(), l.label(),
                        l.atSeconds() < 0 ? null : Timestamps.format(l.atSeconds()),
                        t == null ? null : t.get(Fields.TITLE), t == null ? null : t.get(Fields.TYPE)));
            }
            var segQuery = new BooleanQuery.Builder()
                    .add(new TermQuery(new Term(Fields.ROOT, id)), Occur.FILTER)
                    .add(new TermQuery(new Term(Fields.KIND, Fields.KIND_SEGMENT)), Occur.FILTER)
                    .build();
            var sort = new Sort(new SortedNumericSortField(Fields.START, SortField.Type.INT), SortField.FIELD_DOC);
            var segments = new ArrayList<DocumentView.Moment>();
            for (ScoreDoc sd : searcher.search(segQuery, MAX_SEGMENTS, sort).scoreDocs) {
                var seg = searcher.storedFields().document(sd.doc);
                long s = seg.getField(Fields.START).numericValue().longValue();
                segments.add(new DocumentView.Moment(s, Timestamps.format(s), seg.get(Fields.BODY)));
            }
            return Optional.of(new DocumentView(id, doc.get(Fields.TYPE), doc.get(Fields.TITLE), doc.get(Fields.URL),
                    doc.get(Fields.PUBLISHED_TEXT), List.of(doc.getValues(Fields.AUTHOR)), List.of(doc.getValues(Fields.TAG)),
                    doc.get(Fields.SOURCE), doc.get(Fields.DOI), doc.get(Fields.PMID), doc.get(Fields.SHOW),
                    doc.get(Fields.EPISODE), doc.get(Fields.AUDIO), doc.get(Fields.DURATION), markdown, segments, links,
                    NoteLinks.notesLinkingTo(searcher, id)));
        });
    }

}
