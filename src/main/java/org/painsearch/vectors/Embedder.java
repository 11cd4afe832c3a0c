package org.painsearch.vectors;

import java.util.List;

/** Turns texts into unit-length sentence vectors. */
public interface Embedder extends AutoCloseable {
    /** One vector per text, in order. */
    List<float[]> embed(List<String> texts);

    /** The vectors' length. */
    int dimension();

    /** The text to embed for a search query: some models want queries worded apart from passages. */
    default String queryText(String query) {
        return query;
    }

    /** Loads the model now if it loads on first use, so a later call does not wait for it. */
    default void load() {
    }

    /** A name for the model, part of every cache key so another model never reuses its vectors. */
    String name();

    @Override
    default void close() {
    }
}
