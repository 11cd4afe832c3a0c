package org.painsearch.opensearch;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;
import org.painsearch.TestCorpus;
import org.painsearch.app.Library;
import org.painsearch.engine.EngineConfig;
import org.painsearch.engine.RankingMode;

/**
 * The test fixture corpus served from an index on the test cluster, opened as {@code serve --backend opensearch}
 * opens it, for the API tests that run on both backends: each library under an alias of its own, whose index
 * {@link #drop} deletes.
 */
final class ClusterLibrary {
    private static final AtomicInteger RUNS = new AtomicInteger();
    private final String url;
    private final String name;
    private EngineConfig config;

    ClusterLibrary(OpenSearchCluster cluster, String name) {
        this(cluster.connection().address().toString(), name);
    }

    /** On the cluster at {@code url} (a proxy in front of the test cluster, say). */
    ClusterLibrary(String url, String name) {
        this.url = url;
        this.name = name;
    }

    /** Writes the fixture corpus under {@code root} and opens it on the cluster, indexed. */
    Library open(Path root) throws IOException {
        Path corpus = TestCorpus.write(root);
        config = new EngineConfig(EngineConfig.Backend.OPENSEARCH, root.resolve("unused-index"), corpus,
                RankingMode.BM25, null, null, null, false, new EngineConfig.Cluster(url,
                        name + "-" + RUNS.incrementAndGet()));
        var library = Library.open(config, Clock.systemUTC(), message -> { });
        if (!(library.engine() instanceof OpenSearchEngine)) {
            library.close();
            throw new IllegalStateException("the cluster configuration opened " + library.engine().getClass());
        }
        var report = library.rebuild(Library.Progress.NONE);
        if (!report.problems().isEmpty()) {
            library.close();
            throw new IllegalStateException("fixture corpus has problems on the cluster: " + report.problems());
        }
        return library;
    }

    /** Deletes the index of the library opened last. */
    void drop() throws IOException {
        if (config != null) {
            OpenSearchBackend.drop(config);
        }
    }
}
