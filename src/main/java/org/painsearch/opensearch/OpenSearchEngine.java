package org.painsearch.opensearch;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.OpenSearchException;
import org.opensearch.client.opensearch._types.SortOptions;
import org.opensearch.client.opensearch._types.SortOrder;
import org.opensearch.client.opensearch._types.aggregations.Aggregation;
import org.opensearch.client.opensearch._types.query_dsl.Query;
import org.opensearch.client.opensearch.core.SearchRequest.Builder;
import org.opensearch.client.opensearch.core.search.Hit;
import org.painsearch.corpus.Document;
import org.painsearch.corpus.FileStamp;
import org.painsearch.corpus.Link;
import org.painsearch.corpus.Timestamps;
import org.painsearch.engine.Closeness;
import org.painsearch.engine.DocumentView;
import org.painsearch.engine.Engine;
import org.painsearch.engine.EngineUnavailableException;
import org.painsearch.engine.Highlight;
import org.painsearch.engine.HitExplanation;
import org.painsearch.engine.IndexedFile;
import org.painsearch.engine.Links;
import org.painsearch.engine.Ranked;
import org.painsearch.engine.RankingMode;
import org.painsearch.engine.RelatedDoc;
import org.painsearch.engine.SearchRequest;
import org.painsearch.engine.SearchResponse;
import org.painsearch.engine.Suggestion;
import org.painsearch.index.Fields;
import org.painsearch.index.Indexer;
import org.painsearch.index.Synonyms;
import org.painsearch.search.Explanations;
import org.painsearch.search.RankingConfig;
import org.painsearch.search.RemoteSearch;
import org.painsearch.search.SearchLimits;
import org.painsearch.search.Suggestions;
import org.painsearch.vectors.Embeddings;

/**
 * painsearch on an OpenSearch cluster: the index lives behind an alias on the cluster, the corpus, notes and
 * bookmarks stay plain files on this machine. Queries are read by painsearch exactly as for the embedded index
 * ({@link RemoteSearch}) and sent as the same Lucene queries ({@link QueryDsl}); facets are aggregations over the
 * same hits; snippets are cut by the embedded highlighter from the hits' text. Writes go through
 * {@link OpenSearchWriter}; a rebuild fills a new index and moves the alias ({@link AliasRebuild}).
 * <p>Ranking by meaning is not built on this backend yet: searches rank by words and say so.
 */
public final class OpenSearchEngine implements Engine {
    private static final int SNIPPETS_PER_HIT = 2;
    private static final int FACET_VALUES = 30;
    private static final int ALL_YEARS = 10_000;
    private static final int MAX_LINKERS = 200;
    private static final int MAX_SEGMENTS = 2_000;
    private static final int BATCH = 200;
    private static final int SCAN_PAGE = 1_000;
    private static final Duration SUGGESTER_AGE = Duration.ofMinutes(1);
    private static final List<String> HIT_FIELDS = List.of(Fields.ID, Fields.TYPE, Fields.TITLE, Fields.URL,
            Fields.PUBLISHED_TEXT, Fields.AUTHOR, Fields.TAG, Fields.SOURCE, Fields.AUDIO, Fields.PRIVATE, Fields.BODY,
            Fields.BODY_MARKDOWN, Fields.DOI, Fields.LINKS);
    private static final List<String> REF_FIELDS = List.of(Fields.ID, Fields.TITLE, Fields.TYPE, Fields.TAG);
    private static final int MAX_GRAPH_NOTES = 500;
    private static final List<String> FACETS = List.of("type", "tag", "source", "year");

    private final Connection connection;
    private final OpenSearchClient client;
    private final String alias;
    private final IndexDefinition definition;
    private final Synonyms synonyms;
    private final Supplier<Set<String>> bookmarkedIds;
    private final RemoteSearch reading = new RemoteSearch(RankingConfig.DEFAULT);
    private final QueryDsl dsl = new QueryDsl(reading.combinedFields(), reading.config().synonymTie());
    private final OpenSearchWriter writer;
    private final AtomicLong written = new AtomicLong();
    // Null for words only.
    private final Embeddings embeddings;
    private final org.painsearch.search.Meaning meaning;
    private final RankingMode defaultMode;
    // Whether documents carry passage vectors, known again after this engine writes (or a minute later).
    private volatile long vectorsCheckedAt = Long.MIN_VALUE;
    private volatile long vectorsCheckedWrites = -1;
    private volatile boolean vectorsPresent;
    private Suggestions.Built suggester;
    private long suggesterWrites;
    private long suggesterBuilt;
    private volatile long refreshed;

    /**
     * An engine over the index {@code alias} names on the cluster {@code connection} reaches (owned and closed
     * here), building new indices with {@code definition}.
     */
    public OpenSearchEngine(Connection connection, String alias, IndexDefinition definition, Synonyms synonyms,
                            Supplier<Set<String>> bookmarkedIds) {
        this(connection, alias, definition, synonyms, bookmarkedIds, null, RankingMode.BM25);
    }

    /**
     * As above, computing passage vectors with {@code embeddings} (owned and closed here; null for words only) and
     * ranking by {@code defaultMode} when a request names no ranking.
     */
    public OpenSearchEngine(Connection connection, String alias, IndexDefinition definition, Synonyms synonyms,
                            Supplier<Set<String>> bookmarkedIds, Embeddings embeddings, RankingMode defaultMode) {
        this.embeddings = embeddings;
        this.meaning = embeddings == null ? null : embeddings.meaning();
        this.defaultMode = embeddings == null ? RankingMode.BM25 : defaultMode;
        this.connection = connection;
        this.client = connection.client();
        this.alias = alias;
        this.definition = definition;
        this.synonyms = synonyms;
        this.bookmarkedIds = bookmarkedIds;
        this.writer = new OpenSearchWriter(client, alias);
    }

    // ---- searching

    @Override
    public SearchResponse search(SearchRequest request) throws IOException {
        long started = System.nanoTime();
        SearchLimits.checkExpansions(request.query());
        boolean meaningLoading = wantsMeaning(request) && !RemoteSearch.ready(meaning);
        if (ranksByMeaning(request)) {
            return hybridSearch(request, started);
        }
        int from = (request.page() - 1) * request.size();
        // The strict reading's count comes with its page: most searches need one request, a relaxed one a few more.
        var pageOf = new FirstAnswer<org.opensearch.client.opensearch.core.SearchResponse<Map>>(query -> call(() ->
                client.search(s -> {
                    page(s, query, request, from, request.size()).trackTotalHits(t -> t.enabled(true))
                            .source(src -> src.filter(f -> f.includes(HIT_FIELDS)));
                    for (String facet : FACETS) {
                        s.aggregations(facet, facetAggregation(facet));
                    }
                    return s;
                }, Map.class)), answer -> answer.hits().total().value());
        var plan = reading.plan(request, synonyms.queryAnalyzer(), linkQueries(), pageOf::count);
        var notices = new ArrayList<>(plan.notices());
        if (meaningLoading) {
            notices.add(RemoteSearch.MEANING_LOADING);
        }
        var response = pageOf.answer(plan.hits());
        var hits = response.hits().hits();
        var sources = hits.stream().map(OpenSearchEngine::source).toList();
        var scores = hits.stream().map(h -> h.score() == null || h.score().isNaN() ? 0f : h.score().floatValue()).toList();
        var words = java.util.Collections.nCopies(hits.size(), List.of("words"));
        return answer(request, started, plan, notices, sources, scores, words, null, response.aggregations(),
                response.hits().total() == null ? plan.wordTotal() : response.hits().total().value(), "bm25");
    }

