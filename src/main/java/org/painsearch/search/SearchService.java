package org.painsearch.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
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
import org.painsearch.engine.Closeness;
import org.painsearch.engine.Filter;
import org.painsearch.engine.QueryDetails;
import org.painsearch.engine.Ranked;
import org.painsearch.engine.RankingMode;
import org.painsearch.engine.SearchRequest;
import org.painsearch.engine.SearchResponse;
import org.painsearch.engine.UserQuery;

/** Runs searches: query reading, ranking, snippets, podcast moments, citing notes and facets. */
public final class SearchService {
    private static final Set<String> HIT_FIELDS = Set.of(Fields.ID, Fields.TYPE, Fields.TITLE, Fields.URL,
            Fields.PUBLISHED_TEXT, Fields.AUTHOR, Fields.TAG, Fields.SOURCE, Fields.AUDIO, Fields.PRIVATE,
            Fields.BODY_MARKDOWN, Fields.DOI, Fields.LINKS);
    private static final int SNIPPETS_PER_HIT = 2;
    // Each word becomes a clause per field; this keeps a pasted paragraph well inside Lucene's clause limit.
    private static final int MAX_WORDS = 64;

    private final IndexService index;
    private final Synonyms synonyms;
    private final Supplier<Set<String>> bookmarkedIds;
    private final Ranker ranker;
    private final RankingMode defaultMode;
    private final RankingConfig config;

    /** A search service; {@code bookmarkedIds} answers {@code is:bookmarked} with the ids bookmarked right now. */
    public SearchService(IndexService index, Synonyms synonyms, Supplier<Set<String>> bookmarkedIds) {
        this(index, synonyms, bookmarkedIds, null, RankingMode.BM25);
    }

    /**
     * A search service that can rank by meaning too: {@code meaning} (null for words only) and the mode used when a
     * request names none.
     */
    public SearchService(IndexService index, Synonyms synonyms, Supplier<Set<String>> bookmarkedIds,
                         Meaning meaning, RankingMode defaultMode) {
        this(index, synonyms, bookmarkedIds, meaning, defaultMode, RankingConfig.DEFAULT);
    }

    /** As above, ranking with {@code config} instead of the default configuration (for tuning). */
    public SearchService(IndexService index, Synonyms synonyms, Supplier<Set<String>> bookmarkedIds,
                         Meaning meaning, RankingMode defaultMode, RankingConfig config) {
        this.index = index;
        this.synonyms = synonyms;
        this.bookmarkedIds = bookmarkedIds;
        this.config = config;
        this.ranker = new Ranker(meaning, config);
        this.defaultMode = meaning == null ? RankingMode.BM25 : defaultMode;
    }

    /** The mode used when a request names none. */
    public RankingMode defaultMode() {
        return defaultMode;
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
        var outside = req.filters();

        Analyzer analyzer = synonyms.queryAnalyzer();
        RankingMode mode = req.mode() != null ? req.mode() : defaultMode;
        return index.withSearcher(shared -> {
            IndexSearcher searcher = SearchLimits.timed(shared); // a runaway search stops instead of holding a thread
            var clauses = clauses(searcher, typed, outside, notices);
            var ranking = ranker.rank(searcher, typed.text(), analyzer, clauses, req, mode, hasVectors(searcher));
            if (ranking.reading().syntaxProblem() != null) {
                notices.add(0, "Your query could not be read as search syntax (" + ranking.reading().syntaxProblem()
                        + "), so it was searched as plain words.");
            }
            if (ranking.notice() != null) {
                notices.add(ranking.notice());
            }
            ScoreDoc[] all = ranking.docs();
            int from = Math.min((req.page() - 1) * req.size(), all.length);
            ScoreDoc[] page = Arrays.copyOfRange(all, from, Math.min(all.length, from + req.size()));
            var details = typed.text().isBlank() ? null
                    : QueryReadings.of(typed.text(), ranking.reading(), ranking.textQuery(), ranking.notice() != null);
            var typedStems = details == null ? Set.<String>of()
                    : details.stems().stream().map(QueryDetails.Stem::stem).collect(java.util.stream.Collectors.toSet());
            var hits = hits(searcher, analyzer, ranking, typed.text(), page, req.explain() ? typedStems : null);
            var counts = facetCounts(searcher, ranking, clauses);
            String didYouMean = ranking.wordTotal() < SpellCheck.FEW_RESULTS && !typed.text().isBlank()
                    ? SpellCheck.didYouMean(searcher.getIndexReader(), req.query()) : null;
            SearchLimits.requireFinished(searcher);
            long took = (System.nanoTime() - started) / 1_000_000;
            String notice = notices.isEmpty() ? null : String.join(" ", notices);
            return new SearchResponse(req.query(), ranking.total(), took, notice, req.page(), req.size(), hits, counts,
                    ranking.fused() ? "hybrid" : "bm25", details, didYouMean);
        });
    }

