package org.painsearch.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.painsearch.TestCorpus;
import org.painsearch.app.Library;
import org.painsearch.crawl.FakeSite;
import org.painsearch.crawl.FakeWeb;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** "Add a source" over HTTP: refusals, a background crawl watched per address, and its documents searchable. */
class SourcesApiTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dir;
    FakeWeb web;
    Library library;
    Javalin app;

    @BeforeEach
    void start() throws Exception {
        web = FakeSite.small(new FakeWeb());
        library = TestCorpus.library(dir);
    }

    @AfterEach
    void stop() throws Exception {
        if (app != null) {
            app.stop();
        }
        library.close();
        web.close();
    }

    private String serve(boolean allowPrivate) {
        app = WebServer.create(library, java.util.Set.of(), allowPrivate).start("127.0.0.1", 0);
        return "http://127.0.0.1:" + app.port();
    }

    private static HttpResponse<String> post(String url, String json) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void refusesThisMachinesAddressesUnlessStartedWithAllowPrivate() throws Exception {
        String base = serve(false);
        var r = post(base + "/api/sources", "{\"url\": \"" + web.url("/podcast.xml") + "\"}");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(r.body()).path("error").asString()).isEqualTo(
                "refused: 127.0.0.1 is a loopback address; crawling those needs a server started with --allow-private");
        var ftp = post(base + "/api/sources", "{\"url\": \"ftp://example.org/x\"}");
        assertThat(JSON.readTree(ftp.body()).path("error").asString()).isEqualTo("not an http or https address: ftp://example.org/x");
        assertThat(post(base + "/api/sources", "{}").statusCode()).isEqualTo(400);
        var notJson = post(base + "/api/sources", "https://example.org/");
        assertThat(notJson.statusCode()).as(notJson.body()).isEqualTo(400);
        assertThat(JSON.readTree(notJson.body()).path("error").asString())
                .isEqualTo("the body must be JSON like {\"url\": \"https://...\"}");
        assertThat(get(base + "/api/sources/jobs/42").statusCode()).isEqualTo(404);
        var outside = post(base + "/api/corpus/changed", "{\"paths\": [\"/etc/passwd\"]}");
        assertThat(outside.statusCode()).isEqualTo(400);
        var crossSite = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/sources"))
                .header("Content-Type", "application/json").header("Origin", "https://evil.example")
                .POST(HttpRequest.BodyPublishers.ofString("{\"url\": \"https://example.org/\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(crossSite.statusCode()).isEqualTo(403);
        assertThat(web.hits()).isEmpty();
    }

    @Test
    void crawlsAFeedInTheBackgroundAndReportsEachAddress() throws Exception {
        String base = serve(true);
        var started = post(base + "/api/sources", "{\"url\": \"" + web.url("/podcast.xml") + "\"}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String id = JSON.readTree(started.body()).path("id").asString();

        JsonNode job = JSON.readTree(get(base + "/api/sources/jobs/" + id + "?wait=30").body());
        assertThat(job.path("state").asString()).isEqualTo("done");
        assertThat(job.path("savedAs").asString()).isEqualTo("feed");
        assertThat(job.path("stored").asInt()).isEqualTo(2);
        assertThat(job.path("progress").path("fetched").asInt()).isEqualTo(6);
        var statuses = new java.util.LinkedHashMap<String, String>();
        job.path("outcomes").forEach(o -> statuses.put(o.path("url").asString().replace(web.origin(), ""),
                o.path("status").asString()));
        assertThat(statuses).containsOnlyKeys("/podcast.xml", "/episodes/1", "/episodes/2", "/transcripts/1.vtt",
                "/chapters/1.json", "/transcripts/2.srt").containsValue("fetched");

        var hits = JSON.readTree(get(base + "/api/search?q=allodynia").body()).path("hits");
        assertThat(hits.get(0).path("id").asString()).isEqualTo("pain-talk-why-pain-persists");
        assertThat(hits.get(0).path("timestamp").asString()).isEqualTo("00:12:30");
        assertThat(Files.readString(library.corpus().root().resolve("sources.yaml"))).contains("- " + web.url("/podcast.xml"));
    }

    @Test
    void servesTheAddASourcePage() throws Exception {
        String base = serve(false);
        var page = get(base + "/sources.html");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<form id=\"source-form\"").contains("/sources.js");
        assertThat(get(base + "/sources.js").body()).contains("/api/sources/jobs/");
        assertThat(get(base + "/").body()).contains("href=\"/sources.html\"").contains(">Add a source</a>");
    }
}
