package org.painsearch.search;

import org.painsearch.engine.SearchResponse;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.QueryBuilder;
import org.painsearch.index.Analysis;
import org.painsearch.index.Fields;
import org.painsearch.index.IndexService;
import org.painsearch.engine.Links.Edge;
import org.painsearch.engine.Links.Graph;
import org.painsearch.engine.Links.Mention;
import org.painsearch.engine.Links.Ref;

/** What note writing needs from the index: link suggestions, unlinked mentions and the link graph. */
public final class LinkTools {
    private static final Set<String> REF_FIELDS = Set.of(Fields.ID, Fields.TITLE, Fields.TYPE, Fields.TAG);
    private static final int MAX_GRAPH_NOTES = 500;

    private final IndexService index;

    public LinkTools(IndexService index) {
        this.index = index;
    }

    /** The documents that the {@code [[links]]} of a Markdown text point at, by link target; unresolved ones absent. */
    public java.util.Map<String, Ref> resolve(String markdown) throws IOException {
        return index.withSearcher(searcher -> {
            var out = new java.util.HashMap<String, Ref>();
            for (var link : org.painsearch.corpus.Link.parseAll(markdown)) {
                NoteLinks.Target t = NoteLinks.resolve(searcher, link.key());
                if (t != null) {
                    out.putIfAbsent(link.target(), new Ref(t.id(), t.title(), t.type(), List.of()));
                }
            }
            return out;
        });
    }

    /** Documents and notes whose title (or id) starts like {@code typed}, for completing a {@code [[} link. */
    public List<Ref> suggest(String typed, int limit) throws IOException {
        Query q = suggestQuery(typed);
        if (q == null) {
            return List.of();
        }
        return index.withSearcher(searcher -> {
            var out = new ArrayList<Ref>();
            for (ScoreDoc sd : searcher.search(q, limit, Ties.BY_SCORE_THEN_ID, true).scoreDocs) {
                out.add(ref(searcher.storedFields().document(sd.doc, REF_FIELDS)));
            }
            return out;
        });
    }

