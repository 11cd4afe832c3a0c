package org.painsearch.opensearch;

import java.io.IOException;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.painsearch.engine.EngineConfig;
import org.painsearch.engine.Health;
import org.painsearch.index.Synonyms;
import org.painsearch.engine.RankingMode;
import org.painsearch.vectors.EmbeddingModel;
import org.painsearch.vectors.Embeddings;

/**
 * Opening the OpenSearch engine from a configuration, after checking the cluster (what {@code Engines} asks of it):
 * a cluster that cannot serve painsearch (unreachable, not OpenSearch, not 3.x, red, without the k-NN plugin, or an
 * index under the alias that painsearch did not make) is refused with a sentence saying what is wrong and what to do.
 */
public final class OpenSearchBackend {
    // One primary: the scores of a small library are then the embedded engine's (one set of term statistics), and a
    // replica on every other node, so a second node keeps the index searchable when one stops.
    private static final int SHARDS = 1;
    private static final int REPLICAS_ON_A_SECOND_NODE = 1;

    private OpenSearchBackend() {
    }

    /** The index definition painsearch builds new indices with. Synonyms are painsearch's, expanded in its queries. */
    public static IndexDefinition definition(int replicas) {
        return IndexDefinition.of(SHARDS, replicas, EmbeddingModel.DIMENSION);
    }

    /** Opens the engine on the cluster {@code config} names (see {@link org.painsearch.engine.Engines#open}). */
    public static OpenSearchEngine open(EngineConfig config, Supplier<Set<String>> bookmarkedIds, Consumer<String> say)
            throws IOException {
        var cluster = config.cluster();
        var connection = Connection.open(ClusterAddress.parse(cluster.url()));
        try {
            var status = ClusterCheck.check(connection, cluster.alias());
            boolean olderPainsearch = status instanceof ClusterStatus.MappingMismatch m && m.found() != null;
            if (!status.usable() && !olderPainsearch) {
                throw new IOException(status.message());
            }
            var definition = definition(Math.max(0, Math.min(REPLICAS_ON_A_SECOND_NODE, nodes(connection) - 1)));
            if (status instanceof ClusterStatus.Ready ready && !ready.indexExists()) {
                // A first start: an empty index under the alias, so that searches answer (nothing yet) and the
                // corpus is indexed into it as into a new embedded index.
                AliasRebuild.rebuild(connection.client(), cluster.alias(), definition, writer -> { });
                say.accept("Created the index '" + cluster.alias() + "' on OpenSearch at " + connection.address() + ".");
            }
            // Vectors are computed here, as for the embedded index, and kept in the same cache beside the index folder.
            var embeddings = config.ranking() == RankingMode.HYBRID
                    ? (config.readOnly() ? Embeddings.forQueries()
                            : Embeddings.open(config.embeddingCache(), EmbeddingModel.parse(config.model())))
                    : null;
            return new OpenSearchEngine(connection, cluster.alias(), definition, new Synonyms(config.synonyms()),
                    bookmarkedIds, embeddings, config.ranking());
        } catch (IOException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /** The state of the index on the cluster, checked without opening it for use. */
    public static Health health(EngineConfig config) throws IOException {
        var cluster = config.cluster();
        try (var connection = Connection.open(ClusterAddress.parse(cluster.url()))) {
            var status = ClusterCheck.check(connection, cluster.alias());
            return switch (status) {
                case ClusterStatus.Ready r when !r.indexExists() -> new Health.Missing();
                case ClusterStatus.Ready r -> new Health.Whole(shards(connection, cluster.alias()),
                        documents(connection, cluster.alias()), true);
                case ClusterStatus.MappingMismatch m when m.found() != null -> new Health.Whole(
                        shards(connection, cluster.alias()), documents(connection, cluster.alias()), false);
                default -> new Health.Unavailable(status.message());
            };
        }
    }

    /** Deletes the index {@code config}'s alias names and the alias (a temporary index: evaluation's). */
    public static void drop(EngineConfig config) throws IOException {
        var cluster = config.cluster();
        try (var connection = Connection.open(ClusterAddress.parse(cluster.url()))) {
            for (String index : AliasRebuild.current(connection.client(), cluster.alias())) {
                connection.client().indices().delete(d -> d.index(index).ignoreUnavailable(true));
            }
        }
    }

    private static int nodes(Connection connection) throws IOException {
        return connection.client().cluster().health().numberOfNodes();
    }

    private static int shards(Connection connection, String alias) throws IOException {
        return connection.client().cluster().health(h -> h.index(alias)).activePrimaryShards();
    }

    private static int documents(Connection connection, String alias) throws IOException {
        return (int) connection.client().count(c -> c.index(alias)
                .query(q -> q.term(t -> t.field(org.painsearch.index.Fields.KIND)
                        .value(org.opensearch.client.opensearch._types.FieldValue.of(org.painsearch.index.Fields.KIND_DOC)))))
                .count();
    }
}
