package org.painsearch.search;

import org.painsearch.engine.SearchResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.painsearch.corpus.Link;
import org.painsearch.index.Fields;

/**
 * Links between documents, resolved at query time: notes record link keys (an id, {@code doi:...} or
 * {@code url:...}), and a document answers to its own keys, so a link written before its target arrived
 * still resolves once it is there.
 */
final class NoteLinks {
    private static final Set<String> REF_FIELDS = Set.of(Fields.ID, Fields.TITLE, Fields.TYPE);
    private static final Set<String> KEY_FIELDS = Set.of(Fields.ID, Fields.DOI, Fields.URL);
    private static final int MAX_BACKLINKS = 200;

    private NoteLinks() {
    }

    /** A document found by a link key. */
    record Target(int docId, String id, String title, String type) {
    }

    /** The Lucene doc id of the document {@code id}, or -1. */
    static int find(IndexSearcher searcher, String id) throws IOException {
        var top = searcher.search(docsOnly(new TermQuery(new Term(Fields.ID, id))), 1);
        return top.scoreDocs.length == 0 ? -1 : top.scoreDocs[0].doc;
    }

    /** The document a link key points at, or null when none does. */
    static Target resolve(IndexSearcher searcher, String key) throws IOException {
        Query q;
        if (key.startsWith("doi:")) {
            q = new TermQuery(new Term(Fields.DOI, key.substring(4)));
        } else if (key.startsWith("url:")) {
            q = new TermQuery(new Term(Fields.URL_KEY, key.substring(4)));
        } else {
            q = new TermQuery(new Term(Fields.ID, key));
        }
        var top = searcher.search(docsOnly(q), 1);
        if (top.scoreDocs.length == 0) {
            return null;
        }
        int doc = top.scoreDocs[0].doc;
        var stored = searcher.storedFields().document(doc, REF_FIELDS);
        return new Target(doc, stored.get(Fields.ID), stored.get(Fields.TITLE), stored.get(Fields.TYPE));
    }

    /** The keys the document at {@code docId} answers to. */
    static List<String> keysOf(IndexSearcher searcher, int docId) throws IOException {
        var d = searcher.storedFields().document(docId, KEY_FIELDS);
        return Link.keysOf(d.get(Fields.ID), d.get(Fields.DOI), d.get(Fields.URL));
    }

    /** Lucene doc ids of the documents linking to the document {@code id} (itself excluded), by title. */
    static List<Integer> linkingDocs(IndexSearcher searcher, String id) throws IOException {
        int target = find(searcher, id);
        if (target < 0) {
            return List.of();
        }
        var top = searcher.search(docsOnly(KeywordField.newSetQuery(Fields.LINKS, bytes(keysOf(searcher, target)))),
                MAX_BACKLINKS, new Sort(SortField.FIELD_DOC));
        var out = new ArrayList<Integer>();
        for (ScoreDoc sd : top.scoreDocs) {
            if (sd.doc != target) {
                out.add(sd.doc);
            }
        }
        return out;
    }

    /** The documents (not passages or segments) that record any of {@code keys}, gathered without scores. */
    static FacetCounter.Hits recording(IndexSearcher searcher, java.util.Collection<String> keys)
            throws IOException {
        return FacetCounter.matching(searcher, docsOnly(KeywordField.newSetQuery(Fields.LINKS, bytes(keys))));
    }

    /**
     * For each of the documents at {@code docIds}, answering to the link keys {@code keysByHit}, the documents linking
     * to it (itself excluded), by title: one search for the whole page of hits instead of two per hit.
     */
    static List<List<SearchResponse.NoteRef>> notesLinkingTo(IndexSearcher searcher, int[] docIds,
                                                             List<List<String>> keysByHit) throws IOException {
        var allKeys = new java.util.LinkedHashSet<String>();
        keysByHit.forEach(allKeys::addAll);
        var out = new ArrayList<List<SearchResponse.NoteRef>>();
        for (int i = 0; i < docIds.length; i++) {
            out.add(new ArrayList<>());
        }
        if (allKeys.isEmpty()) {
            return out;
        }
        // Per link key, the documents recording it (kept per reader): a page of hits looks up only the keys not
        // seen since the index last changed, all in one unscored pass.
        var cache = ReaderCache.of(searcher);
        var linkers = cache.linkers(searcher, allKeys, MAX_BACKLINKS + 1);
        for (int i = 0; i < docIds.length; i++) {
            var from = new java.util.TreeSet<Integer>();
            for (String key : keysByHit.get(i)) {
                for (int doc : linkers.get(key)) {
                    from.add(doc);
                }
            }
            from.remove(docIds[i]);
            for (int doc : from) {
                if (out.get(i).size() >= MAX_BACKLINKS) {
                    break;
                }
                var note = cache.linking(searcher, doc);
                out.get(i).add(new SearchResponse.NoteRef(note.id(), note.title()));
            }
        }
        for (var refs : out) {
            refs.sort(java.util.Comparator.comparing(SearchResponse.NoteRef::title, String.CASE_INSENSITIVE_ORDER));
        }
        return out;
    }