    /**
     * The ranking alone, as {@link #search} orders it (same reading, filters and fusion), without snippets
     * or facets: what evaluation measures.
     */
    public List<Ranked> rank(SearchRequest req) throws IOException {
        UserQuery typed = capWords(UserQuery.parse(req.query()), new ArrayList<>());
        var outside = req.filters();
        Analyzer analyzer = synonyms.queryAnalyzer();
        RankingMode mode = req.mode() != null ? req.mode() : defaultMode;
        return index.withSearcher(searcher -> {
            var clauses = clauses(searcher, typed, outside, new ArrayList<>());
            var ranking = ranker.rank(searcher, typed.text(), analyzer, clauses, req, mode, hasVectors(searcher));
            var out = new ArrayList<Ranked>();
            var stored = searcher.storedFields();
            for (int i = 0; i < Math.min(ranking.docs().length, req.page() * req.size()); i++) {
                ScoreDoc sd = ranking.docs()[i];
                out.add(new Ranked(stored.document(sd.doc, Set.of(Fields.ID)).get(Fields.ID), sd.score));
            }
            return out;
        });
    }

    /**
     * How close in meaning each document of {@code ids} is to {@code query}: the cosine of its closest passage (NaN
     * for a document without vectors or not in the index), and the ids of the {@code k} documents nearest the query.
     * For calibrating the meaning threshold; empty when meaning search is off.
     */
    public Closeness closeness(String query, List<String> ids, int k) throws IOException {
        if (ranker.meaning() == null) {
            return new Closeness(Map.of(), List.of());
        }
        float[] vector = ranker.meaning().embed(query);
        return index.withSearcher(searcher -> {
            var stored = searcher.storedFields();
            var docs = new java.util.HashMap<String, Integer>();
            for (String id : ids) {
                var top = searcher.search(new org.apache.lucene.search.BooleanQuery.Builder()
                        .add(new org.apache.lucene.search.TermQuery(new org.apache.lucene.index.Term(Fields.ID, id)),
                                org.apache.lucene.search.BooleanClause.Occur.FILTER)
                        .add(new org.apache.lucene.search.TermQuery(new org.apache.lucene.index.Term(Fields.KIND,
                                Fields.KIND_DOC)), org.apache.lucene.search.BooleanClause.Occur.FILTER).build(), 1);
                if (top.scoreDocs.length > 0) {
                    docs.put(id, top.scoreDocs[0].doc);
                }
            }
            var byId = new java.util.LinkedHashMap<String, Float>();
            var order = new ArrayList<>(docs.keySet());
            float[] cos = Meaning.closest(searcher, order.stream().mapToInt(docs::get).toArray(), vector);
            for (int i = 0; i < order.size(); i++) {
                byId.put(order.get(i), cos[i]);
            }
            var nearest = new ArrayList<String>();
            for (ScoreDoc sd : Meaning.nearest(searcher, vector, null, k)) {
                String id = stored.document(sd.doc, Set.of(Fields.ID)).get(Fields.ID);
                nearest.add(id);
                byId.putIfAbsent(id, sd.score);
            }
            return new Closeness(byId, nearest);
        });
    }

