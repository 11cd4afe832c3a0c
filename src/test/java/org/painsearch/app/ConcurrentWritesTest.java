package org.painsearch.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import java.nio.file.Path;
import org.painsearch.TestCorpus;
import org.painsearch.notes.NoteDraft;
import org.painsearch.engine.SearchRequest;

/** Notes saved while others search, and while the index is rebuilt: each is searchable as soon as its save returns. */
class ConcurrentWritesTest {
    @TempDir
    Path dir;

    private static long hits(Library library, String query) throws Exception {
        return library.engine().search(SearchRequest.of(query)).total();
    }

    @Test
    void parallelSavesAndSearchesEachSaveSearchableWhenItReturns() throws Exception {
        try (var library = TestCorpus.library(dir)) {
            var failures = new ConcurrentLinkedQueue<Throwable>();
            var writing = new AtomicBoolean(true);
            var searchersUp = new CountDownLatch(2);
            var searchers = new ArrayList<Thread>();
            for (int s = 0; s < 2; s++) {
                searchers.add(Thread.ofPlatform().start(() -> {
                    searchersUp.countDown();
                    while (writing.get()) {
                        try {
                            hits(library, "massage");
                        } catch (Throwable t) {
                            failures.add(t);
                        }
                    }
                }));
            }
            searchersUp.await();
            var writers = new ArrayList<Thread>();
            for (int w = 0; w < 4; w++) {
                String word = "writer" + "abcd".charAt(w) + "word";
                writers.add(Thread.ofPlatform().start(() -> {
                    try {
                        for (int i = 0; i < 5; i++) {
                            library.createNote(new NoteDraft("Note " + word + " " + i, word + " text " + i, List.of(), false));
                            assertThat(hits(library, word)).as("searchable when the save returns").isEqualTo(i + 1);
                        }
                    } catch (Throwable t) {
                        failures.add(t);
                    }
                }));
            }
            for (Thread t : writers) {
                t.join();
            }
            writing.set(false);
            for (Thread t : searchers) {
                t.join();
            }
            assertThat(failures).isEmpty();
            assertThat(Reconciliation.compare(library.corpus(), library.engine().contentVersions()).none()).isTrue();
        }
    }

    @Test
    void aNoteSavedDuringARebuildIsThereAfterTheSwap() throws Exception {
        try (var library = TestCorpus.library(dir)) {
            var saved = new ArrayList<String>();
            library.rebuild(new Library.Progress() {
                @Override
                public void start(int total) {
                }

                @Override
                public void step(int done) {
                    if (saved.isEmpty()) {
                        try {
                            saved.add(library.createNote(new NoteDraft("Mid rebuild", "zanzibar", List.of(), false)).id());
                            assertThat(hits(library, "zanzibar")).isEqualTo(1);
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    }
                }
            });
            assertThat(saved).hasSize(1);
            assertThat(hits(library, "zanzibar")).as("after the swap").isEqualTo(1);
            assertThat(Reconciliation.compare(library.corpus(), library.engine().contentVersions()).none()).isTrue();
        }
    }
}