    // The answer's hits from their sources: snippets, moments, citing notes, links; facets from the aggregations.
    private SearchResponse answer(SearchRequest request, long started, RemoteSearch.Plan plan, List<String> notices,
                                  List<Map<String, Object>> sources, List<Float> scores, List<List<String>> matchedBy,
                                  List<String> fusion, Map<String, org.opensearch.client.opensearch._types.aggregations.Aggregate> aggregations,
                                  long total, String mode) throws IOException {
        boolean fused = mode.equals("hybrid");
        var texts = sources.stream().map(src -> new RemoteSearch.Text(str(src, Fields.ID), list(src, Fields.BODY),
                str(src, Fields.BODY_MARKDOWN))).toList();
        // Every link key the page needs resolved (links named in snippets, what each note links to), in one request.
        var linked = new LinkedHashSet<String>();
        texts.forEach(t -> linked.addAll(RemoteSearch.linkKeys(t.markdown())));
        sources.stream().filter(src -> "note".equals(str(src, Fields.TYPE))).forEach(src -> linked.addAll(list(src, Fields.LINKS)));
        // The page's other requests (link titles, citing notes, podcast moments, explanations) do not depend on one
        // another: they go to the cluster at once, and the snippets are made meanwhile.
        Map<String, Links.Ref> titles;
        List<List<SearchResponse.NoteRef>> citing;
        Map<String, RemoteSearch.Moment> moments;
        List<HitExplanation> explanations;
        List<List<Highlight>> snippets;
        try (var parallel = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            var titlesAsked = parallel.submit(() -> resolveKeys(linked));
            var citingAsked = parallel.submit(() -> citing(sources));
            var momentsAsked = parallel.submit(() -> moments(sources, typedText(request)));
            var explained = request.explain() ? parallel.submit(() -> explanations(plan, sources.stream()
                    .map(src -> str(src, Fields.ID)).toList(), fusion)) : null;
            titles = answerOf(titlesAsked);
            var named = titles;
            snippets = RemoteSearch.snippets(texts, plan.words(), SNIPPETS_PER_HIT, synonyms.queryAnalyzer(), !fused,
                    key -> named.containsKey(key) ? named.get(key).title() : null);
            citing = answerOf(citingAsked);
            moments = answerOf(momentsAsked);
            explanations = explained == null ? null : answerOf(explained);
        }
        var out = new ArrayList<SearchResponse.Hit>();
        for (int i = 0; i < sources.size(); i++) {
            var src = sources.get(i);
            String type = str(src, Fields.TYPE);
            var links = "note".equals(type) ? targets(list(src, Fields.LINKS), titles) : null;
            var hitSnippets = snippets.get(i);
            var moment = moments.get(str(src, Fields.ID));
            if (moment != null) {
                hitSnippets = RemoteSearch.withMoment(hitSnippets, moment, SNIPPETS_PER_HIT);
            }
            out.add(new SearchResponse.Hit(str(src, Fields.ID), type, str(src, Fields.TITLE), str(src, Fields.URL),
                    str(src, Fields.PUBLISHED_TEXT), list(src, Fields.AUTHOR), list(src, Fields.TAG),
                    str(src, Fields.SOURCE), hitSnippets, moment == null ? null : Timestamps.format(moment.seconds()),
                    moment == null ? null : moment.seconds(), str(src, Fields.AUDIO), citing.get(i),
                    links, src.get(Fields.PRIVATE) != null ? Boolean.TRUE : null, scores.get(i), matchedBy.get(i),
                    explanations == null ? null : explanations.get(i)));
        }
        var facets = new LinkedHashMap<String, Map<String, Long>>();
        for (String facet : FACETS) {
            var counts = new LinkedHashMap<String, Long>();
            var agg = aggregations.get(facet);
            if (agg != null) {
                agg.sterms().buckets().array().forEach(b -> counts.put(b.key(), b.docCount()));
            }
            facets.put(facet, counts);
        }
        long took = (System.nanoTime() - started) / 1_000_000;
        String didYouMean = plan.wordTotal() < RemoteSearch.FEW_RESULTS && !typedText(request).isBlank()
                ? didYouMean(request.query()) : null;
        return new SearchResponse(request.query(), total, took, notices.isEmpty() ? null : String.join(" ", notices),
                request.page(), request.size(), out, facets, mode, plan.details(), didYouMean);
    }

    /**
     * Why each hit matched, as the embedded engine explains it: the cluster's explanation of the words' score (Lucene's
     * own explanation tree) folded by {@link Explanations}, with how the ranks were fused ({@code fusion}, null when
     * ranked by words only). A hit found by meaning only has no word score.
     */
    private List<HitExplanation> explanations(RemoteSearch.Plan plan, List<String> ids, List<String> fusion)
            throws IOException {
        var stems = plan.details() == null ? Set.<String>of() : plan.details().stems().stream()
                .map(org.painsearch.engine.QueryDetails.Stem::stem).collect(java.util.stream.Collectors.toSet());
        var byId = new HashMap<String, Explanation>();
        if (!ids.isEmpty()) {
            // The words alone are explained (filters add nothing to a score); the page's documents kept by a post filter.
            var response = call(() -> client.search(s -> s.index(alias).query(dsl.of(plan.words()))
                    .postFilter(dsl.of(RemoteSearch.docsOnly(KeywordField.newSetQuery(Fields.ID, bytes(ids)))))
                    .size(ids.size()).explain(true).source(src -> src.fetch(false))
                    .docvalueFields(f -> f.field(Fields.ID)), Void.class));
            for (var hit : response.hits().hits()) {
                byId.put(firstValue(hit.fields().get(Fields.ID)), lucene(hit.explanation()));
            }
        }
        var out = new ArrayList<HitExplanation>();
        for (int i = 0; i < ids.size(); i++) {
            var e = byId.getOrDefault(ids.get(i), Explanation.noMatch("no matching words"));
            out.add(Explanations.of(e, stems, fusion == null ? null : fusion.get(i)));
        }
        return out;
    }

    private static Explanation lucene(org.opensearch.client.opensearch.core.explain.Explanation e) {
        var details = e.details().stream().map(OpenSearchEngine::lucene).toList();
        return Explanation.match(e.value(), e.description(), details);
    }

    // ---- ranking by words and meaning, as the embedded Ranker does

    // Asked to rank by meaning, with vectors to rank by and words to embed.
    private boolean wantsMeaning(SearchRequest request) throws IOException {
        RankingMode mode = request.mode() != null ? request.mode() : defaultMode;
        return mode == RankingMode.HYBRID && meaning != null && !typedText(request).isBlank() && hasVectors();
    }

    // ... and the model is loaded (just after a start it is not: the answer is by words, saying so).
    private boolean ranksByMeaning(SearchRequest request) throws IOException {
        return wantsMeaning(request) && RemoteSearch.ready(meaning);
    }

    /** A document of a fused ranking and its score (fused, or its closest passage's cosine when found by meaning only). */
    private record Scored(String id, float score, String fusion) {
        Scored(String id, float score) {
            this(id, score, null);
        }
    }

    /**
     * The hits up to {@code n}, as the embedded engine ranks words and meaning together: word matches by reciprocal
     * rank fusion of BM25 and meaning, then the documents found by meaning only, closest first; by date, every hit
     * newest first. {@code counted} holds the total and the facets of every hit.
     */
    private record Hybrid(List<Scored> docs, org.opensearch.client.opensearch.core.SearchResponse<Void> counted,
                          org.apache.lucene.search.Query meaningPart) {
    }

