package org.painsearch.opensearch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.painsearch.Repository;
import org.painsearch.app.Library;
import org.painsearch.engine.Engine;
import org.painsearch.engine.EngineConfig;
import org.painsearch.engine.RankingMode;
import org.painsearch.engine.SearchRequest;
import org.painsearch.engine.SearchResponse;
import org.painsearch.engine.SortOrder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The bundled corpus in both backends, each opened as serve opens it and rebuilt from the same files: every search
 * of a varied set (phrases, exclusions, questions, wildcards, filters, links, dates, paging, a misspelling, podcast
 * moments) answers the same on OpenSearch as on the embedded index, hit for hit, with the same totals, facets,
 * snippets, moments, citing notes, notices and corrections, scores within 0.01%; and so do document views, marks,
 * suggestions, link completion, unlinked mentions and the graph; related documents nearly always.
 * <p>With the corpus's synonyms, the same documents match and the same facets count them; their scores may differ
 * where a query word has equivalent words (see {@link QueryDsl}); that case is compared by its sets of hits.
 */
@OpenSearchTest
@Tag(Repository.TAG)
class BackendParityTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> QUERIES = List.of("massage", "pain", "crps", "central sensitization",
            "\"gate control\"", "mindfulness -opioid", "what helps fibromyalgia patients sleep better?",
            "does massage increase endorphins or is that a myth", "slow stroking touch", "placebo naloxone", "tens", "TENS",
            "breathing", "type:note pain", "cited:yes touch", "linked:central-sensitization", "tag:chronic-pain stress",
            "year:2015..2020 massage", "qwzx blorptangle", "massag*", "endorphin~1", "title:pain", "+touch -massage",
            "oxytocin hand holding", "wind-up temporal summation", "sleep deprivation pain", "is:bookmarked",
            "pian scinece", "(massage OR touch) AND anxiety", "\"pain science\" education");

    @TempDir
    static Path dir;
    private static OpenSearchCluster cluster;
    private static final List<Library> libraries = new ArrayList<>();
    private static EngineConfig[] configs;

    @BeforeAll
    static void buildBoth(OpenSearchCluster shared) throws Exception {
        cluster = shared;
        Path corpus = Repository.bundledCorpus(dir.resolve("corpus-copy"));
        Path noSynonyms = Files.writeString(dir.resolve("no-synonyms.txt"), "");
        var lucene = EngineConfig.of(dir.resolve("index"), corpus, RankingMode.BM25);
        var openSearch = new EngineConfig(EngineConfig.Backend.OPENSEARCH, dir.resolve("unused"), corpus,
                RankingMode.BM25, null, null, null, false,
                new EngineConfig.Cluster(cluster.connection().address().toString(), "parity-backends"));
        var plainLucene = EngineConfig.of(dir.resolve("index-plain"), corpus, RankingMode.BM25).withSynonyms(noSynonyms);
        configs = new EngineConfig[] {lucene, openSearch, plainLucene, openSearch.withSynonyms(noSynonyms)};
        for (var config : configs) {
            libraries.add(Library.open(config, Clock.systemUTC(), message -> { }));
        }
        // The two OpenSearch libraries share the alias: one rebuild fills it.
        for (int i : new int[] {0, 1, 2}) {
            assertThat(libraries.get(i).rebuild(Library.Progress.NONE).problems()).isEmpty();
        }
    }

    @AfterAll
    static void cleanUp() throws IOException {
        for (var library : libraries) {
            library.close();
        }
        libraries.clear(); // the class runs again in the same JVM (RepositoryIsolationTest)
        if (configs != null) {
            OpenSearchBackend.drop(configs[1]);
        }
    }

    private static Engine engine(int i) {
        return libraries.get(i).engine();
    }

    @Test
    void everySearchAnswersTheSameWithoutSynonyms() throws IOException {
        for (String query : QUERIES) {
            for (var request : requests(query)) {
                var embedded = comparable(engine(2).search(request));
                var cluster = comparable(engine(3).search(request));
                assertThat(difference("", embedded, cluster)).as(query + " " + request).isNull();
            }
        }
    }

    @Test
    void withSynonymsTheSameDocumentsMatchAndAreCounted() throws IOException {
        for (String query : QUERIES) {
            var request = new SearchRequest(query, List.of(), SortOrder.RELEVANCE, 1, 100, RankingMode.BM25, false);
            var embedded = engine(0).search(request);
            var cluster = engine(1).search(request);
            assertThat(cluster.total()).as(query).isEqualTo(embedded.total());
            assertThat(cluster.facets()).as(query).isEqualTo(embedded.facets());
            assertThat(cluster.hits()).extracting(SearchResponse.Hit::id).as(query)
                    .containsExactlyInAnyOrderElementsOf(embedded.hits().stream().map(SearchResponse.Hit::id).toList());
            assertThat(cluster.details()).as(query).isEqualTo(embedded.details());
        }
    }

    @Test
    void rankingsForEvaluationAreTheSame() throws IOException {
        for (String query : QUERIES) {
            var request = new SearchRequest(query, List.of(), SortOrder.RELEVANCE, 1, 50, RankingMode.BM25, false);
            var embedded = engine(2).rank(request);
            var cluster = engine(3).rank(request);
            assertThat(cluster).extracting(r -> r.id()).as(query).containsExactlyElementsOf(embedded.stream().map(r -> r.id()).toList());
        }
    }

    /**
     * Related documents come from each engine's MoreLikeThis, which picks a document's 25 most telling words; where
     * words tie for the last places the two pick differently. On the bundled corpus 66 of 72 documents get the
     * same five related documents in the same order, and the others differ in one or two (measured).
     */
    @Test
    void relatedDocumentsAreTheSameForNearlyEveryDocument() throws IOException {
        var ids = engine(0).contentVersions().keySet();
        int same = 0;
        for (String id : ids) {
            var embedded = engine(0).related(id, 5).stream().map(r -> r.id()).toList();
            var cluster = engine(1).related(id, 5).stream().map(r -> r.id()).toList();
            assertThat(cluster).as(id).hasSameSizeAs(embedded);
            assertThat(cluster.stream().filter(embedded::contains).count()).as(id).isGreaterThanOrEqualTo(3);
            same += cluster.equals(embedded) ? 1 : 0;
        }
        assertThat(same).as("documents with the very same related documents").isGreaterThanOrEqualTo(ids.size() * 9 / 10);
    }

    @Test
    void documentsMarksAndLinksAreTheSame() throws IOException {
        var ids = engine(0).contentVersions().keySet();
        assertThat(ids).hasSizeGreaterThan(20);
        assertThat(engine(1).contentVersions()).isEqualTo(engine(0).contentVersions());
        // A file's stamp is recorded only once it has settled (a few seconds after it was written), so the rebuild
        // that ran first may have recorded none: versions must agree, stamps wherever both engines recorded one.
        var embeddedFiles = engine(0).indexedFiles();
        engine(1).indexedFiles().forEach((id, file) -> {
            var other = embeddedFiles.get(id);
            assertThat(file.version()).as(id).isEqualTo(other.version());
            if (file.stamp() != null && other.stamp() != null) {
                assertThat(file.stamp()).as(id).isEqualTo(other.stamp());
            }
        });
        assertThat(engine(1).indexedFiles()).containsOnlyKeys(embeddedFiles.keySet());
        assertThat(engine(1).documentCount()).isEqualTo(engine(0).documentCount());
        for (String id : ids) {
            same(e -> e.document(id), id);
            same(e -> e.marks(id, "pain massage touch sleep"), "marks " + id);
            same(e -> e.unlinkedMentions(id, 5), "mentions " + id);
        }
        same(e -> e.graph(null), "graph");
        same(e -> e.graph("clients"), "graph clients");
        same(e -> e.refs(List.copyOf(ids)), "refs");
        same(e -> e.resolveLinks("see [[central-sensitization]] and [[nowhere]]"), "resolve");
        for (String typed : List.of("pa", "mass", "central sens", "oxyt", "gate", "sleep")) {
            same(e -> e.suggest(typed, 8), "suggest " + typed);
            same(e -> e.suggestLinks(typed, 8), "link " + typed);
        }
    }

    private interface Ask<T> {
        T ask(Engine engine) throws IOException;
    }

    private static <T> void same(Ask<T> ask, String what) throws IOException {
        var embedded = ask.ask(engine(0));
        var cluster = ask.ask(engine(1));
        assertThat(difference("", JSON.valueToTree(embedded), JSON.valueToTree(cluster))).as(what).isNull();
    }

    // Where two answers first differ, and how, or null when they are the same: a short failure message.
    private static String difference(String path, JsonNode expected, JsonNode actual) {
        if (expected.equals(actual)) {
            return null;
        }
        if (expected.isContainer() && actual.isContainer() && expected.size() == actual.size()) {
            if (expected.isArray()) {
                for (int i = 0; i < expected.size(); i++) {
                    String d = difference(path + "[" + i + "]", expected.get(i), actual.get(i));
                    if (d != null) {
                        return d;
                    }
                }
            } else {
                for (String name : expected.propertyNames()) {
                    if (actual.get(name) == null) {
                        return path + "." + name + " missing";
                    }
                    String d = difference(path + "." + name, expected.get(name), actual.get(name));
                    if (d != null) {
                        return d;
                    }
                }
            }
        }
        return path + ": embedded " + expected + ", OpenSearch " + actual;
    }

    private static List<SearchRequest> requests(String query) {
        return List.of(
                new SearchRequest(query, List.of(), SortOrder.RELEVANCE, 1, 10, RankingMode.BM25, true),
                new SearchRequest(query, List.of(), SortOrder.RELEVANCE, 2, 5, RankingMode.BM25, false),
                new SearchRequest(query, List.of(), SortOrder.DATE, 1, 10, RankingMode.BM25, false),
                new SearchRequest(query, List.of("article"), List.of(), List.of(), "2010..2030", SortOrder.RELEVANCE, 1, 10,
                        RankingMode.BM25, false));
    }

    // The answer without its time, scores to five digits (0.01% is the engines' rounding apart).
    private static JsonNode comparable(SearchResponse r) {
        ObjectNode tree = JSON.valueToTree(r);
        tree.remove("tookMs");
        for (int i = 0; i < r.hits().size(); i++) {
            var hit = (ObjectNode) tree.get("hits").get(i);
            hit.put("score", String.format(java.util.Locale.ROOT, "%.4g", r.hits().get(i).score()));
            // Why it matched: the words' score and each term's share, to four digits too.
            if (hit.get("explanation") instanceof ObjectNode explanation) {
                explanation.put("bm25", String.format(java.util.Locale.ROOT, "%.4g", explanation.get("bm25").asDouble()));
                for (var match : explanation.get("matches")) {
                    ((ObjectNode) match).put("weight", String.format(java.util.Locale.ROOT, "%.4g",
                            match.get("weight").asDouble()));
                }
            }
        }
        return tree;
    }
}
