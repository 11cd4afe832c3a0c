package org.painsearch.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.painsearch.TestCorpus;
import org.painsearch.app.Library;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@org.junit.jupiter.api.TestInstance(org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS)
public class WebServerTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    Path dir;
    Library library;
    Javalin app;
    String base;

    /** The fixture library this class serves: the embedded index here; a subclass opens another backend. */
    protected Library open(Path dir) throws IOException {
        return TestCorpus.library(dir);
    }

    @BeforeAll
    void start(@TempDir Path dir) throws IOException {
        this.dir = dir;
        Path corpus = TestCorpus.write(dir);
        TestCorpus.file(corpus, "articles/xss.md", """
                ---
                id: xss
                title: "<script>alert('t')</script> Imported page"
                tags: [imported]
                ---
                A pasted page said <img src=x onerror=alert(1)> about tingling hands and <b>bold</b> claims.
                """);
        library = open(dir);
        app = WebServer.create(library, WebOptions.local().withImportRoots(java.util.List.of(dir.resolve("incoming"))))
                .start("127.0.0.1", 0);
        base = "http://127.0.0.1:" + app.port();
    }

    @AfterAll
    void stop() throws IOException {
        app.stop();
        library.close();
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> r) {
        return JSON.readTree(r.body());
    }

    private static String q(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void healthAnswers() throws Exception {
        var r = get("/health");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(json(r).path("status").asString()).isEqualTo("ok");
    }

    @Test
    void statusListsRunningTasksWithDoneAndTotal() throws Exception {
        assertThat(json(get("/api/status")).path("tasks").isEmpty()).isTrue();
        try (var task = library.tasks().start("reconcile", "Checking the index against the corpus")) {
            task.start(40);
            task.step(12);
            JsonNode t = json(get("/api/status")).path("tasks").get(0);
            assertThat(t.path("id").asString()).isEqualTo("reconcile");
            assertThat(t.path("label").asString()).isEqualTo("Checking the index against the corpus");
            assertThat(t.path("done").asInt()).isEqualTo(12);
            assertThat(t.path("total").asInt()).isEqualTo(40);
        }
        assertThat(json(get("/api/status")).path("tasks").isEmpty()).isTrue();
    }

    @Test
    void searchAnswersTheDocumentedShape() throws Exception {
        var r = get("/api/search?q=" + q("endorphins massage"));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("content-type").orElse("")).startsWith("application/json");
        JsonNode body = json(r);
        assertThat(body.path("query").asString()).isEqualTo("endorphins massage");
        assertThat(body.path("total").asLong()).isEqualTo(2);
        assertThat(body.has("tookMs")).isTrue();
        assertThat(body.has("notice")).isFalse();
        JsonNode article = null;
        for (JsonNode hit : body.path("hits")) {
            if (hit.path("id").asString().equals("massage-endorphins")) {
                article = hit;
            }
        }
        assertThat(article).isNotNull();
        assertThat(article.path("type").asString()).isEqualTo("article");
        assertThat(article.path("title").asString()).isEqualTo("Massage and endorphins");
        assertThat(article.path("url").asString()).isEqualTo("https://example.org/massage-endorphins");
        assertThat(article.path("published").asString()).isEqualTo("2019-03-10");
        assertThat(article.path("authors").get(0).asString()).isEqualTo("Ada Lovelace");
        assertThat(article.path("tags").toString()).isEqualTo("[\"massage\",\"endorphins\"]");
        assertThat(article.path("snippets").get(0).path("marks")).isNotEmpty();
        assertThat(HighlightJson.marked(article.path("snippets").get(0))).containsIgnoringCase("<mark>massage</mark>");
        assertThat(article.path("linkedNotes").get(0).path("id").asString()).isEqualTo("note-glow");
        assertThat(article.path("linkedNotes").get(0).path("title").asString()).isEqualTo("Why clients feel good afterwards");
        for (String dim : new String[] {"type", "tag", "source", "year"}) {
            assertThat(body.path("facets").has(dim)).as("facet " + dim).isTrue();
        }
    }

    @Test
    void podcastHitCarriesTimestamp() throws Exception {
        JsonNode hit = json(get("/api/search?q=oxytocin")).path("hits").get(0);
        assertThat(hit.path("id").asString()).isEqualTo("pod-touch");
        assertThat(hit.path("timestamp").asString()).isEqualTo("00:20:00");
    }

    @Test
    void filtersSortAndPagingParameters() throws Exception {
        JsonNode notes = json(get("/api/search?type=note"));
        assertThat(notes.path("total").asLong()).isEqualTo(1);
        JsonNode two = json(get("/api/search?type=article,podcast&tag=massage"));
        assertThat(two.path("hits").get(0).path("id").asString()).isEqualTo("massage-endorphins");
        assertThat(two.path("total").asLong()).isEqualTo(1);
        JsonNode years = json(get("/api/search?year=" + q("2010..2019") + "&sort=date&size=2&page=2"));
        assertThat(years.path("total").asLong()).isEqualTo(3);
        assertThat(years.path("hits").get(0).path("id").asString()).isEqualTo("crps-guide");
    }

    @Test
    void badQuerySyntaxIsANoticeNotAnError() throws Exception {
        var r = get("/api/search?q=" + q("massage AND ("));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(json(r).path("notice").asString()).contains("plain words");
    }

    @Test
    void badParametersAreJsonErrorsWith400() throws Exception {
        for (String path : new String[] {"/api/search?page=0", "/api/search?size=abc", "/api/search?sort=random",
                "/api/search?year=soon"}) {
            var r = get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(400);
            assertThat(json(r).path("error").asString()).as(path).isNotBlank();
            assertThat(r.body()).doesNotContain("Exception").doesNotContain("at org.");
        }
    }

    @Test
    void documentEndpointAndMissingOnes() throws Exception {
        JsonNode note = json(get("/api/docs/note-glow"));
        assertThat(note.path("document").path("title").asString()).isEqualTo("Why clients feel good afterwards");
        assertThat(note.path("document").path("links").size()).isEqualTo(3);
        assertThat(note.path("html").asString()).contains("href=\"/?doc=massage-endorphins\"");
        JsonNode article = json(get("/api/docs/massage-endorphins"));
        assertThat(article.path("document").path("backlinks").get(0).path("id").asString()).isEqualTo("note-glow");
        var missing = get("/api/docs/nope");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(json(missing).path("error").asString()).contains("nope");
        var unknown = get("/api/nothing-here");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json(unknown).path("error").asString()).contains("/api/nothing-here");
    }

    @Test
    void importedMarkupIsEscapedEverywhere() throws Exception {
        JsonNode hit = json(get("/api/search?q=tingling")).path("hits").get(0);
        assertThat(hit.path("id").asString()).isEqualTo("xss");
        // A snippet is plain text with match ranges: the markup stays text, and the page inserts it as text.
        String snippet = hit.path("snippets").get(0).path("text").asString();
        assertThat(snippet).contains("<img").doesNotContain("&lt;");
        String html = json(get("/api/docs/xss")).path("html").asString();
        assertThat(html).contains("&lt;img src=x").doesNotContain("<img").doesNotContain("<b>").doesNotContain("<script");
    }

    @Test
    void pageAndStaticFilesAreServed() throws Exception {
        var page = get("/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"q\"").contains("/app.js");
        assertThat(page.headers().firstValue("content-security-policy").orElse("")).contains("default-src 'self'");
        assertThat(get("/app.js").statusCode()).isEqualTo(200);
        assertThat(get("/app.css").statusCode()).isEqualTo(200);
    }

    @Test
    void writesFromAnotherOriginAreRefusedButPlainClientsWork() throws Exception {
        var crossSite = HttpRequest.newBuilder(URI.create(base + "/api/reindex"))
                .header("Origin", "https://evil.example").POST(HttpRequest.BodyPublishers.noBody()).build();
        var refused = HTTP.send(crossSite, HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(json(refused).path("error").asString()).contains("another origin");
        var plain = HttpRequest.newBuilder(URI.create(base + "/api/reindex")).POST(HttpRequest.BodyPublishers.noBody()).build();
        var done = HTTP.send(plain, HttpResponse.BodyHandlers.ofString());
        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(json(done).path("indexed").asInt()).isEqualTo(7);
    }

    @Test
    void importOverHttpRefusesRelativePathsAndReportsOutcomes() throws Exception {
        var relative = HttpRequest.newBuilder(URI.create(base + "/api/import"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"paths\":[\"notes.md\"]}")).build();
        assertThat(HTTP.send(relative, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(400);
        Path file = TestCorpus.file(dir, "incoming/tingling.txt", "Pins and needles at night\nTingling hands after sleep.\n");
        var ok = HttpRequest.newBuilder(URI.create(base + "/api/import"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"paths\":[\"" + file.toAbsolutePath() + "\"]}")).build();
        JsonNode answer = json(HTTP.send(ok, HttpResponse.BodyHandlers.ofString()));
        assertThat(answer.path("outcomes").get(0).path("status").asString()).isEqualTo("imported");
        assertThat(answer.path("outcomes").get(0).path("id").asString()).isEqualTo("pins-and-needles-at-night");
        assertThat(json(get("/api/search?q=" + q("pins and needles"))).path("hits").get(0).path("id").asString())
                .isEqualTo("pins-and-needles-at-night");
    }

    @Test
    void aForeignHostNameIsRefusedAgainstDnsRebinding() throws Exception {
        // java.net.http does not let a caller set Host, so this speaks HTTP/1.1 over a plain socket.
        try (var socket = new java.net.Socket("127.0.0.1", app.port())) {
            socket.getOutputStream().write(("GET /api/notes HTTP/1.1\r\nHost: attacker.example:" + app.port()
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 403").contains("open painsearch by its own address");
        }
        var local = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + app.port()
                + "/health")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(local.statusCode()).isEqualTo(200);
    }
}
