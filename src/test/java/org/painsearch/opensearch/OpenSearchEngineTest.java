package org.painsearch.opensearch;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.painsearch.engine.Engine;
import org.painsearch.engine.EngineConfig;
import org.painsearch.engine.EngineContract;
import org.painsearch.engine.Engines;
import org.painsearch.engine.RankingMode;

/** The OpenSearch engine keeps the engine contract the embedded one keeps, opened the way every entry point opens it. */
@OpenSearchTest
class OpenSearchEngineTest extends EngineContract {
    private static final AtomicInteger RUNS = new AtomicInteger();
    private static OpenSearchCluster cluster;
    private EngineConfig config;

    @BeforeAll
    static void shareCluster(OpenSearchCluster shared) {
        cluster = shared;
    }

    @Override
    protected Engine open(Path dir, Set<String> bookmarked) throws IOException {
        config = new EngineConfig(EngineConfig.Backend.OPENSEARCH, dir.resolve("index"), dir.resolve("corpus"),
                RankingMode.BM25, null, null, null, false,
                new EngineConfig.Cluster(cluster.connection().address().toString(), "contract-" + RUNS.incrementAndGet()));
        return Engines.open(config, () -> bookmarked, message -> { });
    }

    @AfterEach
    void dropIndex() throws IOException {
        OpenSearchBackend.drop(config);
    }
}
