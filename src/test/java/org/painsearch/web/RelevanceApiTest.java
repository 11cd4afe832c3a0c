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

/** Search details, did you mean, autocomplete, related documents and explanations over HTTP. */
@org.junit.jupiter.api.TestInstance(org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS)
public class RelevanceApiTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    Library library;
    Javalin app;
    String base;

    /** The fixture library this class serves: the embedded index here; a subclass opens another backend. */
    protected Library open(Path dir) throws IOException {
        return TestCorpus.library(dir);
    }

    @BeforeAll
    void start(@TempDir Path dir) throws IOException {
        library = open(dir);
        app = WebServer.create(library).start("127.0.0.1", 0);
        base = "http://127.0.0.1:" + app.port();
    }

    @AfterAll
    void stop() throws IOException {
        app.stop();
        library.close();
    }

    private JsonNode get(String path, int status) throws IOException, InterruptedException {
        var r = HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        return JSON.readTree(r.body());
    }

    private static String q(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static List<String> texts(JsonNode array, String field) {
        var out = new ArrayList<String>();
        array.forEach(n -> out.add(n.path(field).asString()));
        return out;
    }

    @Test
    void theTotalIsTheSumOfTheTypeCountsWhateverTheSortAndFilter() throws Exception {
        for (String query : List.of("q=massage", "q=" + q("massage type:article"), "q=pain&type=note",
                "q=" + q("-sleep pain"), "q=" + q("qwzx blorptangle"))) {
            var byRelevance = get("/api/search?" + query, 200);
            var byDate = get("/api/search?" + query + "&sort=date", 200);
            long total = byRelevance.path("total").asLong();
            assertThat(byDate.path("total").asLong()).as(query).isEqualTo(total);
            long sum = 0;
            for (JsonNode f : byRelevance.path("facets").path("type")) {
                sum += f.path("count").asLong();
            }
            assertThat(sum).as(query + ": type counts add up to the total").isEqualTo(total);
        }
        assertThat(get("/api/search?q=" + q("qwzx blorptangle"), 200).path("total").asLong()).isZero();
        assertThat(get("/api/search?q=massage", 200).path("total").asLong()).isPositive();
    }

    @Test
    void searchDetailsShowStemsAndSynonyms() throws Exception {
        var details = get("/api/search?q=" + q("CRPS swelling"), 200).path("details");
        assertThat(details.path("reading").asString()).isEqualTo("all words");
        assertThat(texts(details.path("stems"), "stem")).containsExactly("crp", "swell");
        assertThat(details.path("synonyms").toString()).contains("complex", "region", "syndrom");
        assertThat(details.path("understood").asString()).contains("swell").contains("complex region pain syndrom");
    }

    @Test
    void aPlainQuestionIsReadAsAQuestionAndFindsTheNote() throws Exception {
        var body = get("/api/search?q=" + q("why do clients feel so good after a massage?"), 200);
        assertThat(body.path("details").path("reading").asString()).isEqualTo("question");
        assertThat(body.path("notice").isMissingNode()).isTrue();
        assertThat(body.path("hits").get(0).path("id").asString()).isEqualTo("note-glow");
        assertThat(body.path("mode").asString()).isEqualTo("bm25");
    }

    @Test
    void didYouMeanCorrectsAMisspelledWord() throws Exception {
        var body = get("/api/search?q=" + q("endorfins"), 200);
        assertThat(body.path("total").asLong()).isZero();
        assertThat(body.path("didYouMean").asString()).isEqualTo("endorphins");
        assertThat(get("/api/search?q=" + q("endorphins"), 200).path("didYouMean").isMissingNode()).isTrue();
    }

    @Test
    void suggestOffersTitlesTagsAndPhrases() throws Exception {
        var s = get("/api/suggest?q=" + q("massa"), 200).path("suggestions");
        assertThat(texts(s, "text")).contains("Massage and endorphins", "massage");
        JsonNode title = null;
        for (JsonNode n : s) {
            if (n.path("kind").asString().equals("title")) {
                title = n;
            }
        }
        assertThat(title).isNotNull();
        assertThat(title.path("id").asString()).isEqualTo("massage-endorphins");
        assertThat(texts(get("/api/suggest?q=" + q("endo"), 200).path("suggestions"), "text")).contains("endorphins");
        assertThat(get("/api/suggest?q=m", 200).path("suggestions").isEmpty()).isTrue();
    }

    @Test
    void relatedDocumentsByWords() throws Exception {
        var related = get("/api/docs/massage-endorphins/related", 200).path("related");
        assertThat(texts(related, "id")).contains("note-glow").doesNotContain("massage-endorphins");
        assertThat(related.get(0).path("by").toString()).contains("words");
        assertThat(get("/api/docs/nope/related", 404).path("error").asString()).contains("nope");
    }

    @Test
    void explainTellsWhichFieldsAndTermsWeighed() throws Exception {
        var hit = get("/api/search?q=" + q("massage endorphins") + "&explain=true", 200).path("hits").get(0);
        assertThat(hit.path("id").asString()).isEqualTo("massage-endorphins");
        var e = hit.path("explanation");
        assertThat(e.path("bm25").asDouble()).isCloseTo(hit.path("score").asDouble(), org.assertj.core.data.Offset.offset(1e-3));
        // Each word is scored over title, tags, authors and body together (BM25F), reported as the field "text".
        assertThat(texts(e.path("matches"), "field")).contains("text");
        assertThat(texts(e.path("matches"), "term")).contains("massag", "endorphin");
        assertThat(get("/api/search?q=" + q("massage"), 200).path("hits").get(0).path("explanation").isMissingNode()).isTrue();
    }

    @Test
    void anUnknownModeIsABadRequest() throws Exception {
        assertThat(get("/api/search?q=x&mode=magic", 400).path("error").asString()).contains("'bm25' or 'hybrid'");
    }
}
