package org.painsearch.vectors;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.painsearch.vectors.EmbeddingCacheTest.CountingEmbedder;

/** A query asked again (the next page, another filter) reuses its vector instead of running the model again. */
class RecentQueriesTest {
    @Test
    void aRepeatedQueryIsEmbeddedOnce() {
        var model = new CountingEmbedder();
        var embeddings = new Embeddings(model, EmbeddingCache.inMemory(model.dimension()));

        float[] first = embeddings.embedQuery("pain after sleep loss");
        float[] again = embeddings.embedQuery("pain after sleep loss");

        assertThat(again).containsExactly(first);
        assertThat(model.seen).containsExactly("pain after sleep loss");
    }

    @Test
    void onlyTheMostRecentQueriesAreKept() {
        var model = new CountingEmbedder();
        var embeddings = new Embeddings(model, EmbeddingCache.inMemory(model.dimension()));
        embeddings.embedQuery("oldest");
        for (int i = 0; i < Embeddings.RECENT_QUERIES; i++) {
            embeddings.embedQuery("query " + i);
        }
        embeddings.embedQuery("query 0"); // recently used: kept

        embeddings.embedQuery("oldest");

        assertThat(model.seen).filteredOn("oldest"::equals).hasSize(2);
        assertThat(model.seen).filteredOn("query 0"::equals).hasSize(1);
    }

    @Test
    void keepingNoneEmbedsEveryQueryAnew() {
        var model = new CountingEmbedder();
        var embeddings = new Embeddings(model, EmbeddingCache.inMemory(model.dimension()));
        embeddings.keepRecentQueries(0);

        embeddings.embedQuery("crps");
        embeddings.embedQuery("crps");

        assertThat(model.seen).containsExactly("crps", "crps");
    }
}
