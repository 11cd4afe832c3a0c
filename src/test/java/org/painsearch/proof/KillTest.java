package org.painsearch.proof;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.painsearch.TestCorpus;
import org.painsearch.corpus.Document;
import org.painsearch.crawl.BenchSite;
import org.painsearch.crawl.FakeWeb;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real painsearch process killed with SIGKILL in the middle of a reindex, an import of many files, a burst of
 * note saves and a crawl. After a restart: every acknowledged save is there with its text, no file is half-written,
 * no temporary file is left, and the index matches the corpus ({@link Consistency}). Kills per point come from
 * {@code -Dpainsearch.kill.rounds} (2 in the suite; bench/kill.sh runs more), at random moments from a printed seed.
 */
class KillTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final int ROUNDS = Integer.getInteger("painsearch.kill.rounds", 2);
    private static final long SEED = Long.getLong("painsearch.kill.seed", System.nanoTime());

    @TempDir
    Path dir;
    private final Random random = new Random(SEED);

    private static HttpResponse<String> send(String method, String url, String json, String... headers) throws Exception {
        var b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(5))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    // The moment of a kill is random on purpose: the point is to land anywhere in the work.
    private void pauseUpTo(int minMillis, int maxMillis) throws InterruptedException {
        Thread.sleep(minMillis + random.nextInt(maxMillis - minMillis));
    }

    private static void restartAndStop(Path corpus, Path index) throws Exception {
        try (var again = Child.serve(corpus, index)) {
            assertThat(send("GET", again.url() + "/health", null).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void killedDuringAReindexTheLastCommittedIndexServesAndMatchesTheCorpus() throws Exception {
        System.out.println("kill seed " + SEED + ", rounds " + ROUNDS);
        Path corpus = TestCorpus.write(dir);
        for (int i = 0; i < 300; i++) {
            TestCorpus.file(corpus, "articles/gen-" + i + ".md", "---\nid: gen-" + i + "\ntitle: Generated " + i
                    + "\n---\n" + ("Pain and touch, part " + i + ". ").repeat(40) + "\n");
        }
        Path index = dir.resolve("index");
        for (int round = 0; round < ROUNDS; round++) {
            try (var server = Child.serve(corpus, index)) {
                String url = server.url();
                Thread.ofVirtual().start(() -> {
                    try {
                        send("POST", url + "/api/reindex", null);
                    } catch (Exception e) {
                        // the server is killed under it
                    }
                });
                pauseUpTo(100, 2500);
                server.kill();
            }
            restartAndStop(corpus, index);
            Consistency.assertConsistent(corpus, index, Consistency.Index.AS_LEFT);
        }
    }

    /** What one writer knows of its note: the texts acknowledged, and those sent after the last acknowledgement. */
    record NoteLog(String id, List<String> acked, List<String> unanswered) {
    }

    @Test
    void killedDuringABurstOfNoteSavesEveryAcknowledgedSaveIsThere() throws Exception {
        System.out.println("kill seed " + SEED + ", rounds " + ROUNDS);
        Path corpus = TestCorpus.write(dir);
        Path index = dir.resolve("index");
        var logs = new CopyOnWriteArrayList<NoteLog>();
        for (int round = 0; round < ROUNDS; round++) {
            var writing = new AtomicBoolean(true);
            var writers = new ArrayList<Thread>();
            try (var server = Child.serve(corpus, index)) {
                String url = server.url();
                for (int w = 0; w < 4; w++) {
                    String who = "r" + round + "w" + w;
                    writers.add(Thread.ofPlatform().start(() -> write(url, who, writing, logs)));
                }
                // The kill comes a random while after the first acknowledged save of this round, so a machine too
                // busy to answer within the pause still has saves to check (and a save that never comes fails).
                long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
                int before = acked(logs);
                while (acked(logs) == before && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                assertThat(acked(logs)).as("a save acknowledged within 60 s of the server's start").isGreaterThan(before);
                pauseUpTo(800, 4000);
                server.kill();
                writing.set(false);
            }
            for (Thread t : writers) {
                t.join();
            }
            try (var again = Child.serve(corpus, index)) {
                for (NoteLog log : logs) {
                    var r = send("GET", again.url() + "/api/notes/" + log.id(), null);
                    assertThat(r.statusCode()).as("acknowledged note " + log.id()).isEqualTo(200);
                    String body = JSON.readTree(r.body()).path("body").asString().strip();
                    var allowed = new ArrayList<String>();
                    allowed.add(log.acked().get(log.acked().size() - 1));
                    allowed.addAll(log.unanswered());
                    assertThat(body).as("note " + log.id() + " holds its last acknowledged text or a later one")
                            .isIn(allowed);
                }
            }
            Map<String, Document> docs = Consistency.assertConsistent(corpus, index, Consistency.Index.RECONCILED);
            assertThat(docs.keySet()).containsAll(logs.stream().map(NoteLog::id).toList());
        }
        assertThat(logs).as("saves acknowledged before the kills").isNotEmpty();
    }

    private static int acked(List<NoteLog> logs) {
        return logs.stream().mapToInt(l -> l.acked().size()).sum();
    }

    // Creates a note, then edits it with If-Match until the server dies; every acknowledgement is recorded.
    private static void write(String url, String who, AtomicBoolean writing, List<NoteLog> logs) {
        NoteLog log = null;
        try {
            String first = who + " version 0: shoulder, neck and sleep.";
            var created = send("POST", url + "/api/notes", JSON.writeValueAsString(Map.of("title", "Burst " + who,
                    "body", first, "isPrivate", true)));
            if (created.statusCode() != 201) {
                return;
            }
            JsonNode note = JSON.readTree(created.body());
            log = new NoteLog(note.path("id").asString(), new CopyOnWriteArrayList<>(List.of(first)),
                    new CopyOnWriteArrayList<>());
            logs.add(log);
            String version = note.path("version").asString();
            for (int n = 1; writing.get(); n++) {
                String text = who + " version " + n + ": " + "slow stroking ".repeat(n % 7 + 1).strip() + ".";
                log.unanswered().add(text);
                var saved = send("PUT", url + "/api/notes/" + log.id(), JSON.writeValueAsString(Map.of(
                        "title", "Burst " + who, "body", text, "isPrivate", true)), "If-Match", version);
                if (saved.statusCode() != 200) {
                    throw new AssertionError("edit refused: " + saved.statusCode() + " " + saved.body());
                }
                log.acked().add(text);
                log.unanswered().clear();
                version = JSON.readTree(saved.body()).path("version").asString();
            }
        } catch (java.io.IOException | InterruptedException e) {
            // the server was killed while this request was in flight
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void killedDuringAnImportOfManyFilesEveryImportedFileIsWholeAndIndexed() throws Exception {
        System.out.println("kill seed " + SEED + ", rounds " + ROUNDS);
        Path corpus = TestCorpus.write(dir);
        Path index = dir.resolve("index");
        Path folder = Files.createDirectories(dir.resolve("incoming"));
        var sources = new ConcurrentHashMap<String, String>();
        for (int i = 0; i < 250; i++) {
            String body = ("Reading " + i + " about central sensitisation and graded exposure. ").repeat(30).strip();
            Files.writeString(folder.resolve(String.format("reading-%03d.txt", i)), "Reading number " + i + "\n" + body + "\n");
            sources.put("reading-number-" + i, body);
        }
        for (int round = 0; round < ROUNDS; round++) {
            try (var server = Child.serve(corpus, index)) {
                String url = server.url();
                String token = JSON.readTree(Files.readString(index.resolve("painsearch-server.json"))).path("token").asString();
                Thread.ofVirtual().start(() -> {
                    try {
                        send("POST", url + "/api/import", JSON.writeValueAsString(Map.of("paths", List.of(folder.toString()))),
                                "Authorization", "Bearer " + token);
                    } catch (Exception e) {
                        // killed under it
                    }
                });
                pauseUpTo(300, 4000);
                server.kill();
            }
            restartAndStop(corpus, index);
            var docs = Consistency.assertConsistent(corpus, index, Consistency.Index.RECONCILED);
            sources.forEach((id, body) -> {
                if (docs.containsKey(id)) {
                    assertThat(docs.get(id).body().strip()).as(id + " imported whole").isEqualTo(body);
                }
            });
        }
    }

    @Test
    void killedDuringACrawlTheResumedCrawlLeavesAWholeCorpusAndAMatchingIndex() throws Exception {
        System.out.println("kill seed " + SEED + ", rounds " + ROUNDS);
        try (var web = new FakeWeb()) {
            BenchSite.build(web, 40);
            String[] crawl = {"crawl", web.url("/"), "--allow-private", "--delay", "0", "--max-depth", "2",
                    "--max-pages", "100000"};
            for (int round = 0; round < ROUNDS; round++) {
                // A fresh library each round, so every kill lands while documents are being written.
                Path corpus = TestCorpus.write(dir.resolve("round-" + round));
                Path index = dir.resolve("round-" + round + "/index");
                try (var crawler = Child.start(corpus, index, crawl)) {
                    crawler.awaitCount(line -> line.startsWith("fetched"), 3 + random.nextInt(40), 240);
                    crawler.kill();
                }
                try (var resumed = Child.start(corpus, index, crawl)) {
                    assertThat(resumed.waitFor(600)).as(resumed.output()).isZero();
                }
                var docs = Consistency.assertConsistent(corpus, index, Consistency.Index.RECONCILED);
                assertThat(docs.keySet().stream().filter(id -> id.startsWith("bench-article-number-"))).hasSize(40);
                assertThat(docs.keySet().stream().filter(id -> id.startsWith("bench-show-bench-episode-"))).hasSize(20);
            }
        }
    }
}
