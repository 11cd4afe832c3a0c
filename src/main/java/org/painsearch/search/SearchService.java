package org.painsearch.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedNumericSortField;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.painsearch.index.Fields;
import org.painsearch.index.IndexService;
import org.painsearch.index.Synonyms;

/** Runs searches: query reading, ranking, snippets, podcast moments, citing notes and facets. */
public final class SearchService {
    private static final Set<String> HIT_FIELDS = Set.of(Fields.ID, Fields.TYPE, Fields.TITLE, Fields.URL,
            Fields.PUBLISHED_TEXT, Fields.AUTHOR, Fields.TAG, Fields.SOURCE, Fields.AUDIO, Fields.PRIVATE);
    private static final Sort BY_DATE = new Sort(
            new SortedNumericSortField(Fields.PUBLISHED, SortField.Type.LONG, true), SortField.FIELD_SCORE);
    private static final int SNIPPETS_PER_HIT = 2;
    // Each word becomes a clause per field; this keeps a pasted paragraph well inside Lucene's clause limit.
    private static final int MAX_WORDS = 64;
    private static final String AND_RELAXED =
            "No document has all of these words, so results with any of them are shown.";

    private final IndexService index;
    private final Synonyms synonyms;
    private final Supplier<Set<String>> bookmarkedIds;
    private final FacetCounter facets = new FacetCounter();

    /** A search service; {@code bookmarkedIds} answers {@code is:bookmarked} with the ids bookmarked right now. */
    public SearchService(IndexService index, Synonyms synonyms, Supplier<Set<String>> bookmarkedIds) {
        this.index = index;
        this.synonyms = synonyms;
        this.bookmarkedIds = bookmarkedIds;
    }

    /** A search service without bookmarks (the CLI's). */
    public SearchService(IndexService index, Synonyms synonyms) {
        this(index, synonyms, Set::of);
    }

    /** The index searched. */
    public IndexService index() {
        return index;
    }

    /**
     * Searches. Problems in the typed query never fail the search: they are worked around and reported in
     * {@link SearchResponse#notice()}.
     *
     * @throws IllegalArgumentException for a malformed filter given outside the query text (a request parameter)
     */
    public SearchResponse search(SearchRequest req) throws IOException {
        long started = System.nanoTime();
        var notices = new ArrayList<String>();
        UserQuery typed = capWords(UserQuery.parse(req.query()), notices);
        var outside = new ArrayList<UserQuery.Filter>();
        req.types().forEach(t -> outside.add(new UserQuery.Filter("type", t, false)));
        req.tags().forEach(t -> outside.add(new UserQuery.Filter("tag", t, false)));
        req.sources().forEach(s -> outside.add(new UserQuery.Filter("source", s, false)));
        if (req.year() != null) {
            outside.add(new UserQuery.Filter("year", req.year(), false));
        }

        Analyzer analyzer = synonyms.queryAnalyzer();
        var text = QueryFactory.text(typed.text(), analyzer, true);
        if (text.syntaxProblem() != null) {
            notices.add("Your query could not be read as search syntax (" + text.syntaxProblem()
                    + "), so it was searched as plain words.");
        }
        return index.withSearcher(searcher -> {
            var links = linkContext(searcher);
            var clauses = new ArrayList<QueryFactory.FilterClause>();
            for (var f : typed.filters()) {
                try {
                    clauses.addAll(QueryFactory.filters(List.of(f), links));
                } catch (IllegalArgumentException e) {
                    notices.add("Ignored the filter '" + f.field() + ":" + f.value() + "': " + e.getMessage() + ".");
                }
            }
            clauses.addAll(QueryFactory.filters(outside, links));
            var chosen = text;
            TopDocs top = topDocs(searcher, QueryFactory.combine(chosen.query(), clauses, null), req);
            if (top.totalHits.value() == 0 && mayRelax(typed.text())) {
                var anyWord = QueryFactory.text(typed.text(), analyzer, false);
                TopDocs relaxed = topDocs(searcher, QueryFactory.combine(anyWord.query(), clauses, null), req);
                if (relaxed.totalHits.value() > 0) {
                    chosen = anyWord;
                    top = relaxed;
                    notices.add(AND_RELAXED);
                }
            }
            int from = Math.min((req.page() - 1) * req.size(), top.scoreDocs.length);
            ScoreDoc[] page = Arrays.copyOfRange(top.scoreDocs, from, top.scoreDocs.length);
            var hits = hits(searcher, analyzer, chosen.query(), typed.text(), page);
            var counts = facetCounts(searcher, chosen.query(), clauses);
            long took = (System.nanoTime() - started) / 1_000_000;
            String notice = notices.isEmpty() ? null : String.join(" ", notices);
            return new SearchResponse(req.query(), top.totalHits.value(), took, notice, req.page(), req.size(), hits, counts);
        });
    }

