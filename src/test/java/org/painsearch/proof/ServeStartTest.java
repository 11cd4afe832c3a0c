package org.painsearch.proof;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.painsearch.TestCorpus;
import tools.jackson.databind.json.JsonMapper;

/** A real {@code serve} started over an index that fell behind its corpus, or over a damaged index. */
class ServeStartTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path dir;

    private static long total(String base, String query) throws Exception {
        var r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/api/search?q="
                + URLEncoder.encode(query, StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(r.body()).path("total").asLong();
    }

    @Test
    void filesChangedWhileStoppedAreSearchableSoonAfterTheServerIsReady() throws Exception {
        TestCorpus.library(dir).close();
        Path corpus = dir.resolve("corpus");
        Path note = corpus.resolve("notes/note-glow.md");
        Files.writeString(note, Files.readString(note).strip() + "\nA quetzal flew past the window.\n");
        TestCorpus.file(corpus, "articles/added.md", "---\nid: added\ntitle: Axolotl care\n---\nAxolotls regrow limbs.\n");

        try (var server = Child.serve(corpus, dir.resolve("index"))) {
            server.await(line -> line.startsWith("Brought the index in step with the corpus: 1 added, 1 updated, 0 removed."), 120);
            assertThat(total(server.url(), "quetzal")).isEqualTo(1);
            assertThat(total(server.url(), "axolotl")).isEqualTo(1);
        }
    }

    @Test
    void aDamagedIndexIsSetAsideAndRebuiltWithAMessage() throws Exception {
        TestCorpus.library(dir).close();
        Path index = dir.resolve("index");
        TestCorpus.damageLargestSegmentFile(index);

        try (var server = Child.serve(dir.resolve("corpus"), index)) {
            assertThat(server.output()).contains("The index in " + index + " could not be opened (")
                    .contains("It was moved to " + index + ".damaged-").contains("Indexed 6 documents")
                    .doesNotContain("Exception");
            assertThat(total(server.url(), "CRPS")).isEqualTo(1);
        }
    }
}
