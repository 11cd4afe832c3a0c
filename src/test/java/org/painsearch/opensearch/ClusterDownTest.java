package org.painsearch.opensearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.painsearch.app.CorpusWatcher;
import org.painsearch.web.WebServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The cluster goes away while painsearch serves from it: every answer is a 503 with a sentence (never a 500 or a
 * Java name), a note saved meanwhile is kept on disk and said to be, and once the cluster answers again the index
 * catches up by itself and the note is found.
 */
@OpenSearchTest
class ClusterDownTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    @Test
    void whileTheClusterIsAwayEveryAnswerSaysSoAndNothingIsLost(OpenSearchCluster cluster) throws Exception {
        try (var proxy = new AlteringProxy(cluster.connection().address(), Map.of())) {
            var onCluster = new ClusterLibrary(proxy.address().toString(), "cluster-down");
            var library = onCluster.open(dir);
            var app = WebServer.create(library).start("127.0.0.1", 0);
            String base = "http://127.0.0.1:" + app.port();
            try (var watcher = CorpusWatcher.start(library)) {
                assertThat(send(base, "GET", "/api/search?q=massage", null).statusCode()).isEqualTo(200);
                assertThat(hitIds(base, "rush")).contains("note-glow");

                proxy.down(true);
                for (String path : new String[] {"/api/search?q=massage", "/health", "/api/docs/massage-endorphins",
                        "/api/suggest?q=massa", "/api/docs/massage-endorphins/related"}) {
                    var answer = send(base, "GET", path, null);
                    assertThat(answer.statusCode()).as(path + ": " + answer.body()).isEqualTo(503);
                    assertThat(answer.headers().firstValue("Retry-After")).as(path).isPresent();
                    String error = JSON.readTree(answer.body()).path("error").asString();
                    assertThat(error).as(path).contains("does not answer").contains(proxy.address().toString())
                            .doesNotContainPattern("[A-Z][A-Za-z]*(Exception|Error)\\b|java\\.");
                }
                var saved = send(base, "POST", "/api/notes", JSON.writeValueAsString(Map.of("title",
                        "Zygapophyseal joints while the cluster was away", "body", "Ask about zygapophyseal pain.",
                        "tags", java.util.List.of("clients"))));
                assertThat(saved.statusCode()).as(saved.body()).isEqualTo(503);
                assertThat(JSON.readTree(saved.body()).path("error").asString())
                        .startsWith("The note is saved in notes/note-zygapophyseal-joints-while-the-cluster-was-away.md");
                assertThat(dir.resolve("corpus/notes/note-zygapophyseal-joints-while-the-cluster-was-away.md"))
                        .content().contains("Ask about zygapophyseal pain.");
                // A note moved to the trash meanwhile is said to be in the trash, never "saved".
                var deleted = send(base, "DELETE", "/api/notes/note-glow", null);
                assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(503);
                assertThat(JSON.readTree(deleted.body()).path("error").asString())
                        .startsWith("The note is moved from notes/note-glow.md to the trash, but the index cannot take it out yet");
                assertThat(dir.resolve("corpus/notes/note-glow.md")).doesNotExist();

                // The corpus watcher sees the new file too, and fails to index it as well before the cluster is back.
                long cutBefore = proxy.cutOff();
                long waitUntil = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (proxy.cutOff() == cutBefore && System.nanoTime() < waitUntil) {
                    Thread.sleep(20);
                }
                assertThat(proxy.cutOff()).as("the watcher tried the cluster while it was away").isGreaterThan(cutBefore);
                proxy.down(false);
                // The watcher tries again every few seconds; the note becomes searchable without any action.
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                JsonNode found = null;
                while (System.nanoTime() < deadline) {
                    var answer = send(base, "GET", "/api/search?q=" + URLEncoder.encode("zygapophyseal",
                            StandardCharsets.UTF_8), null);
                    if (answer.statusCode() == 200 && JSON.readTree(answer.body()).path("total").asLong() > 0) {
                        found = JSON.readTree(answer.body());
                        break;
                    }
                    Thread.sleep(200);
                }
                assertThat(found).as("the note saved while the cluster was away is found once it is back").isNotNull();
                assertThat(found.path("hits").get(0).path("id").asString())
                        .isEqualTo("note-zygapophyseal-joints-while-the-cluster-was-away");
                // The same catch-up takes the note in the trash out (it may come a moment after the new note is in).
                long outBy = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (hitIds(base, "rush").contains("note-glow") && System.nanoTime() < outBy) {
                    Thread.sleep(200);
                }
                assertThat(hitIds(base, "rush")).as("the note in the trash is out of the index").doesNotContain("note-glow");
                assertThat(send(base, "GET", "/health", null).statusCode()).isEqualTo(200);
            } finally {
                app.stop();
                library.close();
                onCluster.drop();
            }
        }
    }

    @Test
    void aRebuildTheClusterStopsAnsweringHalfWaySaysSoAndTheIndexBeforeItStays(OpenSearchCluster cluster) throws Exception {
        try (var proxy = new AlteringProxy(cluster.connection().address(), Map.of())) {
            var onCluster = new ClusterLibrary(proxy.address().toString(), "rebuild-cut");
            var library = onCluster.open(dir);
            try {
                for (int i = 0; i < 450; i++) {
                    org.painsearch.TestCorpus.file(dir.resolve("corpus"), "articles/filler-" + i + ".md", "---\nid: filler-"
                            + i + "\ntitle: Filler " + i + "\n---\nTouch and pain, part " + i + ".\n");
                }
                var progress = new org.painsearch.app.Library.Progress() {
                    @Override
                    public void start(int total) {
                    }

                    @Override
                    public void step(int done) {
                        if (done > 0) {
                            proxy.down(true); // after the first batch is written
                        }
                    }
                };
                assertThatThrownBy(() -> library.rebuild(progress))
                        .isInstanceOf(org.painsearch.engine.EngineUnavailableException.class)
                        // Why depends on where the request was when it was cut: closed, reset, or refused.
                        .hasMessageMatching(java.util.regex.Pattern.quote("The rebuild on the OpenSearch cluster at "
                                + proxy.address() + " stopped: the cluster does not answer (") + "(the connection closed "
                                + "without an answer|the connection was cut off: .+)"
                                + java.util.regex.Pattern.quote("). Run ./painsearch reindex again once it answers."));
                assertThat(proxy.cutOff()).isPositive();
                proxy.down(false);
                assertThat(library.engine().search(org.painsearch.engine.SearchRequest.of("massage")).total())
                        .as("the index from before the rebuild still answers").isPositive();
            } finally {
                proxy.down(false);
                library.close();
                onCluster.drop();
            }
        }
    }

    private static java.util.List<String> hitIds(String base, String query) throws Exception {
        var answer = send(base, "GET", "/api/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8), null);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        var ids = new java.util.ArrayList<String>();
        JSON.readTree(answer.body()).path("hits").forEach(h -> ids.add(h.path("id").asString()));
        return ids;
    }

    private static HttpResponse<String> send(String base, String method, String path, String json) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