    /** The documents the document at {@code docId} links to that exist, in link order, without repeats. */
    static List<SearchResponse.NoteRef> targetsOf(IndexSearcher searcher, int docId) throws IOException {
        return targetsOf(searcher, searcher.storedFields().document(docId, Set.of(Fields.LINKS)).getValues(Fields.LINKS));
    }

    /** As {@link #targetsOf(IndexSearcher, int)}, for a document whose stored link keys are {@code keys}. */
    static List<SearchResponse.NoteRef> targetsOf(IndexSearcher searcher, String[] keys) throws IOException {
        var out = new ArrayList<SearchResponse.NoteRef>();
        var cache = ReaderCache.of(searcher);
        for (String key : keys) {
            Target t = cache.target(searcher, key);
            if (t != null && out.stream().noneMatch(r -> r.id().equals(t.id()))) {
                out.add(new SearchResponse.NoteRef(t.id(), t.title()));
            }
        }
        return out;
    }

    /** Documents that some document links to (for {@code cited:yes}). */
    static Query citedQuery(IndexSearcher searcher) throws IOException {
        var keys = new ArrayList<String>();
        var terms = MultiTerms.getTerms(searcher.getIndexReader(), Fields.LINKS);
        if (terms != null) {
            var it = terms.iterator();
            for (BytesRef t = it.next(); t != null; t = it.next()) {
                keys.add(t.utf8ToString());
            }
        }
        return answeringTo(keys);
    }

    /** Documents linking to {@code id} or linked from it (for {@code linked:ID}). */
    static Query linkedQuery(IndexSearcher searcher, String id) throws IOException {
        int doc = find(searcher, id);
        if (doc < 0) {
            return new MatchNoDocsQuery("no document " + id);
        }
        String[] outgoing = searcher.storedFields().document(doc, Set.of(Fields.LINKS)).getValues(Fields.LINKS);
        return new BooleanQuery.Builder()
                .add(KeywordField.newSetQuery(Fields.LINKS, bytes(keysOf(searcher, doc))), Occur.SHOULD)
                .add(answeringTo(List.of(outgoing)), Occur.SHOULD)
                .build();
    }

    // Documents answering to any of these link keys: by id, DOI or address.
    static Query answeringTo(Collection<String> keys) {
        var ids = new ArrayList<String>();
        var dois = new ArrayList<String>();
        var urls = new ArrayList<String>();
        for (String k : keys) {
            if (k.startsWith("doi:")) {
                dois.add(k.substring(4));
            } else if (k.startsWith("url:")) {
                urls.add(k.substring(4));
            } else {
                ids.add(k);
            }
        }
        return new BooleanQuery.Builder()
                .add(KeywordField.newSetQuery(Fields.ID, bytes(ids)), Occur.SHOULD)
                .add(KeywordField.newSetQuery(Fields.DOI, bytes(dois)), Occur.SHOULD)
                .add(KeywordField.newSetQuery(Fields.URL_KEY, bytes(urls)), Occur.SHOULD)
                .build();
    }

    static Query docsOnly(Query q) {
        return new BooleanQuery.Builder()
                .add(q, Occur.FILTER)
                .add(new TermQuery(new Term(Fields.KIND, Fields.KIND_DOC)), Occur.FILTER)
                .build();
    }

    static List<BytesRef> bytes(Collection<String> values) {
        return values.stream().map(BytesRef::new).toList();
    }
}
