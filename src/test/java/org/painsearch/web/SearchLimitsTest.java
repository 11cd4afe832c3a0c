package org.painsearch.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.painsearch.TestCorpus;
import org.painsearch.app.Library;

/** Every limit on input is a 400 whose message says what to change: body size, query length, expansion, time. */
class SearchLimitsTest {
    @TempDir
    static Path dir;
    static Library library;
    static Javalin app;
    static ApiClient api;

    @BeforeAll
    static void start() throws Exception {
        library = TestCorpus.library(dir);
        app = WebServer.create(library).start("127.0.0.1", 0);
        api = new ApiClient("http://127.0.0.1:" + app.port());
    }

    @AfterAll
    static void stop() throws Exception {
        app.stop();
        library.close();
    }

    private static String error(String path, int status) throws Exception {
        var r = api.get(path);
        assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(status);
        return status == 200 ? "" : ApiClient.json(r).path("error").asString();
    }

    private static String search(String q) {
        return "/api/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8);
    }

    @Test
    void aBodyOverTheLimitIsRefusedWithTheLimit() throws Exception {
        String huge = "{\"title\": \"Big\", \"body\": \"" + "x".repeat((int) WebServer.MAX_BODY_BYTES) + "\"}";
        var r = api.send("POST", "/api/notes", huge);
        assertThat(r.statusCode()).as(r.body() + r.headers().map()).isEqualTo(400);
        assertThat(ApiClient.json(r).path("error").asString()).contains("too large").contains("8 MB");
        assertThat(TestCorpus.namesIn(library.corpus().root().resolve("notes"))).containsExactly("note-glow.md");
    }

    @Test
    void aQueryOverAThousandCharactersIsRefused() throws Exception {
        assertThat(error(search("pain ".repeat(201)), 400)).contains("too long").contains("1000");
        error(search("pain ".repeat(199)), 200);
    }

    @Test
    void wildcardsNeedTwoLettersAndAtMostFiveTermsMayExpand() throws Exception {
        assertThat(error(search("a*"), 400)).contains("at least 2 letters").contains("a*");
        assertThat(error(search("massage to?ch"), 200)).isEmpty();
        error(search("mas*"), 200);
        error(search("endorphin~1"), 200);
        error(search("why do clients feel good?"), 200);
        error(search("\"a* b* c* d* e* f*\""), 200); // inside quotes nothing expands
        assertThat(error(search("ma* pa* sl* en* cr* to*"), 400)).contains("at most 5");
        assertThat(error(search("pain~ sleep~ touch~ gate~ crps~ brain~"), 400)).contains("at most 5");
        assertThat(error(search("title:m*"), 400)).contains("at least 2 letters");
    }

    @Test
    void aSearchThatRunsOutOfTimeIsStoppedWithAMessage() throws Exception {
        System.setProperty("painsearch.search.timeoutMillis", "0");
        try {
            assertThat(error(search("massage"), 400)).contains("took longer than").contains("more specific");
        } finally {
            System.clearProperty("painsearch.search.timeoutMillis");
        }
        error(search("massage"), 200);
    }

    @Test
    void theLongestQueryOfSynonymsIsAnsweredNeverWithA500() throws Exception {
        var r = api.get(search("crps pins and needles endorphins ".repeat(16)));
        assertThat(r.statusCode()).as(r.body()).isIn(200, 400);
        assertThat(r.body()).doesNotContainPattern(MalformedRequestTest.JAVA_NAMES);
    }
}
