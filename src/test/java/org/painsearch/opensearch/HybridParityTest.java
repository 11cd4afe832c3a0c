package org.painsearch.opensearch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.painsearch.Repository;
import org.painsearch.app.Library;
import org.painsearch.engine.EngineConfig;
import org.painsearch.engine.RankingMode;
import org.painsearch.engine.SearchRequest;
import org.painsearch.engine.SearchResponse;
import org.painsearch.engine.SortOrder;

/**
 * Ranking by words and meaning on both backends: the bundled corpus with passage vectors (computed by painsearch
 * from the same cache) in the embedded index and on the cluster, each opened as serve opens it. The same documents
 * are hits (found by words, by meaning above the threshold, or both), counted the same in totals and facets, in the
 * same fused order with the same scores.
 */
@OpenSearchTest
@Tag(Repository.TAG)
class HybridParityTest {
    private static final List<String> QUERIES = List.of("massage", "why does pain come back days after a massage",
            "hugging and touch release oxytocin", "central sensitization", "mindfulness -opioid",
            "type:note sleep", "tag:chronic-pain stress", "gate control theory", "qwzx blorptangle",
            "the brain changes in chronic back pain", "placebo naloxone");

    @TempDir
    static Path dir;
    private static final List<Library> libraries = new ArrayList<>();
    private static EngineConfig onCluster;

    @BeforeAll
    static void buildBoth(OpenSearchCluster cluster) throws Exception {
        Path corpus = Repository.bundledCorpus(dir.resolve("corpus-copy"));
        Path cache = dir.resolve("embedding-cache");
        var embedded = EngineConfig.of(dir.resolve("index"), corpus, RankingMode.HYBRID).withEmbeddingCache(cache);
        onCluster = new EngineConfig(EngineConfig.Backend.OPENSEARCH, dir.resolve("unused"), corpus, RankingMode.HYBRID,
                null, null, cache, false,
                new EngineConfig.Cluster(cluster.connection().address().toString(), "parity-hybrid"));
        for (var config : List.of(embedded, onCluster)) {
            var library = Library.open(config, Clock.systemUTC(), message -> { });
            libraries.add(library);
            library.engine().warmUp(Duration.ZERO).join();
            assertThat(library.rebuild(Library.Progress.NONE).problems()).isEmpty();
            library.engine().vectorsDone().join();
            assertThat(library.engine().hasVectors()).isTrue();
        }
    }

    @AfterAll
    static void cleanUp() throws IOException {
        for (var library : libraries) {
            library.close();
        }
        libraries.clear(); // the class runs again in the same JVM (RepositoryIsolationTest)
        if (onCluster != null) {
            OpenSearchBackend.drop(onCluster);
        }
    }

    @Test
    void hybridSearchesAnswerTheSame() throws IOException {
        for (String query : QUERIES) {
            for (var sort : List.of(SortOrder.RELEVANCE, SortOrder.DATE)) {
                var request = new SearchRequest(query, List.of(), sort, 1, 20, RankingMode.HYBRID, true);
                var embedded = libraries.get(0).engine().search(request);
                var cluster = libraries.get(1).engine().search(request);
                String what = query + " by " + sort;
                assertThat(cluster.mode()).as(what).isEqualTo(embedded.mode()).isEqualTo("hybrid");
                assertThat(cluster.total()).as(what).isEqualTo(embedded.total());
                assertThat(cluster.facets()).as(what).isEqualTo(embedded.facets());
                assertThat(summary(cluster)).as(what).isEqualTo(summary(embedded));
                assertThat(cluster.notice()).as(what).isEqualTo(embedded.notice());
                // How each hit's ranks were fused (words rank, meaning rank, fused score), or that it was found by
                // meaning only and how close; none in date order.
                assertThat(cluster.hits()).extracting(h -> h.explanation().fusion()).as(what)
                        .containsExactlyElementsOf(embedded.hits().stream().map(h -> h.explanation().fusion()).toList());
            }
        }
    }

    @Test
    void closenessToAQueryIsTheSame() throws IOException {
        var ids = libraries.get(0).engine().contentVersions().keySet().stream().sorted().limit(12).toList();
        for (String query : List.of("why does relief after a massage fade", "oxytocin and touch")) {
            var embedded = libraries.get(0).engine().closeness(query, ids, 10);
            var cluster = libraries.get(1).engine().closeness(query, ids, 10);
            assertThat(cluster.nearest()).as(query).containsExactlyElementsOf(embedded.nearest());
            assertThat(cluster.cosines().keySet()).as(query).isEqualTo(embedded.cosines().keySet());
            embedded.cosines().forEach((id, cosine) -> {
                if (cosine.isNaN()) {
                    assertThat(cluster.cosines().get(id)).as(query + " " + id + " has no vectors").isNaN();
                } else {
                    assertThat(cluster.cosines().get(id)).as(query + " " + id).isCloseTo(cosine,
                            org.assertj.core.data.Offset.offset(1e-4f));
                }
            });
        }
    }

    @Test
    void rankingsForEvaluationAreTheSame() throws IOException {
        for (String query : QUERIES) {
            var request = new SearchRequest(query, List.of(), SortOrder.RELEVANCE, 1, 50, RankingMode.HYBRID, false);
            var embedded = libraries.get(0).engine().rank(request).stream().map(r -> r.id()).toList();
            var cluster = libraries.get(1).engine().rank(request).stream().map(r -> r.id()).toList();
            assertThat(cluster).as(query).containsExactlyElementsOf(embedded);
        }
    }

    // Each hit as id, why it matched and its score to four digits.
    private static List<String> summary(SearchResponse response) {
        return response.hits().stream().map(h -> h.id() + " " + h.matchedBy() + " "
                + String.format(java.util.Locale.ROOT, "%.4g", h.score())).toList();
    }
}