    private List<QueryFactory.FilterClause> clauses(IndexSearcher searcher, UserQuery typed,
                                                    List<Filter> outside, List<String> notices) throws IOException {
        var links = linkContext(searcher);
        notices.addAll(typed.problems());
        var clauses = new ArrayList<>(QueryFactory.filters(typed.filters(), links));
        clauses.addAll(QueryFactory.filters(outside, links));
        return clauses;
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

    private List<SearchResponse.Hit> hits(IndexSearcher searcher, Analyzer analyzer, Ranker.Ranking ranking, String text,
                                          ScoreDoc[] page, Set<String> explainStems) throws IOException {
        Query textQuery = ranking.textQuery();
        int[] ids = Arrays.stream(page).mapToInt(sd -> sd.doc).toArray();
        // Ranked by words only, every hit matches the words: only their part in the body can mark snippets.
        Query marking = ranking.fused() ? textQuery : HighlightQuery.forMatchingDocs(textQuery, Fields.BODY);
        // Each hit's stored document is read once, with its snippets: the hit's fields, its link keys (for the notes
        // citing it) and the links it records come from that same read.
        var highlighted = Snippets.highlight(searcher, analyzer, Fields.BODY, marking, ids, SNIPPETS_PER_HIT,
                HIT_FIELDS);
        var snippets = highlighted.snippets();
        var stored = highlighted.stored();
        boolean[] byWords = new boolean[ids.length];
        if (ranking.fused()) {
            byWords = Membership.of(searcher, ranking.wordPart(), ids);
        } else {
            Arrays.fill(byWords, true); // ranked by words only, every hit matches the words
        }
        boolean[] byMeaning = ranking.meaningPart() == null ? new boolean[ids.length]
                : Membership.of(searcher, ranking.meaningPart(), ids);
        var names = new LinkNames(searcher);
        var citing = NoteLinks.notesLinkingTo(searcher, ids, stored.stream()
                .map(d -> org.painsearch.corpus.Link.keysOf(d.get(Fields.ID), d.get(Fields.DOI), d.get(Fields.URL)))
                .toList());
        var moments = text.isBlank() ? Map.<String, PodcastMoments.Moment>of()
                : PodcastMoments.bestOf(searcher, analyzer, stored.stream()
                        .filter(d -> "podcast".equals(d.get(Fields.TYPE))).map(d -> d.get(Fields.ID)).toList(), text);
        var hits = new ArrayList<SearchResponse.Hit>();
        for (int i = 0; i < page.length; i++) {
            var doc = stored.get(i);
            String id = doc.get(Fields.ID);
            String type = doc.get(Fields.TYPE);
            // The indexed text holds a link's target as written; a person reads the title of what it points at.
            String markdown = doc.get(Fields.BODY_MARKDOWN);
            List<String> hitSnippets = snippets.get(i).stream().map(sn -> names.inSnippet(sn, markdown)).toList();
            String timestamp = null;
            Long seconds = null;
            if ("podcast".equals(type) && !text.isBlank()) {
                var moment = moments.get(id);
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
            var links = "note".equals(type) ? NoteLinks.targetsOf(searcher, doc.getValues(Fields.LINKS)) : null;
            hits.add(new SearchResponse.Hit(id, type, doc.get(Fields.TITLE), doc.get(Fields.URL),
                    doc.get(Fields.PUBLISHED_TEXT), List.of(doc.getValues(Fields.AUTHOR)),
                    List.of(doc.getValues(Fields.TAG)), doc.get(Fields.SOURCE), Highlights.of(hitSnippets), timestamp, seconds,
                    doc.get(Fields.AUDIO), citing.get(i), links,
                    doc.get(Fields.PRIVATE) != null ? Boolean.TRUE : null, score, matchedBy(byWords[i], byMeaning[i]),
                    explainStems == null ? null : Explanations.explain(searcher, textQuery, page[i].doc, explainStems,
                            ranking.fusionOf(page[i].doc))));
        }
        return hits;
    }

    private Map<String, Map<String, Long>> facetCounts(IndexSearcher searcher, Ranker.Ranking ranking,
                                                       List<QueryFactory.FilterClause> clauses) throws IOException {
        // Counted over exactly the answer's hits (so each dimension adds up to the total), gathered once by the ranking.
        var hits = ranking.hits() != null ? ranking.hits()
                : FacetCounter.gather(searcher, QueryFactory.combine(ranking.matchPart(), clauses, null));
        return FacetCounter.count(searcher, hits);
    }

    private static List<String> matchedBy(boolean words, boolean meaning) {
        return words && meaning ? List.of("words", "meaning") : meaning ? List.of("meaning") : List.of("words");
    }

    // The index has passage vectors once any segment has the field (the merged field list is kept per reader).
    private static boolean hasVectors(IndexSearcher searcher) {
        return ReaderCache.of(searcher).fieldInfos(searcher).fieldInfo(Fields.VECTOR) != null;
    }

    /** The ranking configuration in use. */
    public RankingConfig config() {
        return config;
    }

    // A body line "00:03:45 Topic" and the segment "Topic" are the same passage; show it once.
    static boolean sameWords(String a, String b) {
        String x = a.replaceAll("[^\\p{L}]+", " ").strip();
        String y = b.replaceAll("[^\\p{L}]+", " ").strip();
        return x.contains(y) || y.contains(x);
    }

    static UserQuery capWords(UserQuery q, List<String> notices) {
        String[] words = q.text().split("\\s+");
        if (words.length <= MAX_WORDS) {
            return q;
        }
        notices.add("Only the first " + MAX_WORDS + " words of the query were searched.");
        return new UserQuery(String.join(" ", Arrays.copyOf(words, MAX_WORDS)), q.filters(), q.problems());
    }
}
