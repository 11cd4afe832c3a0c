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
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.painsearch.TestCorpus;
import org.painsearch.app.Library;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Every notes and bookmarks endpoint and status, over real HTTP. */
public class NotesApiTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dir;
    Library library;
    Javalin app;
    String base;

    /** The fixture library each test serves: the embedded index here; a subclass opens another backend. */
    protected Library open(Path dir) throws IOException {
        return TestCorpus.library(dir);
    }

    @BeforeEach
    void start() throws Exception {
        library = open(dir);
        app = WebServer.create(library).start("127.0.0.1", 0);
        base = "http://127.0.0.1:" + app.port();
    }

    @AfterEach
    void stop() throws Exception {
        app.stop();
        library.close();
    }

    private HttpResponse<String> send(String method, String path, String json, String... headers) throws Exception {
        var b = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> r) {
        return JSON.readTree(r.body());
    }

    private JsonNode create(String title, String body) throws Exception {
        var r = send("POST", "/api/notes", JSON.writeValueAsString(java.util.Map.of("title", title, "body", body,
                "tags", java.util.List.of("Clients", "sleep"))));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return json(r);
    }

    private JsonNode search(String q) throws Exception {
        return json(send("GET", "/api/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8), null));
    }

    @Test
    void createdNoteIsStoredIndexedAndLinkedBothWays() throws Exception {
        JsonNode note = create("Night pain and massage", "Sleep first: see [[sleep-pain]] and [[pod-touch#t=00:12:30|the episode]].\n"
                + "Also [[doi:10.9999/none]] and https://example.org/crps-guide/ for the criteria.");
        assertThat(note.path("id").asString()).isEqualTo("note-night-pain-and-massage");
        assertThat(note.path("version").asString()).hasSize(16);
        assertThat(note.path("tags").toString()).isEqualTo("[\"clients\",\"sleep\"]");
        assertThat(dir.resolve("corpus/notes/note-night-pain-and-massage.md")).exists();
        var links = note.path("links");
        assertThat(links.size()).isEqualTo(4);
        assertThat(links.get(0).path("id").asString()).isEqualTo("sleep-pain");
        assertThat(links.get(1).path("moment").asString()).isEqualTo("Slow stroking activates C-tactile afferents");
        assertThat(links.get(2).has("id")).as("unresolved DOI link is kept").isFalse();
        assertThat(links.get(2).path("target").asString()).isEqualTo("doi:10.9999/none");
        assertThat(links.get(3).path("id").asString()).as("bare address of a document").isEqualTo("crps-guide");

        JsonNode hit = search("poor sleep amplifies").path("hits").get(0);
        assertThat(hit.path("id").asString()).isEqualTo("sleep-pain");
        assertThat(hit.path("linkedNotes").toString()).contains("note-night-pain-and-massage");
        JsonNode noteHit = search("night pain type:note").path("hits").get(0);
        assertThat(noteHit.path("links").toString()).contains("sleep-pain").contains("pod-touch").contains("crps-guide");

        JsonNode crps = json(send("GET", "/api/docs/crps-guide", null)).path("document");
        assertThat(crps.path("backlinks").get(0).path("id").asString()).isEqualTo("note-night-pain-and-massage");
        assertThat(crps.path("backlinks").get(0).path("context").asString()).contains("for the criteria");
    }

    @Test
    void getUpdateWithVersionsAndConflicts() throws Exception {
        JsonNode note = create("Draft", "first text");
        String id = note.path("id").asString();
        String v1 = note.path("version").asString();
        var got = send("GET", "/api/notes/" + id, null);
        assertThat(got.statusCode()).isEqualTo(200);
        assertThat(got.headers().firstValue("etag").orElse("")).isEqualTo("\"" + v1 + "\"");

        String edit = "{\"title\":\"Draft\",\"body\":\"second text\",\"tags\":[]}";
        assertThat(send("PUT", "/api/notes/" + id, edit).statusCode()).isEqualTo(428);
        var saved = send("PUT", "/api/notes/" + id, edit, "If-Match", "\"" + v1 + "\"");
        assertThat(saved.statusCode()).isEqualTo(200);
        String v2 = json(saved).path("version").asString();
        assertThat(v2).isNotEqualTo(v1);

        var stale = send("PUT", "/api/notes/" + id, "{\"title\":\"Draft\",\"body\":\"my other edit\"}", "If-Match", v1);
        assertThat(stale.statusCode()).isEqualTo(409);
        JsonNode conflict = json(stale);
        assertThat(conflict.path("error").asString()).contains("changed elsewhere");
        assertThat(conflict.path("current").path("body").asString()).isEqualTo("second text\n");
        assertThat(conflict.path("current").path("version").asString()).isEqualTo(v2);
        Path kept = dir.resolve("corpus").resolve(conflict.path("keptAt").asString());
        assertThat(Files.readString(kept)).contains("my other edit");
        assertThat(Files.readString(dir.resolve("corpus/notes/" + id + ".md"))).contains("second text");

        assertThat(send("PUT", "/api/notes/nope", edit, "If-Match", v1).statusCode()).isEqualTo(404);
        assertThat(send("GET", "/api/notes/nope", null).statusCode()).isEqualTo(404);
        assertThat(send("POST", "/api/notes", "{\"title\":\"  \"}").statusCode()).isEqualTo(400);
        assertThat(send("POST", "/api/notes", "{not json").statusCode()).isEqualTo(400);
    }

    @Test
    void deleteToTrashAndRestore() throws Exception {
        String id = create("Short lived", "about tingling").path("id").asString();
        assertThat(send("DELETE", "/api/notes/" + id, null).statusCode()).isEqualTo(204);
        assertThat(dir.resolve("corpus/.trash/notes/" + id + ".md")).exists();
        assertThat(search("tingling").path("total").asLong()).isZero();
        assertThat(send("DELETE", "/api/notes/" + id, null).statusCode()).isEqualTo(404);
        var restored = send("POST", "/api/notes/" + id + "/restore", null);
        assertThat(restored.statusCode()).isEqualTo(200);
        assertThat(search("tingling").path("hits").get(0).path("id").asString()).isEqualTo(id);
        assertThat(send("POST", "/api/notes/" + id + "/restore", null).statusCode()).isEqualTo(404);
        // A new note with the same title never takes an id that was used.
        send("DELETE", "/api/notes/" + id, null);
        assertThat(create("Short lived", "again").path("id").asString()).isEqualTo(id + "-2");
    }

    @Test
    void bookmarksAddListFilterAndRemove() throws Exception {
        var added = send("POST", "/api/bookmarks", "{\"target\":\"doc:crps-guide\",\"label\":\"Budapest\"}");
        assertThat(added.statusCode()).isEqualTo(201);
        String id = json(added).path("id").asString();
        assertThat(send("POST", "/api/bookmarks", "{\"target\":\"search:q=sleep&type=article\"}").statusCode()).isEqualTo(201);
        assertThat(send("POST", "/api/bookmarks", "{\"target\":\"note:note-glow\",\"label\":\"glow\"}").statusCode()).isEqualTo(201);
        assertThat(send("POST", "/api/bookmarks", "{\"target\":\"film:x\"}").statusCode()).isEqualTo(400);
        JsonNode list = json(send("GET", "/api/bookmarks", null));
        assertThat(list.size()).isEqualTo(3);
        assertThat(list.get(0).path("kind").asString()).isEqualTo("note");
        assertThat(list.get(1).path("label").asString()).isEqualTo("Budapest");
        assertThat(list.get(2).path("kind").asString()).isEqualTo("search");
        assertThat(Files.readString(dir.resolve("corpus/bookmarks.json"))).contains("doc:crps-guide");

        JsonNode bookmarked = search("is:bookmarked");
        assertThat(bookmarked.path("total").asLong()).isEqualTo(2);
        assertThat(send("DELETE", "/api/bookmarks/" + id, null).statusCode()).isEqualTo(204);
        assertThat(send("DELETE", "/api/bookmarks/" + id, null).statusCode()).isEqualTo(404);
        assertThat(search("is:bookmarked").path("total").asLong()).isEqualTo(1);
    }

    @Test
    void linkFilters() throws Exception {
        JsonNode cited = search("cited:yes");
        assertThat(cited.path("total").asLong()).isEqualTo(2); // massage-endorphins and pod-touch
        assertThat(search("cited:no type:article").path("total").asLong()).isEqualTo(3);
        JsonNode linked = search("linked:note-glow");
        assertThat(linked.path("total").asLong()).isEqualTo(2);
        assertThat(java.util.List.of(linked.path("hits").get(0).path("id").asString(), linked.path("hits").get(1).path("id").asString()))
                .containsExactlyInAnyOrder("massage-endorphins", "pod-touch");
        assertThat(search("linked:pod-touch").path("hits").get(0).path("id").asString()).isEqualTo("note-glow");
        assertThat(search("is:note").path("hits").get(0).path("id").asString()).isEqualTo("note-glow");
    }

    @Test
    void writingAidsSuggestMentionsGraphPreview() throws Exception {
        JsonNode suggestions = json(send("GET", "/api/suggest/links?q=massa", null));
        assertThat(suggestions.get(0).path("id").asString()).isEqualTo("massage-endorphins");
        assertThat(json(send("GET", "/api/suggest/links?q=touch%20and%20the%20b", null)).get(0).path("id").asString())
                .isEqualTo("pod-touch");
        String id = create("Clients and sleep", "nothing linked yet").path("id").asString();
        JsonNode mentions = json(send("GET", "/api/notes/" + id + "/mentions", null));
        assertThat(mentions.findValuesAsString("id")).contains("sleep-pain");
        JsonNode graph = json(send("GET", "/api/graph?tag=clients", null));
        assertThat(graph.path("edges").toString()).contains("{\"source\":\"note-glow\",\"target\":\"massage-endorphins\"}");
        assertThat(graph.path("nodes").findValuesAsString("id")).contains("note-glow", "pod-touch", id);
        JsonNode preview = json(send("POST", "/api/preview", "{\"markdown\":\"**hi** <script>x</script> [[sleep-pain]]\"}"));
        assertThat(preview.path("html").asString()).contains("<strong>hi</strong>").doesNotContain("<script")
                .contains("href=\"/?doc=sleep-pain\"");
    }

    @Test
    void writesFromAnotherSiteAreRefused() throws Exception {
        var r = send("POST", "/api/notes", "{\"title\":\"x\"}", "Origin", "https://evil.example", "Sec-Fetch-Site", "cross-site");
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(send("DELETE", "/api/notes/note-glow", null, "Sec-Fetch-Site", "cross-site").statusCode()).isEqualTo(403);
        assertThat(dir.resolve("corpus/notes/note-glow.md")).exists();
    }
}
