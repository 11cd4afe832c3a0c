package org.painsearch.engine;

import java.io.IOException;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.painsearch.engine.lucene.LuceneBackend;

/** The one place an engine is opened from its configuration, for the server, every command and evaluation. */
public final class Engines {
    private Engines() {
    }

    /**
     * Opens the engine {@code config} names. {@code bookmarkedIds} answers {@code is:bookmarked} with the ids
     * bookmarked at the time of each search; {@code say} hears what a person should know about the opening (an
     * index that could not be opened and was set aside for a rebuild).
     *
     * @throws EngineBusyException when another process holds the index for writing
     */
    public static Engine open(EngineConfig config, Supplier<Set<String>> bookmarkedIds, Consumer<String> say)
            throws IOException {
        return switch (config.backend()) {
            case LUCENE -> LuceneBackend.open(config, bookmarkedIds, say);
            case OPENSEARCH -> org.painsearch.opensearch.OpenSearchBackend.open(config, bookmarkedIds, say);
        };
    }

    /** Checks the index files {@code config} names, whole or not, without opening it (reads all of it). */
    public static Health health(EngineConfig config) throws IOException {
        return switch (config.backend()) {
            case LUCENE -> LuceneBackend.health(config.index());
            case OPENSEARCH -> org.painsearch.opensearch.OpenSearchBackend.health(config);
        };
    }

    /**
     * Removes a temporary index (evaluation's) that {@code config} names: on a cluster, its index and alias; the
     * embedded index is a folder the caller deletes.
     */
    public static void dropTemporary(EngineConfig config) throws IOException {
        if (config.backend() == EngineConfig.Backend.OPENSEARCH) {
            org.painsearch.opensearch.OpenSearchBackend.drop(config);
        }
    }

    /** Opens the engine without bookmarks and without anything to say (evaluation, tools). */
    public static Engine open(EngineConfig config) throws IOException {
        return open(config, Set::of, message -> { });
    }
}
