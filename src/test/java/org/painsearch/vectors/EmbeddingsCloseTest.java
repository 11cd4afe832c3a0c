package org.painsearch.vectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.painsearch.vectors.MeaningWhileLoadingTest.SlowModel;

/**
 * A server stopped in its first seconds closes its embeddings while the model may still be loading in the
 * background; ONNX Runtime faults natively when the process exits in the middle of that, so closing waits for a
 * load under way and skips one not yet begun.
 */
class EmbeddingsCloseTest {
    @Test
    void closingWaitsForALoadUnderWay() throws Exception {
        var model = new SlowModel();
        var embeddings = new Embeddings(model, EmbeddingCache.inMemory(model.dimension()));
        var loaded = embeddings.loadInBackground(Duration.ZERO);
        assertThat(model.entered.await(10, TimeUnit.SECONDS)).isTrue();

        var closed = CompletableFuture.runAsync(() -> {
            try {
                embeddings.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThatThrownBy(() -> closed.get(500, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);

        model.release.countDown();
        closed.get(10, TimeUnit.SECONDS);
        assertThat(loaded).isCompleted();
    }

    @Test
    void closingBeforeTheLoadBeginsSkipsIt() throws Exception {
        var model = new SlowModel();
        var embeddings = new Embeddings(model, EmbeddingCache.inMemory(model.dimension()));
        var loaded = embeddings.loadInBackground(Duration.ofMillis(300));
        embeddings.close();

        loaded.get(10, TimeUnit.SECONDS);
        assertThat(model.entered.getCount()).as("the model was never loaded").isEqualTo(1);
    }
}
