package org.painsearch.cli;

import org.painsearch.Libraries;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.painsearch.TestCorpus;
import org.painsearch.app.Library;
import org.painsearch.corpus.CorpusStore;
import org.painsearch.index.IndexService;
import org.painsearch.engine.SearchRequest;

/** A real server process killed (SIGKILL) right after answering a save: the note is on disk and in the index. */
class KillAfterSaveTest {
    private static final Pattern SERVING = Pattern.compile("at (http://127\\.0\\.0\\.1:\\d+)");

    @TempDir
    Path dir;

    @Test
    void nothingIsLostWhenTheServerIsKilledRightAfterASave() throws Exception {
        Path corpus = TestCorpus.write(dir);
        Path index = dir.resolve("index");
        String java = ProcessHandle.current().info().command().orElse("java");
        var server = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "serve", "--port", "0", "--corpus", corpus.toString(), "--index", index.toString())
                .redirectErrorStream(true).start();
        try {
            var out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
            String base = null;
            for (String line; base == null && (line = out.readLine()) != null; ) {
                var m = SERVING.matcher(line);
                if (m.find()) {
                    base = m.group(1);
                }
            }
            assertThat(base).as("the server printed its address").isNotNull();
            var save = HttpRequest.newBuilder(URI.create(base + "/api/notes"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"title\":\"Saved then killed\",\"body\":\"Proprioception drills after the session.\"}"))
                    .build();
            var answer = HttpClient.newHttpClient().send(save, HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).isEqualTo(201);
            server.destroyForcibly();
            assertThat(server.waitFor(20, TimeUnit.SECONDS)).isTrue();
        } finally {
            server.destroyForcibly();
        }

        assertThat(corpus.resolve("notes/note-saved-then-killed.md")).content().contains("Proprioception drills");
        // Opened as every start opens it: what the kill kept out of the index is brought back from the corpus.
        try (var library = Libraries.open(new CorpusStore(corpus), IndexService.openWritable(index))) {
            library.reconcile(Library.Progress.NONE);
            var hits = library.engine().search(SearchRequest.of("proprioception")).hits();
            assertThat(hits).extracting(h -> h.id()).containsExactly("note-saved-then-killed");
        }
    }
}
