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
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.painsearch.TestCorpus;
import org.painsearch.app.Library;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What the page needs from the server: ordered facets, marks, titles instead of ids, exact mentions, an icon. */
class PageApiTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();

    @TempDir
    static Path dir;
    static Library library;
    static Javalin app;
    static String base;

    @BeforeAll
    static void start() throws IOException {
        Path corpus = TestCorpus.write(dir);
        TestCorpus.file(corpus, "articles/mindfulness-pain.md", """
                ---
                id: mindfulness-pain
                title: "Brief training and pain ratings"
                published: 2016-05-01
                ---
                Four sessions of mindfulness training lowered pain ratings in the lab.
                """);
        TestCorpus.file(corpus, "articles/mind-wandering.md", """
                ---
                id: mind-wandering
                title: "Attention during treatment"
                published: 2018-05-01
                ---
                Keep the limits of attention in mind while you work.
                """);
        TestCorpus.file(corpus, "notes/note-mindful.md", """
                ---
                id: note-mindful
                title: "Breathing cues on the table"
                created: 2024-06-01
                tags: [mindfulness]
                ---
                A calm voice helps; see [[gate-control]].
                """);
        library = TestCorpus.library(dir);
        app = WebServer.create(library).start("127.0.0.1", 0);
        base = "http://127.0.0.1:" + app.port();
    }

    @AfterAll
    static void stop() throws IOException {
        app.stop();
        library.close();
    }

    private static HttpResponse<String> send(String method, String path, String body) throws Exception {
        var req = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json").build();
        return HTTP.send(req, HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode get(String path) throws Exception {
        var r = send("GET", path, null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    private static String q(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static List<String> markedTexts(JsonNode highlights) {
        var out = new ArrayList<String>();
        highlights.forEach(h -> out.add(HighlightJson.marked(h)));
        return out;
    }

    private static List<String> texts(JsonNode array, String field) {
        var out = new ArrayList<String>();
        array.forEach(n -> out.add(field == null ? n.asString() : n.path(field).asString()));
        return out;
    }

    @Test
    void facetsAreListsInTheServersOrderWithEveryYearNewestFirst() throws Exception {
        JsonNode facets = get("/api/search").path("facets");
        assertThat(texts(facets.path("year"), "value"))
                .containsExactly("2024", "2023", "2019", "2018", "2016", "2013", "2010", "1965");
        assertThat(facets.path("type").get(0).path("value").asString()).isEqualTo("article");
        assertThat(facets.path("type").get(0).path("count").asLong()).isEqualTo(6);
    }

    @Test
    void theDocumentOpenedFromASearchCarriesTheWordsItMatchedAsWritten() throws Exception {
        var doc = get("/api/docs/massage-endorphins?q=" + q("endorphins massaging type:article"));
        assertThat(texts(doc.path("marks"), null)).contains("Massage", "endorphins", "endorphin")
                .doesNotContain("type", "article");
        var podcast = get("/api/docs/pod-touch?q=oxytocin");
        assertThat(texts(podcast.path("marks"), null)).containsExactly("Oxytocin");
        assertThat(get("/api/docs/pod-touch").has("marks")).isFalse();
    }

    @Test
    void citingSentencesAndSnippetsNameLinkedDocumentsByTitle() throws Exception {
        var doc = get("/api/docs/massage-endorphins");
        String context = doc.path("document").path("backlinks").get(0).path("context").asString();
        assertThat(context).isEqualTo("The blood study “Massage and endorphins” is weak, and the slow stroking segment "
                + "in the episode points at C-tactile fibres.");

        var note = get("/api/docs/note-glow").path("document").path("links");
        assertThat(texts(note, "context")).allSatisfy(c -> assertThat(c).doesNotContain("massage-endorphins"));
        // A link to nothing yet reads as written.
        assertThat(texts(note, "context")).contains("Still to read: missing-doc.");

        var hit = get("/api/search?type=note&q=" + q("blood study")).path("hits").get(0);
        assertThat(hit.path("id").asString()).isEqualTo("note-glow");
        assertThat(String.join(" ", markedTexts(hit.path("snippets"))))
                .contains("“Massage and endorphins”").doesNotContain("massage-endorphins");
        // Query words inside the id: the title is marked as a whole.
        var marked = get("/api/search?type=note&q=" + q("endorphins")).path("hits").get(0);
        assertThat(String.join(" ", markedTexts(marked.path("snippets"))))
                .contains("<mark>“Massage and endorphins”</mark>").doesNotContain("massage-endorphins");
    }

    @Test
    void unlinkedMentionsAreSourcesNamingATagOrTheTitleWordForWord() throws Exception {
        var mentions = get("/api/notes/note-mindful/mentions");
        // "mindfulness" stems to "mind"; only the source with the word itself is a mention.
        assertThat(texts(mentions, "id")).containsExactly("mindfulness-pain");
        assertThat(HighlightJson.marked(mentions.get(0).path("snippets").get(0))).contains("<mark>mindfulness</mark>");
    }

    @Test
    void bookmarksCarryTheTitleOfWhatTheyPointAt() throws Exception {
        var added = send("POST", "/api/bookmarks", "{\"target\": \"doc:massage-endorphins\"}");
        assertThat(added.statusCode()).isEqualTo(201);
        assertThat(JSON.readTree(added.body()).path("title").asString()).isEqualTo("Massage and endorphins");
        send("POST", "/api/bookmarks", "{\"target\": \"search:q=crps\", \"label\": \"crps\"}");
        var list = get("/api/bookmarks");
        for (JsonNode b : list) {
            if (b.path("kind").asString().equals("search")) {
                assertThat(b.has("title")).isFalse();
            } else {
                assertThat(b.path("title").asString()).isEqualTo("Massage and endorphins");
            }
        }
        assertThat(list).hasSize(2);
    }

    @Test
    void theIconIsServedWhereBrowsersLookForIt() throws Exception {
        var r = send("GET", "/favicon.ico", null);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.uri().getPath()).isEqualTo("/favicon.svg");
        assertThat(r.headers().firstValue("content-type").orElse("")).startsWith("image/svg+xml");
        assertThat(r.body()).startsWith("<svg");
    }
}
