package org.painsearch.opensearch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opensearch.client.opensearch._types.HealthStatus;
import org.opensearch.client.opensearch._types.Refresh;
import org.opensearch.client.opensearch.core.SearchResponse;

/** The node fixture itself: one node as the right user on loopback, a second node added, killed and restarted. */
@OpenSearchTest
class OpenSearchClusterTest {
    private static final String INDEX = "fixture-kill-test";

    @Test
    void oneNodeRunsOnLoopbackAsANonRootUserWithKnn(OpenSearchCluster cluster) throws Exception {
        var node = cluster.nodes().getFirst();
        var info = cluster.client().info();
        assertThat(info.version().number()).isEqualTo(System.getProperty("painsearch.opensearch.version", "3.5.0"));
        assertThat(cluster.awaitHealth(HealthStatus.Green).numberOfNodes()).isEqualTo(1);
        assertThat(node.address().host()).isEqualTo("127.0.0.1");
        assertThat(uidOf(node.pid())).isNotEqualTo("0");
        var plugins = cluster.client().cat().plugins().valueBody();
        assertThat(plugins).extracting(p -> p.component()).contains(ClusterCheck.KNN_PLUGIN);
    }

    @Test
    void aSecondNodeCanBeKilledAndRestartedWithoutLosingAnything(OpenSearchCluster cluster) throws Exception {
        var client = cluster.client();
        var second = cluster.addNode();
        try {
            client.indices().create(c -> c.index(INDEX).settings(s -> s.numberOfShards(2).numberOfReplicas(1)));
            for (int i = 0; i < 20; i++) {
                String id = "doc-" + i;
                client.index(r -> r.index(INDEX).id(id).document(Map.of("n", id)).refresh(Refresh.WaitFor));
            }
            cluster.awaitHealth(HealthStatus.Green);

            cluster.kill(second);
            assertThat(second.running()).isFalse();
            // Every shard still has a copy on the first node, so every document still answers.
            assertThat(count(cluster)).isEqualTo(20);

            cluster.restart(second);
            cluster.awaitHealth(HealthStatus.Green);
            assertThat(count(cluster)).isEqualTo(20);
            assertThat(client.cluster().health().numberOfNodes()).isEqualTo(2);
        } finally {
            client.indices().delete(d -> d.index(INDEX).ignoreUnavailable(true));
            cluster.remove(second);
        }
        assertThat(client.cluster().health().numberOfNodes()).isEqualTo(1);
        assertThat(second.running()).isFalse();
        // SIGTERM let the node shut down in order, as it will at the end of the run.
        assertThat(second.consoleTail()).contains("[" + second.name() + "] closed");
    }

    private static long count(OpenSearchCluster cluster) throws Exception {
        SearchResponse<Object> response = cluster.client().search(s -> s.index(INDEX).size(0)
                .trackTotalHits(t -> t.enabled(true)), Object.class);
        assertThat(response.shards().failed()).isZero();
        return response.hits().total().value();
    }

    private static String uidOf(long pid) throws Exception {
        return Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream()
                .filter(l -> l.startsWith("Uid:")).findFirst().orElseThrow().split("\\s+")[1];
    }
}
