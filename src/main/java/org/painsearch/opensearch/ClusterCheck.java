package org.painsearch.opensearch;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import org.opensearch.client.json.JsonData;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.HealthStatus;
import org.opensearch.client.opensearch._types.OpenSearchException;
import org.opensearch.client.opensearch._types.PluginStats;
import org.opensearch.client.opensearch.nodes.info.NodesInfoMetric;
import org.opensearch.client.transport.TransportException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks a cluster, before painsearch relies on it, whether it can hold painsearch's index: it answers, it is
 * OpenSearch 3.x, every node has the k-NN plugin, its health (or the index's, when the index exists) is not red,
 * and an existing index carries this painsearch's mapping version. The first thing wrong is the answer.
 */
public final class ClusterCheck {
    /** The k-NN plugin's name as nodes list it. */
    public static final String KNN_PLUGIN = "opensearch-knn";
    private static final Logger LOG = LoggerFactory.getLogger(ClusterCheck.class);

    private ClusterCheck() {
    }

    /** Checks the cluster behind {@code connection} for the index (or alias) named {@code index}; never throws. */
    public static ClusterStatus check(Connection connection, String index) {
        var address = connection.address();
        try {
            return check(connection.client(), address, index);
        } catch (TransportException | OpenSearchException e) {
            LOG.debug("OpenSearch check of {} failed", address, e);
            return new ClusterStatus.NotOpenSearch(address, answer(e));
        } catch (IOException e) {
            LOG.debug("OpenSearch check of {} failed", address, e);
            return new ClusterStatus.Unreachable(address, reason(e, address));
        } catch (RuntimeException e) {
            // An answer the client cannot read as OpenSearch's (another server, or an incomplete proxy).
            LOG.debug("OpenSearch check of {} failed", address, e);
            return new ClusterStatus.NotOpenSearch(address, "its answers are not an OpenSearch node's");
        }
    }

    private static ClusterStatus check(OpenSearchClient client, ClusterAddress address, String index) throws IOException {
        var info = client.info();
        String version = info.version().number();
        if (!"opensearch".equals(info.version().distribution())) {
            return new ClusterStatus.NotOpenSearch(address, "it says it is " + info.version().distribution() + " " + version);
        }
        if (!version.startsWith("3.")) {
            return new ClusterStatus.WrongVersion(address, version);
        }
        var withoutKnn = nodesWithoutKnn(client);
        if (!withoutKnn.isEmpty()) {
            return new ClusterStatus.KnnMissing(address, withoutKnn);
        }
        boolean exists = client.indices().exists(e -> e.index(index)).value();
        var health = exists ? client.cluster().health(h -> h.index(index)) : client.cluster().health();
        if (health.status() == HealthStatus.Red) {
            return new ClusterStatus.Red(address, exists ? "index '" + index + "'" : "the cluster");
        }
        if (exists) {
            for (var entry : client.indices().getMapping(g -> g.index(index)).result().entrySet()) {
                JsonData found = entry.getValue().mappings().meta().get(IndexDefinition.META_VERSION);
                String foundVersion = found == null ? null : found.to(String.class);
                if (!IndexDefinition.MAPPING_VERSION.equals(foundVersion)) {
                    return new ClusterStatus.MappingMismatch(address, entry.getKey(), foundVersion,
                            IndexDefinition.MAPPING_VERSION);
                }
            }
        }
        return new ClusterStatus.Ready(address, version, health.status().jsonValue(), index, exists);
    }

    private static String answer(Exception e) {
        if (e instanceof OpenSearchException os) {
            return "HTTP " + os.status() + ", " + os.error().type()
                    + (os.error().reason() == null ? "" : ": " + os.error().reason());
        }
        // The transport's message names the status line and the request; that is what a person needs to see.
        String message = e.getMessage();
        return message == null ? "an answer painsearch cannot read" : message.strip();
    }

    /** Why nothing answered, in words: refused, timed out, unknown host, or the transport's own message. */
    static String reason(IOException e, ClusterAddress address) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UnknownHostException) {
                return "unknown host " + address.host();
            }
            if (t instanceof ConnectException) {
                return "connection refused";
            }
            if (t instanceof InterruptedIOException) {
                return "no answer within " + Connection.CONNECT_TIMEOUT.toSeconds() + " s";
            }
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? "the connection failed" : message.strip().toLowerCase(Locale.ROOT);
    }

    private static List<String> nodesWithoutKnn(OpenSearchClient client) throws IOException {
        return client.nodes().info(n -> n.metric(NodesInfoMetric.Plugins)).nodes().values().stream()
                .filter(node -> node.plugins() == null || node.plugins().stream().map(PluginStats::name).noneMatch(KNN_PLUGIN::equals))
                .map(node -> node.name())
                .sorted()
                .toList();
    }
}
