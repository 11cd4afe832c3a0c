package org.painsearch.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.painsearch.TestCorpus;
import org.painsearch.engine.SearchRequest;

/** Edits made outside painsearch reach the index of a running library. */
class CorpusWatcherTest {
    @TempDir
    Path dir;
    Library library;
    CorpusWatcher watcher;

    @BeforeEach
    void start() throws Exception {
        library = TestCorpus.library(dir);
        watcher = CorpusWatcher.start(library);
    }

    @AfterEach
    void stop() throws Exception {
        watcher.close();
        library.close();
    }

    private long hits(String q) {
        try {
            return library.engine().search(SearchRequest.of(q)).total();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    // Waits on the condition itself, up to a generous limit, rather than sleeping a fixed time.
    private static void eventually(BooleanSupplier condition) throws InterruptedException {
        Instant limit = Instant.now().plus(Duration.ofSeconds(10));
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("condition not met within 10 s").isBefore(limit);
            Thread.onSpinWait();
            Thread.sleep(20);
        }
    }

    @Test
    void newChangedAndDeletedFilesAreFollowed() throws Exception {
        Path note = dir.resolve("corpus/notes/note-outside.md");
        Files.writeString(note, "---\ntitle: Written in vim\n---\nAbout hamstring cramps.\n");
        eventually(() -> hits("hamstring") == 1);

        Files.writeString(note, "---\ntitle: Written in vim\n---\nAbout calf cramps now.\n");
        eventually(() -> hits("calf") == 1 && hits("hamstring") == 0);

        Files.delete(note);
        eventually(() -> hits("calf") == 0);
    }

    @Test
    void aTranscriptEditRefreshesItsEpisodeAndABrokenFileKeepsTheIndexedVersion() throws Exception {
        Path vtt = dir.resolve("corpus/podcasts/pod-touch.vtt");
        Files.writeString(vtt, "WEBVTT\n\n00:25:00.000 --> 00:25:05.000\nVasopressin gets a mention too.\n");
        eventually(() -> hits("vasopressin") == 1);

        Path article = dir.resolve("corpus/articles/sleep-pain.md");
        Files.writeString(article, "---\ntitle: [broken\n---\n");
        Files.writeString(dir.resolve("corpus/articles/fresh.md"), "---\ntitle: Fresh\n---\nA marker word: zygapophyseal.\n");
        eventually(() -> hits("zygapophyseal") == 1);
        assertThat(hits("amplifies")).isEqualTo(1);
    }
}
