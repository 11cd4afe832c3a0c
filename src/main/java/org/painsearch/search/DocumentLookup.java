package org.painsearch.search;

import org.painsearch.engine.DocumentView;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedNumericSortField;
import org.apache.lucene.search.TermQuery;
import org.painsearch.corpus.Link;
import org.painsearch.corpus.Timestamps;
import org.painsearch.index.Fields;
import org.painsearch.index.IndexService;

/** Reads one whole document from the index for the document view, with its links resolved both ways. */
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
            var seen = new java.util.HashSet<String>();
            var names = new LinkNames(searcher);
            for (Link.Located located : Link.locateAll(markdown)) {
                Link l = located.link();
                NoteLinks.Target t = NoteLinks.resolve(searcher, l.key());
                // A bare address counts as a link only when it is a document's address.
                if (l.bare() && t == null || !seen.add(l.key() + "#" + l.atSeconds())) {
                    continue;
                }
                String moment = t != null && l.atSeconds() >= 0 ? segmentAt(searcher, t.id(), l.atSeconds()) : null;
                links.add(new DocumentView.LinkView(l.target(), l.label(),
                        l.atSeconds() < 0 ? null : Timestamps.format(l.atSeconds()),
                        l.atSeconds() < 0 ? null : l.atSeconds(), l.bare(),
                        t == null ? null : t.id(), t == null ? null : t.title(), t == null ? null : t.type(),
                        LinkContexts.sentenceAround(markdown, located.start(), located.end(), names), moment));
            }
            var keys = NoteLinks.keysOf(searcher, docId);
            var backlinks = new ArrayList<DocumentView.Backlink>();
            for (int from : NoteLinks.linkingDocs(searcher, id)) {
                var note = searcher.storedFields().document(from, Set.of(Fields.ID, Fields.TITLE, Fields.TYPE,
                        Fields.BODY_MARKDOWN));
                backlinks.add(new DocumentView.Backlink(note.get(Fields.ID), note.get(Fields.TITLE), note.get(Fields.TYPE),
                        LinkContexts.sentenceLinking(note.get(Fields.BODY_MARKDOWN), keys, names)));
            }
            backlinks.sort(java.util.Comparator.comparing(DocumentView.Backlink::title, String.CASE_INSENSITIVE_ORDER));
            return Optional.of(new DocumentView(id, doc.get(Fields.TYPE), doc.get(Fields.TITLE), doc.get(Fields.URL),
                    doc.get(Fields.PUBLISHED_TEXT), List.of(doc.getValues(Fields.AUTHOR)), List.of(doc.getValues(Fields.TAG)),
                    doc.get(Fields.SOURCE), doc.get(Fields.DOI), doc.get(Fields.PMID), doc.get(Fields.SHOW),
                    doc.get(Fields.EPISODE), doc.get(Fields.AUDIO), doc.get(Fields.DURATION),
                    doc.get(Fields.PRIVATE) != null ? Boolean.TRUE : null, markdown, segments(searcher, id), links,
                    backlinks));
        });
    }

    private static List<DocumentView.Moment> segments(IndexSearcher searcher, String id) throws IOException {
        var out = new ArrayList<DocumentView.Moment>();
        for (ScoreDoc sd : searcher.search(segmentsOf(id), MAX_SEGMENTS, byStart()).scoreDocs) {
            var seg = searcher.storedFields().document(sd.doc);
            long s = seg.getField(Fields.START).numericValue().longValue();
            out.add(new DocumentView.Moment(s, Timestamps.format(s), seg.get(Fields.BODY)));
        }
        return out;
    }

    // The text playing at a moment: the last segment starting at or before it.
    private static String segmentAt(IndexSearcher searcher, String podcastId, long seconds) throws IOException {
        String text = null;
        for (var m : segments(searcher, podcastId)) {
            if (m.seconds() <= seconds) {
                text = m.text();
            }
        }
        return text;
    }

    private static BooleanQuery segmentsOf(String id) {
        return new BooleanQuery.Builder()
                .add(new TermQuery(new Term(Fields.ROOT, id)), Occur.FILTER)
                .add(new TermQuery(new Term(Fields.KIND, Fields.KIND_SEGMENT)), Occur.FILTER)
                .build();
    }

    private static Sort byStart() {
        return new Sort(new SortedNumericSortField(Fields.START, SortField.Type.INT), SortField.FIELD_DOC);
    }
}