    /** The query completing a {@code [[} link typed so far: documents by title words and id prefix; null for none. */
    static Query suggestQuery(String typed) {
        String text = typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT);
        if (text.isEmpty()) {
            return null;
        }
        var analyzed = new QueryBuilder(Analysis.indexAnalyzer());
        String[] words = text.split("\\s+");
        var b = new BooleanQuery.Builder();
        var title = new BooleanQuery.Builder();
        for (int i = 0; i < words.length - 1; i++) {
            Query q = analyzed.createBooleanQuery(Fields.TITLE, words[i]);
            if (q != null) {
                title.add(q, Occur.MUST);
            }
        }
        String last = words[words.length - 1].replaceAll("[^\\p{L}\\p{N}]", "");
        if (!last.isEmpty()) {
            // Titles are indexed stemmed: "massage" is "massag" there, so the stem is tried as a prefix too.
            var prefix = new BooleanQuery.Builder().add(new PrefixQuery(new Term(Fields.TITLE, last)), Occur.SHOULD);
            for (String stem : Analysis.terms(Analysis.indexAnalyzer(), last)) {
                prefix.add(new PrefixQuery(new Term(Fields.TITLE, stem)), Occur.SHOULD);
            }
            title.add(prefix.build(), Occur.MUST);
        }
        b.add(title.build(), Occur.SHOULD);
        b.add(new BoostQuery(new PrefixQuery(new Term(Fields.ID, text.replace(' ', '-'))), 2f), Occur.SHOULD);
        return NoteLinks.docsOnly(b.build());
    }

    /**
     * Sources (not notes) where the note's title or one of its tags stands as a phrase, its words as written (the
     * tag "mindfulness" is not the word "mind"), that the note does not link to yet; rarer phrases first.
     */
    public List<Mention> unlinkedMentions(String noteId, int limit) throws IOException {
        return index.withSearcher(searcher -> {
            int doc = NoteLinks.find(searcher, noteId);
            if (doc < 0) {
                return List.of();
            }
            var note = searcher.storedFields().document(doc, REF_FIELDS);
            var linked = NoteLinks.targetsOf(searcher, doc).stream().map(SearchResponse.NoteRef::id).toList();
            var mentions = mentionQueries(noteId, note.get(Fields.TITLE), List.of(note.getValues(Fields.TAG)), linked);
            var top = searcher.search(mentions.find(), limit, Ties.BY_SCORE_THEN_ID, true);
            int[] ids = java.util.Arrays.stream(top.scoreDocs).mapToInt(sd -> sd.doc).toArray();
            var snippets = Snippets.highlight(searcher, Analysis.indexAnalyzer(), Fields.BODY, mentions.mark(), ids, 1);
            var out = new ArrayList<Mention>();
            for (int i = 0; i < ids.length; i++) {
                Ref r = ref(searcher.storedFields().document(ids[i], REF_FIELDS));
                out.add(new Mention(r.id(), r.title(), r.type(), Highlights.of(snippets.get(i))));
            }
            return out;
        });
    }

    /** What finds the sources naming a note without being linked from it, and what marks the naming in them. */
    record MentionQueries(Query find, Query mark) {
    }

    /**
     * The queries for the unlinked mentions of note {@code noteId}, titled {@code title} with {@code tags}, linking
     * to {@code linkedIds} already.
     */
    static MentionQueries mentionQueries(String noteId, String title, List<String> tags, List<String> linkedIds) {
        var exact = new BooleanQuery.Builder();
        var marked = new BooleanQuery.Builder();
        addPhrase(exact, marked, title, 2f);
        for (String tag : tags) {
            addPhrase(exact, marked, tag.replace('-', ' '), 1f);
        }
        // Scored (not a filter), so BM25 puts sources naming a rare tag or the title above common words.
        var q = new BooleanQuery.Builder()
                .add(exact.build(), Occur.MUST)
                .add(new TermQuery(new Term(Fields.KIND, Fields.KIND_DOC)), Occur.FILTER)
                .add(new TermQuery(new Term(Fields.TYPE, "note")), Occur.MUST_NOT)
                .add(new TermQuery(new Term(Fields.ID, noteId)), Occur.MUST_NOT);
        for (String linked : linkedIds) {
            q.add(new TermQuery(new Term(Fields.ID, linked)), Occur.MUST_NOT);
        }
        return new MentionQueries(q.build(), marked.build());
    }

    /** The documents named by {@code ids} that exist, by id (for showing titles where ids are stored). */
    public java.util.Map<String, Ref> refs(java.util.Collection<String> ids) throws IOException {
        return index.withSearcher(searcher -> {
            var out = new java.util.HashMap<String, Ref>();
            for (String id : ids) {
                int doc = NoteLinks.find(searcher, id);
                if (doc >= 0) {
                    out.put(id, ref(searcher.storedFields().document(doc, REF_FIELDS)));
                }
            }
            return out;
        });
    }

    /** Notes (with {@code tag}, when given) and the documents they link to. */
    public Graph graph(String tag) throws IOException {
        return index.withSearcher(searcher -> {
            var notes = new BooleanQuery.Builder().add(new TermQuery(new Term(Fields.TYPE, "note")), Occur.FILTER);
            if (tag != null && !tag.isBlank()) {
                notes.add(new TermQuery(new Term(Fields.TAG, tag.strip().toLowerCase(Locale.ROOT))), Occur.FILTER);
            }
            var nodes = new LinkedHashMap<String, Ref>();
            var edges = new ArrayList<Edge>();
            // In id order: the same graph after every rebuild, whichever order the notes were indexed in.
            var byId = new org.apache.lucene.search.Sort(new org.apache.lucene.search.SortedSetSortField(Fields.ID, false));
            for (ScoreDoc sd : searcher.search(NoteLinks.docsOnly(notes.build()), MAX_GRAPH_NOTES, byId).scoreDocs) {
                Ref note = ref(searcher.storedFields().document(sd.doc, REF_FIELDS));
                nodes.put(note.id(), note);
                for (var key : searcher.storedFields().document(sd.doc, Set.of(Fields.LINKS)).getValues(Fields.LINKS)) {
                    NoteLinks.Target t = NoteLinks.resolve(searcher, key);
                    if (t != null && !t.id().equals(note.id())) {
                        nodes.computeIfAbsent(t.id(), k -> {
                            try {
                                return ref(searcher.storedFields().document(t.docId(), REF_FIELDS));
                            } catch (IOException e) {
                                throw new java.io.UncheckedIOException(e);
                            }
                        });
                        var edge = new Edge(note.id(), t.id());
                        if (!edges.contains(edge)) {
                            edges.add(edge);
                        }
                    }
                }
            }
            return new Graph(List.copyOf(nodes.values()), edges);
        });
    }

    // The phrase over the title and body's own (stemmed) terms, and every word of it as written in the spelling
    // field, which keeps whole words: a stem alone ("mind" for "mindfulness") is not a mention. The stemmed phrase
    // over the body also marks the snippet.
    private static void addPhrase(BooleanQuery.Builder exact, BooleanQuery.Builder marked, String text, float boost) {
        var analyzed = new QueryBuilder(Analysis.indexAnalyzer());
        var inText = new BooleanQuery.Builder();
        for (String field : List.of(Fields.TITLE, Fields.BODY)) {
            Query q = analyzed.createPhraseQuery(field, text);
            if (q != null) {
                inText.add(q, Occur.SHOULD);
            }
        }
        var phrase = new BooleanQuery.Builder().add(inText.build(), Occur.MUST);
        for (String word : Analysis.terms(Analysis.wordAnalyzer(), text)) {
            phrase.add(new TermQuery(new Term(Fields.SPELL, word)), Occur.FILTER);
        }
        exact.add(new BoostQuery(phrase.build(), boost), Occur.SHOULD);
        Query m = analyzed.createPhraseQuery(Fields.BODY, text);
        if (m != null) {
            marked.add(m, Occur.SHOULD);
        }
    }

    private static Ref ref(org.apache.lucene.document.Document d) {
        return new Ref(d.get(Fields.ID), d.get(Fields.TITLE), d.get(Fields.TYPE), List.of(d.getValues(Fields.TAG)));
    }
}