    private Hybrid hybrid(RemoteSearch.Plan plan, SearchRequest request, int n) throws IOException {
        var config = reading.config();
        float[] vector = RemoteSearch.embed(meaning, plan.text());
        var closeness = closeDocuments(vector, config.meaningThreshold());
        org.apache.lucene.search.Query close = closeness.isEmpty() ? new MatchNoDocsQuery("nothing close in meaning")
                : KeywordField.newSetQuery(Fields.ID, bytes(closeness.keySet()));
        var constraints = plan.constraints();
        org.apache.lucene.search.Query meaningPart = constraints == null ? close : new BooleanQuery.Builder()
                .add(close, Occur.MUST).add(constraints, Occur.FILTER).build();
        var matchPart = new BooleanQuery.Builder().add(plan.words(), Occur.SHOULD).add(meaningPart, Occur.SHOULD)
                .setMinimumNumberShouldMatch(1).build();
        var hitsQuery = plan.filtered().apply(matchPart);
        boolean byDate = request.sort() == org.painsearch.engine.SortOrder.DATE;
        var counted = call(() -> client.search(s -> {
            page(s, hitsQuery, request, 0, byDate ? n : 0).trackTotalHits(t -> t.enabled(true))
                    .source(src -> src.fetch(false)).docvalueFields(f -> f.field(Fields.ID));
            for (String facet : FACETS) {
                s.aggregations(facet, facetAggregation(facet));
            }
            return s;
        }, Void.class));
        if (byDate) {
            // As the embedded engine's date order: the hits newest first, without a relevance score.
            var docs = counted.hits().hits().stream().map(h -> new Scored(firstValue(h.fields().get(Fields.ID)), 0f))
                    .toList();
            return new Hybrid(docs, counted, meaningPart);
        }
        long meaningOnlyTotal = counted.hits().total().value() - plan.wordTotal();
        int depth = Math.max(n, RemoteSearch.FUSION_DEPTH);
        var byWords = ranked(plan.filtered().apply(plan.words()), depth);
        // With nothing to honour, every passage may take part: no filter on the nearest-passage search.
        var allowed = constraints == null && plan.filtered().apply(new org.apache.lucene.search.MatchAllDocsQuery())
                .equals(RemoteSearch.docsOnly(new org.apache.lucene.search.MatchAllDocsQuery())) ? null
                : plan.filtered().apply(constraints == null ? new org.apache.lucene.search.MatchAllDocsQuery() : constraints);
        var nearest = call(() -> client.search(s -> page(s.index(alias).query(dsl.nearest(vector, allowed,
                        RemoteSearch.FUSION_DEPTH)).size(RemoteSearch.FUSION_DEPTH))
                .source(src -> src.fetch(false)).docvalueFields(f -> f.field(Fields.ID)), Void.class));
        var byMeaning = nearest.hits().hits().stream().map(h -> firstValue(h.fields().get(Fields.ID))).toList();
        var nearIsWordHit = members(plan.filtered().apply(plan.words()), byMeaning);
        int k = config.rrfK();
        var fused = new LinkedHashMap<String, Float>();
        for (int i = 0; i < byWords.size(); i++) {
            fused.merge(byWords.get(i).id(), 1f / (k + i + 1), Float::sum);
        }
        for (int i = 0; i < byMeaning.size(); i++) {
            if (nearIsWordHit.contains(byMeaning.get(i))) {
                fused.merge(byMeaning.get(i), config.meaningWeight() / (k + i + 1), Float::sum);
            }
        }
        var wordRank = new HashMap<String, Integer>();
        for (int i = 0; i < byWords.size(); i++) {
            wordRank.putIfAbsent(byWords.get(i).id(), i + 1);
        }
        var meaningRank = new HashMap<String, Integer>();
        for (int i = 0; i < byMeaning.size(); i++) {
            meaningRank.putIfAbsent(byMeaning.get(i), i + 1);
        }
        var docs = new ArrayList<Scored>(fused.entrySet().stream()
                .sorted(Map.Entry.<String, Float>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(e -> new Scored(e.getKey(), e.getValue(), RemoteSearch.fusionExplained(k, wordRank.get(e.getKey()),
                        meaningRank.get(e.getKey()), e.getValue())))
                .toList());
        if (docs.size() < n && meaningOnlyTotal > 0) {
            // Found by meaning only: closest passage first (ties by id).
            var meaningOnly = new BooleanQuery.Builder().add(plan.filtered().apply(meaningPart), Occur.MUST)
                    .add(plan.words(), Occur.MUST_NOT).build();
            members(meaningOnly, List.copyOf(closeness.keySet())).stream()
                    .sorted(java.util.Comparator.comparing((String id) -> closeness.get(id)).reversed()
                            .thenComparing(java.util.Comparator.naturalOrder()))
                    .limit(n - docs.size())
                    .forEach(id -> docs.add(new Scored(id, closeness.get(id), RemoteSearch.meaningOnlyExplained(closeness.get(id)))));
        }
        return new Hybrid(docs, counted, meaningPart);
    }

    /**
     * Every document with a passage at least {@code cosine} close to {@code vector}, with its closest passage's
     * cosine: a radius search over the nested passages that walks the graph a margin below the threshold (as the
     * embedded search does), so close passages reachable only through less close ones are found; at most 10,000.
     */
    private Map<String, Float> closeDocuments(float[] vector, float cosine) throws IOException {
        var query = dsl.of(new QueryDsl.CloserThan(vector, cosine - RemoteSearch.TRAVERSAL_MARGIN));
        var response = call(() -> client.search(s -> s.index(alias).query(query).size(10_000)
                .source(src -> src.fetch(false)).docvalueFields(f -> f.field(Fields.ID)), Void.class));
        var out = new LinkedHashMap<String, Float>();
        for (var hit : response.hits().hits()) {
            float closest = RemoteSearch.cosine(hit.score().floatValue());
            if (closest >= cosine) {
                out.put(firstValue(hit.fields().get(Fields.ID)), closest);
            }
        }
        return out;
    }

    // The top of a ranking by score, ties by id.
    private List<Scored> ranked(org.apache.lucene.search.Query query, int size) throws IOException {
        var response = call(() -> client.search(s -> page(s.index(alias).query(dsl.of(query)).size(size))
                .source(src -> src.fetch(false)).docvalueFields(f -> f.field(Fields.ID)), Void.class));
        return response.hits().hits().stream().map(h -> new Scored(firstValue(h.fields().get(Fields.ID)),
                h.score() == null ? 0f : h.score().floatValue())).toList();
    }

    // Which of the documents {@code ids} match {@code query}.
    private Set<String> members(org.apache.lucene.search.Query query, List<String> ids) throws IOException {
        if (ids.isEmpty()) {
            return Set.of();
        }
        var q = new BooleanQuery.Builder().add(query, Occur.FILTER)
                .add(KeywordField.newSetQuery(Fields.ID, bytes(ids)), Occur.FILTER).build();
        var response = call(() -> client.search(s -> s.index(alias).query(dsl.of(q)).size(ids.size())
                .source(src -> src.fetch(false)).docvalueFields(f -> f.field(Fields.ID)), Void.class));
        var out = new java.util.HashSet<String>();
        response.hits().hits().forEach(h -> out.add(firstValue(h.fields().get(Fields.ID))));
        return out;
    }

    private SearchResponse hybridSearch(SearchRequest request, long started) throws IOException {
        var plan = reading.plan(request, synonyms.queryAnalyzer(), linkQueries(), this::count);
        int n = request.page() * request.size();
        var ranking = hybrid(plan, request, n);
        int from = Math.min((request.page() - 1) * request.size(), ranking.docs().size());
        var page = ranking.docs().subList(from, Math.min(ranking.docs().size(), from + request.size()));
        var ids = page.stream().map(Scored::id).toList();
        var byId = new LinkedHashMap<String, Map<String, Object>>();
        for (var src : docs(RemoteSearch.docsOnly(KeywordField.newSetQuery(Fields.ID, bytes(ids))), HIT_FIELDS,
                Math.max(1, ids.size()))) {
            byId.put(str(src, Fields.ID), src);
        }
        var byWords = members(plan.filtered().apply(plan.words()), ids);
        var byMeaning = members(plan.filtered().apply(ranking.meaningPart()), ids);
        var sources = new ArrayList<Map<String, Object>>();
        var scores = new ArrayList<Float>();
        var matchedBy = new ArrayList<List<String>>();
        for (var scored : page) {
            sources.add(byId.getOrDefault(scored.id(), Map.of(Fields.ID, scored.id())));
            scores.add(Float.isNaN(scored.score()) ? 0f : scored.score());
            boolean w = byWords.contains(scored.id());
            boolean m = byMeaning.contains(scored.id());
            matchedBy.add(w && m ? List.of("words", "meaning") : m ? List.of("meaning") : List.of("words"));
        }
        var fusion = page.stream().map(Scored::fusion).toList(); // null for each in date order, as embedded
        return answer(request, started, plan, plan.notices(), sources, scores, matchedBy, fusion,
                ranking.counted().aggregations(), ranking.counted().hits().total().value(), "hybrid");
    }

    @Override
    public List<Ranked> rank(SearchRequest request) throws IOException {
        int n = request.page() * request.size();
        if (ranksByMeaning(request)) {
            var plan = reading.plan(request, synonyms.queryAnalyzer(), linkQueries(), this::count);
            var docs = hybrid(plan, request, n).docs();
            return docs.subList(0, Math.min(n, docs.size())).stream().map(d -> new Ranked(d.id(), d.score())).toList();
        }
        var ranking = new FirstAnswer<org.opensearch.client.opensearch.core.SearchResponse<Void>>(query -> call(() ->
                client.search(s -> page(s, query, request, 0, n).trackTotalHits(t -> t.enabled(true))
                        .source(src -> src.fetch(false)).docvalueFields(f -> f.field(Fields.ID)), Void.class)),
                answer -> answer.hits().total().value());
        var plan = reading.plan(request, synonyms.queryAnalyzer(), linkQueries(), ranking::count);
        var response = ranking.answer(plan.hits());
        var out = new ArrayList<Ranked>();
        for (var hit : response.hits().hits()) {
            Double score = hit.score();
            out.add(new Ranked(firstValue(hit.fields().get(Fields.ID)), score == null ? 0f : score.floatValue()));
        }
        return out;
    }

    /**
     * The answer to the first query counted, kept: the strict reading of a search is counted by running it whole,
     * and when the reading stands (no fallback), that answer is the search's. Other counts are counts.
     */
    private final class FirstAnswer<R> {
        private final Call1<R> run;
        private final java.util.function.ToLongFunction<R> total;
        private org.apache.lucene.search.Query firstQuery;
        private R first;

        FirstAnswer(Call1<R> run, java.util.function.ToLongFunction<R> total) {
            this.run = run;
            this.total = total;
        }

        long count(org.apache.lucene.search.Query query) throws IOException {
            if (firstQuery == null) {
                firstQuery = query;
                first = run.run(query);
                return total.applyAsLong(first);
            }
            return OpenSearchEngine.this.count(query);
        }

        R answer(org.apache.lucene.search.Query query) throws IOException {
            return query.equals(firstQuery) ? first : run.run(query);
        }
    }

    @FunctionalInterface
    private interface Call1<R> {
        R run(org.apache.lucene.search.Query query) throws IOException;
    }

    // Each word the library lacks replaced by its nearest word there: the term suggester over the spelling field,
    // which is Lucene's DirectSpellChecker with the same defaults the embedded search uses.
    private String didYouMean(String text) throws IOException {
        var words = List.copyOf(RemoteSearch.spellingWords(text));
        if (words.isEmpty()) {
            return null;
        }
        var response = call(() -> client.search(s -> {
            s.index(alias).size(0);
            s.suggest(sg -> {
                for (int i = 0; i < words.size(); i++) {
                    String word = words.get(i);
                    sg.suggesters("w" + i, fs -> fs.text(word).term(t -> t.field(Fields.SPELL).size(1)
                            .suggestMode(org.opensearch.client.opensearch._types.SuggestMode.Missing)));
                }
                return sg;
            });
            return s;
        }, Void.class));
        var corrections = new LinkedHashMap<String, String>();
        for (int i = 0; i < words.size(); i++) {
            for (var suggestion : response.suggest().getOrDefault("w" + i, List.of())) {
                var options = suggestion.term().options();
                if (!options.isEmpty()) {
                    corrections.put(words.get(i), options.get(0).text());
                }
            }
        }
        return RemoteSearch.corrected(text, corrections);
    }

    // The query's words without its filters, as podcast moments read them.
    private static String typedText(SearchRequest request) {
        return org.painsearch.engine.UserQuery.parse(request.query()).text();
    }

    // For each podcast among the hits, its best-matching segment (the higher score, the earlier on a tie), and in it
    // the moment the words are spoken.
    private Map<String, RemoteSearch.Moment> moments(List<Map<String, Object>> hits, String text) throws IOException {
        var podcasts = hits.stream().filter(src -> "podcast".equals(str(src, Fields.TYPE))).map(src -> str(src, Fields.ID))
                .toList();
        if (podcasts.isEmpty() || text.isBlank()) {
            return Map.of();
        }
        var query = dsl.of(RemoteSearch.segmentsMatching(text, synonyms.queryAnalyzer(), podcasts));
        var response = call(() -> client.search(s -> s.index(alias).query(query).size(podcasts.size())
                .collapse(c -> c.field(Fields.ROOT))
                .sort(SortOptions.of(o -> o.score(sc -> sc.order(SortOrder.Desc))))
                .sort(SortOptions.of(o -> o.field(f -> f.field(IndexDefinition.BLOCK_POSITION).order(SortOrder.Asc))))
                .source(src -> src.filter(f -> f.includes(Fields.ROOT, Fields.START, Fields.BODY, Fields.CUE_MARKS))),
                Map.class));
        var best = response.hits().hits().stream().map(OpenSearchEngine::source)
                .map(src -> new RemoteSearch.SegmentText(str(src, Fields.ROOT), ((Number) src.get(Fields.START)).longValue(),
                        str(src, Fields.BODY), str(src, Fields.CUE_MARKS)))
                .toList();
        return RemoteSearch.moments(best, text, synonyms.queryAnalyzer());
    }

    // Equal scores (and dates) in the order of their ids, as the embedded engine orders them.
    private Builder page(Builder s, org.apache.lucene.search.Query query, SearchRequest request, int from, int size) {
        s.index(alias).query(dsl.of(query)).from(from).size(size);
        if (request.sort() == org.painsearch.engine.SortOrder.DATE) {
            s.sort(SortOptions.of(o -> o.field(f -> f.field(Fields.PUBLISHED).order(SortOrder.Desc)
                    .missing(FieldValue.of("_last")))));
        }
        s.sort(SortOptions.of(o -> o.score(sc -> sc.order(SortOrder.Desc))));
        s.sort(SortOptions.of(o -> o.field(f -> f.field(Fields.ID).order(SortOrder.Asc))));
        s.trackScores(true);
        return s;
    }

    private static Aggregation facetAggregation(String facet) {
        if (facet.equals("year")) {
            return Aggregation.of(a -> a.terms(t -> t.field(Fields.YEAR).size(ALL_YEARS)
                    .order(List.of(Map.of("_key", SortOrder.Desc)))));
        }
        String field = switch (facet) {
            case "type" -> Fields.TYPE;
            case "tag" -> Fields.TAG;
            default -> Fields.SOURCE;
        };
        return Aggregation.of(a -> a.terms(t -> t.field(field).size(FACET_VALUES)
                .order(List.of(Map.of("_count", SortOrder.Desc), Map.of("_key", SortOrder.Asc)))));
    }

    private long count(org.apache.lucene.search.Query query) throws IOException {
        return call(() -> client.count(c -> c.index(alias).query(dsl.of(query)))).count();
    }

    private RemoteSearch.LinkQueries linkQueries() {
        return new RemoteSearch.LinkQueries() {
            @Override
            public org.apache.lucene.search.Query cited() throws IOException {
                return RemoteSearch.answeringTo(allLinkKeys());
            }

            @Override
            public org.apache.lucene.search.Query linked(String id) throws IOException {
                var doc = fetch(id, List.of(Fields.ID, Fields.DOI, Fields.URL, Fields.LINKS));
                if (doc.isEmpty()) {
                    return new MatchNoDocsQuery("no document " + id);
                }
                var src = doc.get();
                return new BooleanQuery.Builder()
                        .add(KeywordField.newSetQuery(Fields.LINKS, bytes(keysOf(src))), Occur.SHOULD)
                        .add(RemoteSearch.answeringTo(list(src, Fields.LINKS)), Occur.SHOULD)
                        .build();
            }

            @Override
            public org.apache.lucene.search.Query bookmarked() {
                return KeywordField.newSetQuery(Fields.ID, bytes(bookmarkedIds.get()));
            }
        };
    }

    // Every link key some document records: the terms of the links field.
    private List<String> allLinkKeys() throws IOException {
        var response = call(() -> client.search(s -> s.index(alias).size(0)
                .aggregations("keys", a -> a.terms(t -> t.field(Fields.LINKS).size(65_000))), Void.class));
        var out = new ArrayList<String>();
        response.aggregations().get("keys").sterms().buckets().array().forEach(b -> out.add(b.key()));
        return out;
    }

    // For each hit, the documents recording one of its link keys (itself excluded), by title.
    private List<List<SearchResponse.NoteRef>> citing(List<Map<String, Object>> hits) throws IOException {
        var out = new ArrayList<List<SearchResponse.NoteRef>>();
        var keysByHit = new ArrayList<List<String>>();
        var all = new LinkedHashSet<String>();
        for (var src : hits) {
            out.add(new ArrayList<>());
            var keys = keysOf(src);
            keysByHit.add(keys);
            all.addAll(keys);
        }
        if (all.isEmpty()) {
            return out;
        }
        var linkers = docs(RemoteSearch.docsOnly(KeywordField.newSetQuery(Fields.LINKS, bytes(all))),
                List.of(Fields.ID, Fields.TITLE, Fields.LINKS), MAX_LINKERS * Math.max(1, hits.size()));
        for (int i = 0; i < hits.size(); i++) {
            String id = str(hits.get(i), Fields.ID);
            for (var linker : linkers) {
                if (!id.equals(str(linker, Fields.ID)) && out.get(i).size() < MAX_LINKERS
                        && list(linker, Fields.LINKS).stream().anyMatch(keysByHit.get(i)::contains)) {
                    out.get(i).add(new SearchResponse.NoteRef(str(linker, Fields.ID), str(linker, Fields.TITLE)));
                }
            }
            out.get(i).sort(java.util.Comparator.comparing(SearchResponse.NoteRef::title, String.CASE_INSENSITIVE_ORDER));
        }
        return out;
    }

    // The documents some link keys point at that exist, in key order, without repeats.
    private List<SearchResponse.NoteRef> targets(List<String> keys) throws IOException {
        return targets(keys, resolveKeys(keys));
    }

    private static List<SearchResponse.NoteRef> targets(List<String> keys, Map<String, Links.Ref> resolved) {
        var out = new ArrayList<SearchResponse.NoteRef>();
        for (String key : keys) {
            var ref = resolved.get(key);
            if (ref != null && out.stream().noneMatch(r -> r.id().equals(ref.id()))) {
                out.add(new SearchResponse.NoteRef(ref.id(), ref.title()));
            }
        }
        return out;
    }

    // Link key to the document answering to it, for the keys that resolve.
    private Map<String, Links.Ref> resolveKeys(Collection<String> keys) throws IOException {
        var out = new LinkedHashMap<String, Links.Ref>();
        if (keys.isEmpty()) {
            return out;
        }
        for (var src : docs(RemoteSearch.docsOnly(RemoteSearch.answeringTo(keys)),
                List.of(Fields.ID, Fields.TITLE, Fields.TYPE, Fields.TAG, Fields.DOI, Fields.URL), keys.size() * 2 + 10)) {
            var ref = new Links.Ref(str(src, Fields.ID), str(src, Fields.TITLE), str(src, Fields.TYPE), list(src, Fields.TAG));
            for (String key : keysOf(src)) {
                if (keys.contains(key)) {
                    out.putIfAbsent(key, ref);
                }
            }
        }
        return out;
    }

    @Override
    public Optional<DocumentView> document(String id) throws IOException {
        var found = fetch(id, null);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        var src = found.get();
        String markdown = str(src, Fields.BODY_MARKDOWN);
        var located = Link.locateAll(markdown);
        var resolved = resolveKeys(located.stream().map(l -> l.link().key()).toList());
        var links = new ArrayList<DocumentView.LinkView>();
        var seen = new java.util.HashSet<String>();
        for (Link.Located at : located) {
            Link l = at.link();
            var t = resolved.get(l.key());
            if (l.bare() && t == null || !seen.add(l.key() + "#" + l.atSeconds())) {
                continue;
            }
            String moment = t != null && l.atSeconds() >= 0 ? segmentAt(t.id(), l.atSeconds()) : null;
            links.add(new DocumentView.LinkView(l.target(), l.label(),
                    l.atSeconds() < 0 ? null : Timestamps.format(l.atSeconds()), l.atSeconds() < 0 ? null : l.atSeconds(),
                    l.bare(), t == null ? null : t.id(), t == null ? null : t.title(), t == null ? null : t.type(),
                    RemoteSearch.sentenceAround(markdown, at.start(), at.end(), this::title), moment));
        }
        var keys = keysOf(src);
        var backlinks = new ArrayList<DocumentView.Backlink>();
        for (var note : docs(RemoteSearch.docsOnly(KeywordField.newSetQuery(Fields.LINKS, bytes(keys))),
                List.of(Fields.ID, Fields.TITLE, Fields.TYPE, Fields.BODY_MARKDOWN), MAX_LINKERS + 1)) {
            if (!id.equals(str(note, Fields.ID))) {
                backlinks.add(new DocumentView.Backlink(str(note, Fields.ID), str(note, Fields.TITLE), str(note, Fields.TYPE),
                        RemoteSearch.sentenceLinking(str(note, Fields.BODY_MARKDOWN), keys, this::title)));
            }
        }
        backlinks.sort(java.util.Comparator.comparing(DocumentView.Backlink::title, String.CASE_INSENSITIVE_ORDER));
        return Optional.of(new DocumentView(id, str(src, Fields.TYPE), str(src, Fields.TITLE), str(src, Fields.URL),
                str(src, Fields.PUBLISHED_TEXT), list(src, Fields.AUTHOR), list(src, Fields.TAG), str(src, Fields.SOURCE),
                str(src, Fields.DOI), str(src, Fields.PMID), str(src, Fields.SHOW), str(src, Fields.EPISODE),
                str(src, Fields.AUDIO), str(src, Fields.DURATION), src.get(Fields.PRIVATE) != null ? Boolean.TRUE : null,
                markdown, segments(id), links, backlinks));
    }

    // The title of the document a link key names, or null.
    private String title(String key) {
        try {
            var ref = resolveKeys(List.of(key)).get(key);
            return ref == null ? null : ref.title();
        } catch (IOException e) {
            return null;
        }
    }

    private List<DocumentView.Moment> segments(String id) throws IOException {
        return segments(id, true);
    }

    // A podcast's segments by start (as the document view lists them) or in the order of its block.
    private List<DocumentView.Moment> segments(String id, boolean byStart) throws IOException {
        var query = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(Fields.ROOT, id)), Occur.FILTER)
                .add(new TermQuery(new Term(Fields.KIND, Fields.KIND_SEGMENT)), Occur.FILTER).build();
        var response = call(() -> client.search(s -> s.index(alias).query(dsl.of(query)).size(MAX_SEGMENTS)
                .source(src -> src.filter(f -> f.includes(Fields.START, Fields.BODY)))
                .sort(SortOptions.of(o -> o.field(f -> f.field(byStart ? Fields.START : IndexDefinition.BLOCK_POSITION)
                        .order(SortOrder.Asc))))
                .sort(SortOptions.of(o -> o.field(f -> f.field(IndexDefinition.BLOCK_POSITION).order(SortOrder.Asc)))),
                Map.class));
        var out = new ArrayList<DocumentView.Moment>();
        for (var hit : response.hits().hits()) {
            var src = source(hit);
            long s = ((Number) src.get(Fields.START)).longValue();
            out.add(new DocumentView.Moment(s, Timestamps.format(s), str(src, Fields.BODY)));
        }
        return out;
    }

    private String segmentAt(String podcastId, long seconds) throws IOException {
        String text = null;
        for (var m : segments(podcastId)) {
            if (m.seconds() <= seconds) {
                text = m.text();
            }
        }
        return text;
    }

    @Override
    public List<String> marks(String id, String query) throws IOException {
        var found = fetch(id, List.of(Fields.ID, Fields.TITLE, Fields.BODY));
        if (found.isEmpty()) {
            return List.of();
        }
        // In the embedded index's order: a podcast's segments come before the document in its block.
        var texts = new ArrayList<String>();
        segments(id, false).forEach(m -> texts.add(m.text()));
        texts.addAll(list(found.get(), Fields.BODY));
        return RemoteSearch.marks(str(found.get(), Fields.TITLE), texts, query, synonyms.queryAnalyzer());
    }

    @Override
    public List<Suggestion> suggest(String typed, int n) throws IOException {
        if (typed == null || typed.strip().length() < 2) {
            return List.of();
        }
        return suggester().suggest(typed, n);
    }

    // The suggester over the library's documents, built again after this engine wrote, or once it is a minute old
    // (another painsearch may write to the same cluster).
    private synchronized Suggestions.Built suggester() throws IOException {
        long now = System.nanoTime();
        if (suggester == null || suggesterWrites != written.get() || now - suggesterBuilt > SUGGESTER_AGE.toNanos()) {
            long writes = written.get();
            var sources = new ArrayList<Suggestions.Source>();
            scan(RemoteSearch.docsOnly(new org.apache.lucene.search.MatchAllDocsQuery()),
                    List.of(Fields.ID, Fields.TITLE, Fields.TAG, Fields.BODY), src -> sources.add(new Suggestions.Source(
                            str(src, Fields.ID), str(src, Fields.TITLE), list(src, Fields.TAG), str(src, Fields.BODY))));
            var fresh = Suggestions.build(sources);
            if (suggester != null) {
                suggester.close();
            }
            suggester = fresh;
            suggesterWrites = writes;
            suggesterBuilt = now;
        }
        return suggester;
    }

    @Override
    public List<RelatedDoc> related(String id, int n) throws IOException {
        if (fetch(id, List.of(Fields.ID)).isEmpty()) {
            return List.of();
        }
        // As the embedded engine's MoreLikeThis: a word of its title or body (the stored text it reads; tags are not
        // stored there) used twice in the document and found in two documents.
        var notItself = RemoteSearch.docsOnly(new BooleanQuery.Builder()
                .add(new org.apache.lucene.search.MatchAllDocsQuery(), Occur.MUST)
                .add(new TermQuery(new Term(Fields.ID, id)), Occur.MUST_NOT).build());
        var response = call(() -> client.search(s -> page(s.index(alias).size(n)
                .query(q -> q.bool(b -> b.must(m -> m.moreLikeThis(mlt -> mlt
                                .fields(Fields.TITLE, Fields.BODY)
                                .like(l -> l.document(d -> d.index(alias).id(id)))
                                .minTermFreq(2).minDocFreq(2).maxQueryTerms(25).minimumShouldMatch("0")))
                        .filter(dsl.of(notItself))))
                .source(src -> src.filter(f -> f.includes(Fields.ID, Fields.TITLE, Fields.TYPE)))), Map.class));
        return response.hits().hits().stream().map(OpenSearchEngine::source)
                .map(src -> new RelatedDoc(str(src, Fields.ID), str(src, Fields.TITLE), str(src, Fields.TYPE), List.of("words")))
                .toList();
    }

    @Override
    public Map<String, Links.Ref> resolveLinks(String markdown) throws IOException {
        var keys = Link.locateAll(markdown).stream().map(l -> l.link().key()).distinct().toList();
        var resolved = resolveKeys(keys);
        var out = new LinkedHashMap<String, Links.Ref>();
        for (var at : Link.locateAll(markdown)) {
            var ref = resolved.get(at.link().key());
            if (ref != null) {
                // What a link points at, by title: its tags are not part of that answer, as on the embedded engine.
                out.putIfAbsent(at.link().target(), new Links.Ref(ref.id(), ref.title(), ref.type(), List.of()));
            }
        }
        return out;
    }

    @Override
    public List<Links.Ref> suggestLinks(String typed, int limit) throws IOException {
        var query = RemoteSearch.linkSuggestions(typed);
        if (query == null) {
            return List.of();
        }
        var response = call(() -> client.search(s -> page(s.index(alias).query(dsl.of(query)).size(limit))
                .source(src -> src.filter(f -> f.includes(REF_FIELDS))), Map.class));
        return response.hits().hits().stream().map(h -> ref(source(h))).toList();
    }

    @Override
    public List<Links.Mention> unlinkedMentions(String noteId, int limit) throws IOException {
        var found = fetch(noteId, List.of(Fields.ID, Fields.TITLE, Fields.TAG, Fields.LINKS));
        if (found.isEmpty()) {
            return List.of();
        }
        var note = found.get();
        var linked = targets(list(note, Fields.LINKS)).stream().map(SearchResponse.NoteRef::id).toList();
        var queries = RemoteSearch.mentions(noteId, str(note, Fields.TITLE), list(note, Fields.TAG), linked);
        var response = call(() -> client.search(s -> page(s.index(alias).query(dsl.of(queries[0])).size(limit))
                .source(src -> src.filter(f -> f.includes(Fields.ID, Fields.TITLE, Fields.TYPE, Fields.TAG, Fields.BODY))),
                Map.class));
        var sources = response.hits().hits().stream().map(OpenSearchEngine::source).toList();
        var snippets = RemoteSearch.indexSnippets(sources.stream()
                .map(src -> new RemoteSearch.Text(str(src, Fields.ID), list(src, Fields.BODY))).toList(), queries[1], 1);
        var out = new ArrayList<Links.Mention>();
        for (int i = 0; i < sources.size(); i++) {
            var r = ref(sources.get(i));
            out.add(new Links.Mention(r.id(), r.title(), r.type(), snippets.get(i)));
        }
        return out;
    }

    @Override
    public Map<String, Links.Ref> refs(Collection<String> ids) throws IOException {
        var out = new LinkedHashMap<String, Links.Ref>();
        if (ids.isEmpty()) {
            return out;
        }
        for (var src : docs(RemoteSearch.docsOnly(KeywordField.newSetQuery(Fields.ID, bytes(ids))),
                List.of(Fields.ID, Fields.TITLE, Fields.TYPE, Fields.TAG), ids.size())) {
            out.put(str(src, Fields.ID), new Links.Ref(str(src, Fields.ID), str(src, Fields.TITLE), str(src, Fields.TYPE),
                    list(src, Fields.TAG)));
        }
        return out;
    }

    @Override
    public Links.Graph graph(String tag) throws IOException {
        var notes = new BooleanQuery.Builder().add(new TermQuery(new Term(Fields.TYPE, "note")), Occur.FILTER);
        if (tag != null && !tag.isBlank()) {
            notes.add(new TermQuery(new Term(Fields.TAG, tag.strip().toLowerCase(java.util.Locale.ROOT))), Occur.FILTER);
        }
        var found = docs(RemoteSearch.docsOnly(notes.build()),
                List.of(Fields.ID, Fields.TITLE, Fields.TYPE, Fields.TAG, Fields.LINKS), MAX_GRAPH_NOTES);
        var keys = new LinkedHashSet<String>();
        found.forEach(src -> keys.addAll(list(src, Fields.LINKS)));
        var resolved = resolveKeys(keys);
        var nodes = new LinkedHashMap<String, Links.Ref>();
        var edges = new ArrayList<Links.Edge>();
        for (var src : found) {
            var note = ref(src);
            nodes.put(note.id(), note);
            for (String key : list(src, Fields.LINKS)) {
                var target = resolved.get(key);
                if (target != null && !target.id().equals(note.id())) {
                    nodes.putIfAbsent(target.id(), target);
                    var edge = new Links.Edge(note.id(), target.id());
                    if (!edges.contains(edge)) {
                        edges.add(edge);
                    }
                }
            }
        }
        return new Links.Graph(List.copyOf(nodes.values()), edges);
    }

    @Override
    public Closeness closeness(String query, List<String> ids, int k) throws IOException {
        if (meaning == null) {
            return new Closeness(Map.of(), List.of());
        }
        float[] vector = RemoteSearch.embed(meaning, query);
        var byId = new LinkedHashMap<String, Float>();
        if (!ids.isEmpty()) {
            // Each document's closest passage: the nearest search limited to those documents finds every one of them.
            var those = RemoteSearch.docsOnly(KeywordField.newSetQuery(Fields.ID, bytes(ids)));
            var found = new HashMap<String, Float>();
            for (var hit : nearestHits(vector, those, ids.size())) {
                found.put(hit.getKey(), hit.getValue());
            }
            // As embedded: every indexed document of ids, NaN for one without vectors.
            var indexed = members(RemoteSearch.docsOnly(new org.apache.lucene.search.MatchAllDocsQuery()), ids);
            ids.stream().filter(indexed::contains).forEach(id -> byId.put(id, found.getOrDefault(id, Float.NaN)));
        }
        var nearest = new ArrayList<String>();
        for (var hit : nearestHits(vector, null, k)) {
            nearest.add(hit.getKey());
            byId.putIfAbsent(hit.getKey(), hit.getValue());
        }
        return new Closeness(byId, nearest);
    }

    // The k documents with the passages closest to vector (among those matching filter, if any), with the cosines.
    private List<Map.Entry<String, Float>> nearestHits(float[] vector, org.apache.lucene.search.Query filter, int k)
            throws IOException {
        if (k <= 0) {
            return List.of();
        }
        var response = call(() -> client.search(s -> s.index(alias).query(dsl.nearest(vector, filter, k)).size(k)
                .source(src -> src.fetch(false)).docvalueFields(f -> f.field(Fields.ID)), Void.class));
        return response.hits().hits().stream()
                .map(h -> Map.entry(firstValue(h.fields().get(Fields.ID)), RemoteSearch.cosine(h.score().floatValue())))
                .toList();
    }


    // ---- writing

    @Override
    public long write(Document document, String version, FileStamp stamp) throws IOException {
        var vectors = embeddings == null ? List.<float[]>of() : embeddings.vectorsFor(document);
        run(() -> writer.write(List.of(Indexer.block(document, vectors, version, stamp, false)), false));
        return written.incrementAndGet();
    }

    @Override
    public void restamp(String id, FileStamp stamp) throws IOException {
        run(() -> writer.restamp(id, stamp));
    }

    @Override
    public long delete(String id) throws IOException {
        run(() -> writer.delete(List.of(id), false));
        return written.incrementAndGet();
    }

    @Override
    public void flush() throws IOException {
        long upTo = written.get();
        run(writer::refresh);
        refreshed = Math.max(refreshed, upTo);
    }

    @Override
    public void awaitVisible(long generation) throws IOException {
        if (generation > refreshed) {
            flush();
        }
    }

    @Override
    public <T> void rebuild(List<T> items, Loader<T> loader, Progress progress) throws IOException {
        try {
            rebuildOnCluster(items, loader, progress);
        } catch (EngineUnavailableException e) {
            throw e;
        } catch (IOException e) {
            String why = unanswered(e);
            if (why == null) {
                throw e; // the cluster refused something, or a file could not be read: the message says which
            }
            throw new EngineUnavailableException("The rebuild on the OpenSearch cluster at " + connection.address()
                    + " stopped: the cluster does not answer (" + why + "). Run ./painsearch reindex again once it "
                    + "answers.", e);
        }
    }

    private <T> void rebuildOnCluster(List<T> items, Loader<T> loader, Progress progress) throws IOException {
        progress.stage("indexing", items.size());
        AliasRebuild.rebuild(client, alias, definition, into -> {
            // Progress counts documents written (with their vectors when ranking by meaning, the slow part).
            var entries = new ArrayList<Entry>();
            int read = 0;
            int stored = 0;
            for (T item : items) {
                Entry entry = loader.load(item);
                read++;
                if (entry != null) {
                    entries.add(entry);
                }
                if (entries.size() == BATCH || read == items.size()) {
                    int before = stored;
                    into.write(blocks(entries, embedded -> progress.step(before + embedded)), false);
                    stored = read;
                    progress.step(stored);
                    entries.clear();
                }
            }
        });
        refreshed = written.incrementAndGet();
    }

    // The entries' blocks, with the passage vectors of every one when ranking by meaning (the cache first, the model
    // for the rest, a batch at a time): on this backend a document is written once, words and vectors together.
    private List<List<org.apache.lucene.document.Document>> blocks(List<Entry> entries,
                                                                    java.util.function.IntConsumer embedded)
            throws IOException {
        var vectors = embeddings == null ? Map.<String, List<float[]>>of()
                : embeddings.vectorsFor(entries.stream().map(Entry::document).toList(), embedded);
        var out = new ArrayList<List<org.apache.lucene.document.Document>>();
        for (var e : entries) {
            out.add(Indexer.block(e.document(), vectors.getOrDefault(e.document().id(), List.of()), e.version(),
                    e.stamp(), false));
        }
        return out;
    }

    @Override
    public CompletableFuture<Void> vectorsDone() {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public Backlog vectorBacklog() {
        return new Backlog(0, 0);
    }

    @Override
    public int resumeVectors() {
        return 0;
    }

    @Override
    public Map<String, String> contentVersions() throws IOException {
        return call(writer::contentVersions);
    }

    @Override
    public Map<String, IndexedFile> indexedFiles() throws IOException {
        return call(writer::indexedFiles);
    }

    @Override
    public int documentCount() throws IOException {
        return (int) count(RemoteSearch.docsOnly(new org.apache.lucene.search.MatchAllDocsQuery()));
    }

    @Override
    public boolean hasVectors() throws IOException {
        long now = System.nanoTime();
        if (vectorsCheckedWrites != written.get() || now - vectorsCheckedAt > SUGGESTER_AGE.toNanos()) {
            long writes = written.get();
            var withPassages = Query.of(q -> q.nested(n -> n.path(IndexDefinition.PASSAGES)
                    .query(e -> e.exists(x -> x.field(IndexDefinition.PASSAGE_VECTOR)))));
            vectorsPresent = call(() -> client.count(c -> c.index(alias).query(withPassages))).count() > 0;
            vectorsCheckedWrites = writes;
            vectorsCheckedAt = now;
        }
        return vectorsPresent;
    }

    @Override
    public boolean vectorsPending() {
        return false;
    }

    @Override
    public RankingMode defaultMode() {
        return defaultMode;
    }

    @Override
    public CompletableFuture<Void> warmUp(Duration pause) {
        return embeddings == null ? CompletableFuture.completedFuture(null) : embeddings.loadInBackground(pause);
    }

    @Override
    public Status status() throws IOException {
        return new Status("opensearch", null, mappingIsCurrent(), synonyms.problem());
    }

    private boolean mappingIsCurrent() throws IOException {
        var indices = call(() -> AliasRebuild.current(client, alias));
        if (indices.isEmpty()) {
            return true; // nothing built yet: the first rebuild makes it current
        }
        var mapping = call(() -> client.indices().getMapping(m -> m.index(alias)));
        return mapping.result().values().stream().allMatch(m -> m.mappings().meta() != null
                && m.mappings().meta().get(IndexDefinition.META_VERSION) != null
                && IndexDefinition.MAPPING_VERSION.equals(m.mappings().meta().get(IndexDefinition.META_VERSION).to(String.class)));
    }

    /** The alias searched and written. */
    public String alias() {
        return alias;
    }

    @Override
    public void close() throws IOException {
        try {
            synchronized (this) {
                if (suggester != null) {
                    suggester.close();
                }
            }
        } finally {
            try {
                connection.close();
            } finally {
                if (embeddings != null) {
                    embeddings.close();
                }
            }
        }
    }

    // ---- reading the cluster's answers

    private Optional<Map<String, Object>> fetch(String id, List<String> fields) throws IOException {
        var query = RemoteSearch.docsOnly(new TermQuery(new Term(Fields.ID, id)));
        var response = call(() -> client.search(s -> {
            s.index(alias).query(dsl.of(query)).size(1);
            if (fields != null) {
                s.source(src -> src.filter(f -> f.includes(fields)));
            }
            return s;
        }, Map.class));
        return response.hits().hits().stream().findFirst().map(OpenSearchEngine::source);
    }

    private List<Map<String, Object>> docs(org.apache.lucene.search.Query query, List<String> fields, int max)
            throws IOException {
        Query q = dsl.of(query);
        var response = call(() -> client.search(s -> s.index(alias).query(q).size(Math.min(max, 10_000))
                .source(src -> src.filter(f -> f.includes(fields)))
                .sort(SortOptions.of(o -> o.field(f -> f.field(Fields.ID).order(SortOrder.Asc)))), Map.class));
        return response.hits().hits().stream().map(OpenSearchEngine::source).toList();
    }

    // Every document matching the query, in id order, a page at a time.
    private void scan(org.apache.lucene.search.Query query, List<String> fields,
                      java.util.function.Consumer<Map<String, Object>> each) throws IOException {
        Query q = dsl.of(query);
        List<FieldValue> after = null;
        while (true) {
            final List<FieldValue> from = after;
            var response = call(() -> client.search(s -> {
                s.index(alias).query(q).size(SCAN_PAGE).source(src -> src.filter(f -> f.includes(fields)))
                        .sort(SortOptions.of(o -> o.field(f -> f.field(Fields.ID).order(SortOrder.Asc))));
                if (from != null) {
                    s.searchAfter(from);
                }
                return s;
            }, Map.class));
            var hits = response.hits().hits();
            hits.forEach(h -> each.accept(source(h)));
            if (hits.size() < SCAN_PAGE) {
                return;
            }
            after = hits.get(hits.size() - 1).sort();
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> source(Hit<Map> hit) {
        return hit.source() == null ? Map.of() : (Map<String, Object>) hit.source();
    }

    private static Links.Ref ref(Map<String, Object> src) {
        return new Links.Ref(str(src, Fields.ID), str(src, Fields.TITLE), str(src, Fields.TYPE), list(src, Fields.TAG));
    }

    // Best first; equal scores in id order, as the embedded engine breaks ties.
    private static Builder page(Builder s) {
        return s.sort(SortOptions.of(o -> o.score(sc -> sc.order(SortOrder.Desc))))
                .sort(SortOptions.of(o -> o.field(f -> f.field(Fields.ID).order(SortOrder.Asc)))).trackScores(true);
    }

    private static String str(Map<String, Object> src, String field) {
        Object v = src.get(field);
        if (v instanceof List<?> l) {
            return l.isEmpty() ? null : String.valueOf(l.get(0));
        }
        return v == null ? null : String.valueOf(v);
    }

    private static List<String> list(Map<String, Object> src, String field) {
        Object v = src.get(field);
        if (v == null) {
            return List.of();
        }
        if (v instanceof List<?> l) {
            return l.stream().map(String::valueOf).toList();
        }
        return List.of(String.valueOf(v));
    }

    private static List<String> keysOf(Map<String, Object> src) {
        return Link.keysOf(str(src, Fields.ID), str(src, Fields.DOI), str(src, Fields.URL));
    }

    private static List<BytesRef> bytes(Collection<String> values) {
        return values.stream().map(BytesRef::new).toList();
    }

    private static String firstValue(org.opensearch.client.json.JsonData values) {
        if (values == null) {
            return "";
        }
        var list = values.toJson().asJsonArray();
        return list.isEmpty() ? "" : list.getString(0);
    }

    // The answer of a request sent in parallel, with its failure as it would have been thrown.
    private static <T> T answerOf(java.util.concurrent.Future<T> asked) throws IOException {
        try {
            return asked.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("stopped while waiting for the cluster");
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IOException(e.getCause());
        }
    }

    @FunctionalInterface
    private interface Call<T> {
        T run() throws IOException;
    }

    @FunctionalInterface
    private interface Step {
        void run() throws IOException;
    }

    // A write with no answer to return, its failures mapped as call's are.
    private void run(Step step) throws IOException {
        call(() -> {
            step.run();
            return null;
        });
    }

    // The cluster's refusals as IOExceptions saying what it answered; a cluster that does not answer (or answers that
    // it cannot serve now) as EngineUnavailableException.
    private <T> T call(Call<T> call) throws IOException {
        try {
            return call.run();
        } catch (OpenSearchException e) {
            if (e.status() == 503) {
                throw new EngineUnavailableException("The OpenSearch cluster at " + connection.address()
                        + " cannot serve the index '" + alias + "' right now (" + e.getMessage() + "). painsearch "
                        + "answers again as soon as the cluster does.", e);
            }
            throw new IOException("OpenSearch at " + connection.address() + " refused a request on " + alias + ": "
                    + e.getMessage(), e);
        } catch (EngineUnavailableException e) {
            throw e;
        } catch (IOException e) {
            throw unavailable(e);
        }
    }

    // A request the cluster never answered: refused, timed out, cut off.
    private EngineUnavailableException unavailable(IOException e) {
        String why = unanswered(e);
        return new EngineUnavailableException("The OpenSearch cluster at " + connection.address() + " does not answer ("
                + (why == null ? "no answer" : why) + "). painsearch answers again as soon as the cluster does.", e);
    }

    // Why the transport got no answer, in a person's words; null when e is not about the transport.
    private static String unanswered(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.ConnectException) {
                return "connection refused";
            }
            if (t instanceof java.net.SocketTimeoutException || t instanceof java.util.concurrent.TimeoutException) {
                return "no answer in time";
            }
            if (t instanceof java.net.UnknownHostException) {
                return "unknown host";
            }
            if (t instanceof org.apache.hc.core5.http.ConnectionClosedException
                    || t instanceof org.apache.hc.core5.http.NoHttpResponseException) {
                return "the connection closed without an answer";
            }
            if (t instanceof java.net.SocketException) {
                return "the connection was cut off: " + t.getMessage();
            }
        }
        return null;
    }

}
