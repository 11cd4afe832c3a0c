package org.painsearch.vectors;

import org.painsearch.Libraries;
import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.painsearch.TestCorpus;
import org.painsearch.app.Library;
import org.painsearch.corpus.CorpusStore;
import org.painsearch.index.IndexService;
import org.painsearch.engine.RankingMode;
import org.painsearch.engine.SearchRequest;
import org.painsearch.web.WebServer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Just after a start the embedding model is still loading in the background: searches are answered at once by
 * words, say so, and rank by meaning too once it is in. The model here loads only when the test lets it.
 */
class MeaningWhileLoadingTest {
    @TempDir
    Path dir;
    SlowModel model;
    Embeddings embeddings;
    Library library;

    /** A model that loads when {@link #release} is counted down; a text's vector is its letter counts a to h. */
    static final class SlowModel extends LetterVectors.Model {
        final CountDownLatch release = new CountDownLatch(1);
        final CountDownLatch entered = new CountDownLatch(1);

        @Override
        public void load() {
            entered.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public String name() {
            return "slow";
        }
    }

    @BeforeEach
    void index() throws Exception {
        model = new SlowModel();
        embeddings = new Embeddings(model, EmbeddingCache.inMemory(model.dimension()));
        library = Libraries.open(new CorpusStore(TestCorpus.write(dir)), IndexService.openWritable(dir.resolve("index")),
                Clock.systemUTC(), embeddings, RankingMode.HYBRID);
        library.rebuild(Library.Progress.NONE);
        library.engine().vectorsDone().join(); // words first, vectors in the background
    }

    @AfterEach
    void close() throws Exception {
        model.release.countDown();
        library.close();
    }

    @Test
    void searchesAnswerByWordsSayingSoUntilTheModelIsInThenByMeaningToo() throws Exception {
        var loaded = library.warmUp(Duration.ZERO);

        var early = library.engine().search(SearchRequest.of("CRPS"));
        assertThat(loaded).isNotDone();
        assertThat(early.mode()).isEqualTo("bm25");
        assertThat(early.notice()).contains("Search by meaning is still loading");
        assertThat(early.hits()).extracting(h -> h.id()).first().isEqualTo("crps-guide");

        model.release.countDown();
        loaded.get(30, TimeUnit.SECONDS);
        var later = library.engine().search(SearchRequest.of("CRPS"));
        assertThat(later.mode()).isEqualTo("hybrid");
        assertThat(later.notice()).isNull();
        assertThat(later.hits()).extracting(h -> h.id()).first().isEqualTo("crps-guide");
    }

    @Test
    void theServerAnswersItsFirstSearchWhileTheModelLoads() throws Exception {
        library.warmUp(Duration.ZERO);
        Javalin app = WebServer.create(library).start("127.0.0.1", 0);
        try {
            var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + app.port() + "/api/search?q=crps")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            var json = JsonMapper.builder().build().readTree(response.body());
            assertThat(json.get("mode").asString()).isEqualTo("bm25");
            assertThat(json.get("notice").asString()).contains("still loading");
            assertThat(json.get("hits").get(0).get("id").asString()).isEqualTo("crps-guide");
        } finally {
            app.stop();
        }
    }

    @Test
    void withoutABackgroundLoadTheFirstQueryLoadsTheModelAndWaits() throws Exception {
        model.release.countDown(); // a command that searches once: the model loads in the search itself
        var response = library.engine().search(SearchRequest.of("CRPS"));
        assertThat(response.mode()).isEqualTo("hybrid");
        assertThat(response.notice()).isNull();
    }
}
