package org.painsearch.cli;

import java.nio.file.Path;
import org.painsearch.engine.EngineConfig;
import org.painsearch.engine.RankingMode;
import picocli.CommandLine.Option;

/**
 * Where the corpus and the index live, and the engine: flags first, then environment variables, then the
 * configuration file ({@link ConfigFile}), then the install folder.
 */
final class StoreOptions {
    @Option(names = "--corpus", paramLabel = "DIR", defaultValue = "${env:PAINSEARCH_CORPUS}",
            description = "Corpus folder (env PAINSEARCH_CORPUS; default: corpus/ beside the launcher).")
    private Path corpus;

    @Option(names = "--index", paramLabel = "DIR", defaultValue = "${env:PAINSEARCH_INDEX}",
            description = "Index folder (env PAINSEARCH_INDEX; default: index/ beside the launcher).")
    private Path index;

    @Option(names = "--ranking", paramLabel = "MODE", defaultValue = "${env:PAINSEARCH_RANKING:-hybrid}",
            description = "Default ranking: hybrid (words and meaning; indexes sentence vectors) or bm25 (words only; "
                    + "faster reindex) (env PAINSEARCH_RANKING; default: ${DEFAULT-VALUE}).")
    private String ranking;

    @Option(names = "--backend", paramLabel = "NAME", defaultValue = "${env:PAINSEARCH_BACKEND:-lucene}",
            description = "Search backend: lucene, the embedded index in the index folder, or opensearch, an index "
                    + "on an OpenSearch cluster (env PAINSEARCH_BACKEND; default: ${DEFAULT-VALUE}).")
    private String backend;

    @Option(names = "--opensearch-url", paramLabel = "URL", defaultValue = "${env:PAINSEARCH_OPENSEARCH_URL}",
            description = "With --backend opensearch: the cluster's HTTP address, e.g. http://127.0.0.1:9200 "
                    + "(env PAINSEARCH_OPENSEARCH_URL).")
    private String openSearchUrl;

    @Option(names = "--opensearch-index", paramLabel = "NAME", defaultValue = "${env:PAINSEARCH_OPENSEARCH_INDEX}",
            description = "With --backend opensearch: the alias painsearch keeps its index under "
                    + "(env PAINSEARCH_OPENSEARCH_INDEX; default: painsearch).")
    private String openSearchIndex;

    RankingMode ranking() {
        return RankingMode.parse(ranking, RankingMode.HYBRID);
    }

    /** The one configuration every command opens its engine from. */
    EngineConfig engine() {
        var chosen = EngineConfig.Backend.parse(backend);
        var cluster = chosen == EngineConfig.Backend.OPENSEARCH
                ? new EngineConfig.Cluster(openSearchUrl, openSearchIndex) : null;
        return new EngineConfig(chosen, indexDir(), corpusDir(), ranking(), null, null, null, false, cluster);
    }

    Path corpusDir() {
        return (corpus != null ? corpus : home().resolve("corpus")).toAbsolutePath().normalize();
    }

    Path indexDir() {
        return (index != null ? index : home().resolve("index")).toAbsolutePath().normalize();
    }

    // The launcher passes its own folder, so the defaults do not depend on where the command is run from.
    static Path home() {
        return Path.of(System.getProperty("painsearch.home", "."));
    }
}
