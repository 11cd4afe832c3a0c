package org.painsearch.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.painsearch.TestCorpus;
import org.painsearch.app.Library;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Malformed, hostile and oversized requests: each is a 400 with a readable sentence, and nothing is written. */
class MalformedRequestTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    // What an error body must never show: a Java type, a package name or a stack frame.
    static final Pattern JAVA_NAMES = Pattern.compile(
            "\\b(java|javax|jdk|sun|org|com|tools|io)\\.[a-z]+\\.|[A-Z][A-Za-z]*(Exception|Error)\\b|\\.java:\\d+|\\bat [a-z]+\\.");

    @TempDir
    Path dir;
    Library library;
    Javalin app;
    String base;
    Path corpus;

    @BeforeEach
    void start() throws Exception {
        library = TestCorpus.library(dir);
        corpus = library.corpus().root();
        app = WebServer.create(library).start("127.0.0.1", 0);
        base = "http://127.0.0.1:" + app.port();
    }

    @AfterEach
    void stop() throws Exception {
        app.stop();
        library.close();
    }

    private HttpResponse<String> send(String method, String path, String body, String... headers) throws Exception {
        var b = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertReadable400(HttpResponse<String> r, String what) {
        assertThat(r.statusCode()).as(what + ": " + r.body()).isEqualTo(400);
        assertThat(JSON.readTree(r.body()).path("error").asString()).as(what).isNotBlank();
        assertThat(r.body()).as(what).doesNotContainPattern(JAVA_NAMES);
    }

    private static String q(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void aJsonNullBodyIsA400OnEveryEndpointThatTakesABody() throws Exception {
        String version = JSON.readTree(send("GET", "/api/notes/note-glow", null).body()).path("version").asString();
        String[][] endpoints = {{"POST", "/api/notes"}, {"PUT", "/api/notes/note-glow"}, {"POST", "/api/preview"},
                {"POST", "/api/bookmarks"}, {"POST", "/api/import"}, {"POST", "/api/sources"},
                {"POST", "/api/corpus/changed"}};
        for (String[] e : endpoints) {
            for (String body : new String[] {"null", "", "[1, 2]", "\"text\"", "{\"title\": {\"a\": 1}, \"markdown\": [1], \"target\": {}, \"paths\": {}, \"url\": []}", "{"}) {
                assertReadable400(send(e[0], e[1], body, "If-Match", version), e[0] + " " + e[1] + " with " + body);
            }
        }
        assertThat(TestCorpus.namesIn(corpus.resolve("notes"))).containsExactly("note-glow.md");
        assertThat(corpus.resolve("bookmarks.json")).doesNotExist();
    }

    @Test
    void wrongTypesAndNullsInsideTheBodyAreNamedByFieldNotByJavaType() throws Exception {
        var tags = send("POST", "/api/notes", "{\"title\": \"Neck\", \"tags\": \"neck\"}");
        assertReadable400(tags, "tags as text");
        assertThat(tags.body()).contains("tags");
        assertReadable400(send("POST", "/api/notes", "{\"title\": \"Neck\", \"tags\": [null]}"), "a null tag");
        assertReadable400(send("POST", "/api/notes", "{\"body\": \"no title\"}"), "missing title");
        assertReadable400(send("POST", "/api/notes", "{\"title\": \"Neck\", \"isPrivate\": \"maybe\"}"), "isPrivate");
        assertReadable400(send("POST", "/api/import", "{\"paths\": [null]}"), "import paths [null]");
        assertReadable400(send("POST", "/api/import", "{\"paths\": \"/tmp\"}"), "import paths as text");
        assertReadable400(send("POST", "/api/corpus/changed", "{\"paths\": [null]}"), "changed paths [null]");
        assertReadable400(send("POST", "/api/bookmarks", "{\"target\": 7}"), "a number as target");
        assertReadable400(send("POST", "/api/bookmarks", "{\"target\": null}"), "a null target");
        assertThat(TestCorpus.namesIn(corpus.resolve("notes"))).containsExactly("note-glow.md");
    }

    @Test
    void aRefusedNoteWritesNothingAndLeavesTheCorpusReadable() throws Exception {
        String[] bodies = {"{\"title\": \"\\u0000\", \"body\": \"x\"}", "{\"title\": \"\\ud800\", \"body\": \"x\"}",
                "{\"title\": \"Ok\", \"body\": \"a\\u0000b\"}", "{\"title\": \"\\u0000\", \"body\": \"\\u0000\"}",
                "{\"title\": \"Ok\", \"body\": \"lone \\udc00 low\"}", "{\"title\": \"Ok\", \"tags\": [\"a\\u0000\"]}"};
        for (String body : bodies) {
            var r = send("POST", "/api/notes", body);
            assertReadable400(r, body);
            assertThat(r.body()).as(body).containsAnyOf("character", "Unicode");
        }
        assertThat(TestCorpus.namesIn(corpus.resolve("notes"))).containsExactly("note-glow.md");
        String version = JSON.readTree(send("GET", "/api/notes/note-glow", null).body()).path("version").asString();
        assertReadable400(send("PUT", "/api/notes/note-glow", "{\"title\": \"Glow\", \"body\": \"\\u0000\"}", "If-Match", version),
                "an edit with NUL");
        assertThat(corpus.resolve("notes/note-glow.md")).content().doesNotContain("\u0000");
        assertThat(library.rebuild(Library.Progress.NONE).problems()).isEmpty();
    }

    @Test
    void deepPagesAreRefusedWithAMessageInsteadOfExhaustingTheHeap() throws Exception {
        for (String params : new String[] {"page=21474836&size=100", "page=2147483647&size=100", "page=2147483647",
                "page=11&size=100", "page=101", "size=101", "page=-1", "size=0"}) {
            var r = send("GET", "/api/search?q=pain&" + params, null);
            assertReadable400(r, params);
            assertThat(JSON.readTree(r.body()).path("error").asString()).as(params).containsAnyOf("page", "size");
        }
        assertThat(send("GET", "/api/search?q=pain&page=10&size=100", null).statusCode()).isEqualTo(200);
    }

    @Test
    void aLoneQuoteAfterAFilterIsSearchedNotAnError() throws Exception {
        for (String query : new String[] {"source:\"", "tag:\"", "author:\"", "year:\"", "pain source:\" massage",
                "tag:\"crps", "\"", "linked:\""}) {
            var r = send("GET", "/api/search?q=" + q(query), null);
            assertThat(r.statusCode()).as(query + ": " + r.body()).isEqualTo(200);
        }
    }

    @Test
    void aTrashedNoteCannotBeBroughtBackThroughCorpusChanged() throws Exception {
        String created = send("POST", "/api/notes", "{\"title\": \"Client K. shoulder\", \"body\": \"Frozen shoulder, "
                + "third visit.\"}").body();
        String id = JSON.readTree(created).path("id").asString();
        assertThat(send("DELETE", "/api/notes/" + id, null).statusCode()).isEqualTo(204);
        Path trashed = corpus.resolve(".trash/notes/" + id + ".md");
        assertThat(trashed).exists();
        var r = send("POST", "/api/corpus/changed", JSON.writeValueAsString(java.util.Map.of("paths",
                java.util.List.of(trashed.toString()))));
        assertReadable400(r, "a trashed note");
        assertThat(send("GET", "/api/notes/" + id, null).statusCode()).isEqualTo(404);
        JsonNode hits = JSON.readTree(send("GET", "/api/search?q=" + q("frozen shoulder"), null).body()).path("hits");
        assertThat(hits.size()).isZero();
        var conflicts = corpus.resolve(".conflicts/x.md");
        Files.createDirectories(conflicts.getParent());
        Files.writeString(conflicts, "---\nid: x\ntitle: Hidden\n---\nsecret words\n");
        assertReadable400(send("POST", "/api/corpus/changed", "{\"paths\": [\"" + conflicts + "\"]}"), "a conflict copy");
    }

    @Test
    void answersCarryTheHeadersTheyNeed() throws Exception {
        for (String path : new String[] {"/api/notes", "/api/search?q=pain", "/api/notes/note-glow", "/api/bookmarks",
                "/api/docs/note-glow", "/api/nothing"}) {
            var r = send("GET", path, null);
            assertThat(r.headers().firstValue("Cache-Control").orElse("")).as(path).contains("no-store");
        }
        var page = send("GET", "/", null);
        String csp = page.headers().firstValue("Content-Security-Policy").orElse("");
        assertThat(csp).contains("object-src 'none'").contains("base-uri 'none'").contains("form-action 'self'")
                .contains("frame-ancestors 'none'").doesNotContain("media-src *").doesNotContain("*");
        assertThat(page.headers().firstValue("X-Frame-Options").orElse("")).isEqualTo("DENY");
        assertThat(page.headers().firstValue("X-Content-Type-Options").orElse("")).isEqualTo("nosniff");
    }
}
