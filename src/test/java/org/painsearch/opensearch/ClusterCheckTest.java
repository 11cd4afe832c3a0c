package org.painsearch.opensearch;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opensearch.client.json.JsonData;
import tools.jackson.databind.node.ObjectNode;

/** The connection check against the real test node, and against what a person may point painsearch at by mistake. */
@OpenSearchTest
class ClusterCheckTest {
    private static final String INDEX = "check-painsearch";
    private OpenSearchCluster cluster;

    @AfterEach
    void deleteIndex() throws Exception {
        if (cluster != null) {
            cluster.client().indices().delete(d -> d.index(INDEX).ignoreUnavailable(true));
        }
    }

    @Test
    void aHealthyClusterWithoutTheIndexIsReadyAndSaysTheIndexWillBeCreated(OpenSearchCluster shared) {
        cluster = shared;
        var status = ClusterCheck.check(shared.connection(), INDEX);
        assertThat(status).isInstanceOfSatisfying(ClusterStatus.Ready.class, ready -> {
            assertThat(ready.version()).startsWith("3.");
            assertThat(ready.indexExists()).isFalse();
        });
        assertThat(status.usable()).isTrue();
        assertThat(status.message()).contains("OpenSearch 3.", "green", "'" + INDEX + "'", "will be created");
    }

    @Test
    void anIndexMadeFromTheDefinitionIsReady(OpenSearchCluster shared) throws Exception {
        cluster = shared;
        shared.client().indices().create(definition().createRequest(INDEX));
        var status = ClusterCheck.check(shared.connection(), INDEX);
        assertThat(status).isInstanceOfSatisfying(ClusterStatus.Ready.class, ready -> assertThat(ready.indexExists()).isTrue());
        assertThat(status.message()).contains("is ready");
    }

    @Test
    void anIndexOfAnotherMappingVersionMustBeRebuilt(OpenSearchCluster shared) throws Exception {
        cluster = shared;
        var older = definition().mappings().toBuilder()
                .meta(Map.of(IndexDefinition.META_VERSION, JsonData.of("5.1"))).build();
        shared.client().indices().create(c -> c.index(INDEX).settings(definition().settings()).mappings(older));
        var status = ClusterCheck.check(shared.connection(), INDEX);
        assertThat(status).isEqualTo(new ClusterStatus.MappingMismatch(shared.connection().address(), INDEX, "5.1",
                IndexDefinition.MAPPING_VERSION));
        assertThat(status.usable()).isFalse();
        assertThat(status.message()).contains("5.1", IndexDefinition.MAPPING_VERSION, "./painsearch reindex");
    }

    @Test
    void anIndexNotMadeByPainsearchIsNamedAsSuch(OpenSearchCluster shared) throws Exception {
        cluster = shared;
        shared.client().indices().create(c -> c.index(INDEX));
        var status = ClusterCheck.check(shared.connection(), INDEX);
        assertThat(status).isInstanceOfSatisfying(ClusterStatus.MappingMismatch.class, m -> assertThat(m.found()).isNull());
        assertThat(status.message()).contains("was not made by painsearch", "Choose another index name");
    }

    @Test
    void anIndexWhosePrimaryCannotBeAllocatedIsRed(OpenSearchCluster shared) throws Exception {
        cluster = shared;
        // Its only shard may live on a node that does not exist, so it never starts: red at once.
        shared.client().indices().create(c -> c.index(INDEX).waitForActiveShards(w -> w.count(0))
                .settings(s -> s.numberOfShards(1).numberOfReplicas(0).customSettings(
                        "index.routing.allocation.require._name", JsonData.of("no-such-node"))));
        var status = ClusterCheck.check(shared.connection(), INDEX);
        assertThat(status).isEqualTo(new ClusterStatus.Red(shared.connection().address(), "index '" + INDEX + "'"));
        assertThat(status.message()).contains("is red", "Bring the missing nodes back");
    }

    @Test
    void anotherMajorVersionIsRefused(OpenSearchCluster shared) throws Exception {
        cluster = shared;
        try (var proxy = new AlteringProxy(shared.connection().address(),
                Map.of("/", root -> root.set("version", ((ObjectNode) root.get("version")).put("number", "2.19.1"))));
                var connection = Connection.open(proxy.address())) {
            var status = ClusterCheck.check(connection, INDEX);
            assertThat(status).isEqualTo(new ClusterStatus.WrongVersion(proxy.address(), "2.19.1"));
            assertThat(status.message()).contains("runs OpenSearch 2.19.1", "needs OpenSearch 3.x");
        }
    }

    @Test
    void aNodeWithoutKnnIsNamed(OpenSearchCluster shared) throws Exception {
        cluster = shared;
        try (var proxy = new AlteringProxy(shared.connection().address(), Map.of("/_nodes/plugins", ClusterCheckTest::dropKnn));
                var connection = Connection.open(proxy.address())) {
            var status = ClusterCheck.check(connection, INDEX);
            String node = shared.nodes().getFirst().name();
            assertThat(status).isEqualTo(new ClusterStatus.KnnMissing(proxy.address(), java.util.List.of(node)));
            assertThat(status.message()).contains("opensearch-knn", "missing on node " + node,
                    "bin/opensearch-plugin install opensearch-knn");
        }
    }

    @Test
    void aClosedPortIsUnreachable() throws Exception {
        int port;
        try (var socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        var address = ClusterAddress.parse("http://127.0.0.1:" + port);
        try (var connection = Connection.open(address)) {
            var status = ClusterCheck.check(connection, INDEX);
            assertThat(status).isEqualTo(new ClusterStatus.Unreachable(address, "connection refused"));
            assertThat(status.message()).isEqualTo("Nothing answers at http://127.0.0.1:" + port
                    + " (connection refused). Start the OpenSearch cluster, or give its address with --opensearch-url.");
        }
    }

    @Test
    void aServerThatIsNotOpenSearchIsToldApart() throws Exception {
        var server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            byte[] page = "<html><body>painsearch</body></html>".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html");
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        server.start();
        var address = new ClusterAddress("http", "127.0.0.1", server.getAddress().getPort(), "");
        try (var connection = Connection.open(address)) {
            var status = ClusterCheck.check(connection, INDEX);
            assertThat(status).isInstanceOf(ClusterStatus.NotOpenSearch.class);
            assertThat(status.message()).startsWith(address + " answers, but not as OpenSearch")
                    .contains("--opensearch-url").doesNotContain("Exception", "java.", "org.");
        } finally {
            server.stop(0);
        }
    }

    private static IndexDefinition definition() {
        return IndexDefinition.of(1, 0, 8);
    }

    private static ObjectNode dropKnn(ObjectNode answer) {
        for (var node : answer.get("nodes")) {
            var plugins = (tools.jackson.databind.node.ArrayNode) node.get("plugins");
            for (int i = plugins.size() - 1; i >= 0; i--) {
                if (ClusterCheck.KNN_PLUGIN.equals(plugins.get(i).get("name").asString())) {
                    plugins.remove(i);
                }
            }
        }
        return answer;
    }
}
