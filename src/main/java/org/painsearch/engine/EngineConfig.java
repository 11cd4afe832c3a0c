package org.painsearch.engine;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Everything needed to open an engine, the same for {@code serve}, every command and {@code eval}: which backend,
 * where the index and the corpus live, the default ranking and the embedding model.
 *
 * @param backend        which engine: {@link Backend#LUCENE}, the embedded index, or {@link Backend#OPENSEARCH}
 * @param index          the index folder
 * @param corpus         the corpus folder (its synonyms and bookmarks are read from there)
 * @param ranking        the ranking used when a search names none
 * @param model          the embedding model for hybrid ranking; null for the default
 * @param synonyms       the query-time synonyms file; null for {@code synonyms.txt} in the corpus
 * @param embeddingCache where computed vectors are kept; null for {@code embedding-cache} in the index folder
 * @param readOnly       open for searching only, beside a process that may be writing
 * @param cluster        for {@link Backend#OPENSEARCH}: the cluster's address and the alias painsearch keeps there
 */
public record EngineConfig(Backend backend, Path index, Path corpus, RankingMode ranking, String model, Path synonyms,
                           Path embeddingCache, boolean readOnly, Cluster cluster) {
    /** Where the OpenSearch backend keeps its index: the cluster's HTTP address and the alias searched and written. */
    public record Cluster(String url, String alias) {
        /** The alias used when none is given. */
        public static final String DEFAULT_ALIAS = "painsearch";
        static final String NEEDS_URL = "the OpenSearch backend needs the cluster's address: give it with "
                + "--opensearch-url, PAINSEARCH_OPENSEARCH_URL or \"opensearch-url:\" in painsearch.yaml, for example "
                + "http://127.0.0.1:9200";

        public Cluster {
            if (url == null || url.isBlank()) {
                throw new IllegalArgumentException(NEEDS_URL);
            }
            alias = alias == null || alias.isBlank() ? DEFAULT_ALIAS : alias.strip();
            if (!alias.matches("[a-z0-9][a-z0-9_.-]{0,200}")) {
                throw new IllegalArgumentException("an OpenSearch index name is lower-case letters, digits, '-', '_' "
                        + "and '.', starting with a letter or digit (got: " + alias + ")");
            }
        }
    }

    public EngineConfig(Backend backend, Path index, Path corpus, RankingMode ranking, String model, Path synonyms,
                        Path embeddingCache, boolean readOnly) {
        this(backend, index, corpus, ranking, model, synonyms, embeddingCache, readOnly, null);
    }

    public EngineConfig {
        backend = backend == null ? Backend.LUCENE : backend;
        if (index == null || corpus == null) {
            throw new IllegalArgumentException("an engine needs an index folder and a corpus folder");
        }
        ranking = ranking == null ? RankingMode.BM25 : ranking;
        synonyms = synonyms != null ? synonyms : corpus.resolve("synonyms.txt");
        // The cache lives in the index folder: deleting the index forgets the vectors too.
        embeddingCache = embeddingCache != null ? embeddingCache : index.resolve("embedding-cache");
        if (backend == Backend.OPENSEARCH && cluster == null) {
            throw new IllegalArgumentException(Cluster.NEEDS_URL);
        }
    }

    /** The embedded engine over {@code index} for the corpus in {@code corpus}, ranking by {@code ranking}. */
    public static EngineConfig of(Path index, Path corpus, RankingMode ranking) {
        return new EngineConfig(Backend.LUCENE, index, corpus, ranking, null, null, null, false);
    }

    /** Where the index is, as a person reads it: a folder, or an alias on a cluster. */
    public String where() {
        return backend == Backend.OPENSEARCH
                ? "the index '" + cluster.alias() + "' on OpenSearch at " + cluster.url()
                : "the index in " + index;
    }

    /** The same configuration, opened for searching only. */
    public EngineConfig readingOnly() {
        return new EngineConfig(backend, index, corpus, ranking, model, synonyms, embeddingCache, true, cluster);
    }

    /** The same configuration ranking by {@code mode} by default. */
    public EngineConfig withRanking(RankingMode mode) {
        return new EngineConfig(backend, index, corpus, mode, model, synonyms, embeddingCache, readOnly, cluster);
    }

    /** The same configuration with {@code model} for meaning vectors. */
    public EngineConfig withModel(String newModel) {
        return new EngineConfig(backend, index, corpus, ranking, newModel, synonyms, embeddingCache, readOnly, cluster);
    }

    /** The same configuration with another synonyms file. */
    public EngineConfig withSynonyms(Path file) {
        return new EngineConfig(backend, index, corpus, ranking, model, file, embeddingCache, readOnly, cluster);
    }

    /** The same configuration keeping vectors in {@code dir}. */
    public EngineConfig withEmbeddingCache(Path dir) {
        return new EngineConfig(backend, index, corpus, ranking, model, synonyms, dir, readOnly, cluster);
    }

    /** The backends painsearch can run on. */
    public enum Backend {
        /** The embedded Lucene index in a folder on this machine. */
        LUCENE,
        /** An index on an OpenSearch cluster. */
        OPENSEARCH;

        /** Parses a backend's name; blank gives the embedded one. */
        public static Backend parse(String value) {
            if (value == null || value.isBlank() || value.strip().equalsIgnoreCase("lucene")) {
                return LUCENE;
            }
            if (value.strip().equalsIgnoreCase("opensearch")) {
                return OPENSEARCH;
            }
            throw new IllegalArgumentException("backend must be 'lucene' or 'opensearch' (got: "
                    + value.strip().toLowerCase(Locale.ROOT) + ")");
        }
    }
}