    private QueryFactory.LinkContext linkContext(IndexSearcher searcher) {
        return new QueryFactory.LinkContext() {
            @Override
            public Query cited() throws IOException {
                return NoteLinks.citedQuery(searcher);
            }

            @Override
            public Query linked(String id) throws IOException {
                return NoteLinks.linkedQuery(searcher, id);
            }

            @Override
            public Query bookmarked() {
                return org.apache.lucene.document.KeywordField.newSetQuery(Fields.ID, NoteLinks.bytes(bookmarkedIds.get()));
            }
        };
    }

    private TopDocs topDocs(IndexSearcher searcher, Query query, SearchRequest req) throws IOException {
        int n = Math.max(1, req.page() * req.size());
        // Counting every hit keeps "total" exact; the corpus is a person's library, so this stays cheap.
        return req.sort() == SortOrder.DATE
                ? searcher.search(query, new TopFieldCollectorManager(BY_DATE, n, null, Integer.MAX_VALUE))
                : searcher.search(query, new TopScoreDocCollectorManager(n, null, Integer.MAX_VALUE));
    }

    private List<SearchResponse.Hit> hits(IndexSearcher searcher, Analyzer analyzer, Query textQuery, String text,
                                          ScoreDoc[] page) throws IOException {
        int[] ids = Arrays.stream(page).mapToInt(sd -> sd.doc).toArray();
        var snippets = Snippets.highlight(searcher, analyzer, Fields.BODY, textQuery, ids, SNIPPETS_PER_HIT);
        var hits = new ArrayList<SearchResponse.Hit>();
        for (int i = 0; i < page.length; i++) {
            var doc = searcher.storedFields().document(page[i].doc, HIT_FIELDS);
            String id = doc.get(Fields.ID);
            String type = doc.get(Fields.TYPE);
            List<String> hitSnippets = snippets.get(i);
            String timestamp = null;
            Long seconds = null;
            if ("podcast".equals(type) && !text.isBlank()) {
                var moment = PodcastMoments.best(searcher, analyzer, id, text);
                if (moment != null) {
                    seconds = moment.seconds();
                    timestamp = org.painsearch.corpus.Timestamps.format(moment.seconds());
                    var merged = new ArrayList<String>();
                    merged.add(moment.snippet());
                    hitSnippets.stream().filter(s -> !sameWords(s, moment.snippet())).limit(SNIPPETS_PER_HIT - 1)
                            .forEach(merged::add);
                    hitSnippets = merged;
                }
            }
            float score = Float.isNaN(page[i].score) ? 0f : page[i].score;
            var links = "note".equals(type) ? NoteLinks.targetsOf(searcher, page[i].doc) : null;
            hits.add(new SearchResponse.Hit(id, type, doc.get(Fields.TITLE), doc.get(Fields.URL),
                    doc.get(Fields.PUBLISHED_TEXT), List.of(doc.getValues(Fields.AUTHOR)),
                    List.of(doc.getValues(Fields.TAG)), doc.get(Fields.SOURCE), hitSnippets, timestamp, seconds,
                    doc.get(Fields.AUDIO), NoteLinks.notesLinkingTo(searcher, id), links,
                    doc.get(Fields.PRIVATE) != null ? Boolean.TRUE : null, score));
        }
        return hits;
    }

    private Map<String, Map<String, Long>> facetCounts(IndexSearcher searcher, Query text,
                                                       List<QueryFactory.FilterClause> clauses) throws IOException {
        var out = new LinkedHashMap<String, Map<String, Long>>();
        // type, source and year offer alternatives, so each is counted as if its own selection were not made.
        out.put("type", facets.count(searcher, QueryFactory.combine(text, clauses, "type"), Fields.TYPE, false));
        out.put("tag", facets.count(searcher, QueryFactory.combine(text, clauses, null), Fields.TAG, false));
        out.put("source", facets.count(searcher, QueryFactory.combine(text, clauses, "source"), Fields.SOURCE, false));
        out.put("year", facets.count(searcher, QueryFactory.combine(text, clauses, "year"), Fields.YEAR, true));
        return out;
    }

    // A body line "00:03:45 Topic" and the segment "Topic" are the same passage; show it once.
    private static boolean sameWords(String a, String b) {
        String x = a.replaceAll("[^\\p{L}]+", " ").strip();
        String y = b.replaceAll("[^\\p{L}]+", " ").strip();
        return x.contains(y) || y.contains(x);
    }

    private static UserQuery capWords(UserQuery q, List<String> notices) {
        String[] words = q.text().split("\\s+");
        if (words.length <= MAX_WORDS) {
            return q;
        }
        notices.add("Only the first " + MAX_WORDS + " words of the query were searched.");
        return new UserQuery(String.join(" ", Arrays.copyOf(words, MAX_WORDS)), q.filters());
    }

    // Relaxing AND to OR helps only for several plain words; explicit syntax is taken as meant.
    private static boolean mayRelax(String text) {
        return text.strip().contains(" ") && !text.matches(".*(\"|\\bAND\\b|\\bOR\\b|\\bNOT\\b|(^|\\s)[-+]).*");
    }
}
