package org.painsearch.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.painsearch.TestCorpus;
import org.painsearch.corpus.DocType;
import org.painsearch.corpus.Document;

/** Autocomplete answered while the index changes underneath: no request reads a suggester a rebuild closed. */
class SuggestionsConcurrencyTest {
    @TempDir
    Path dir;

    @Test
    void suggestionsStayReadableWhileRebuildsReplaceTheSuggester() throws Exception {
        try (var library = TestCorpus.library(dir)) {
            var failures = new ConcurrentLinkedQueue<Throwable>();
            var writing = new AtomicBoolean(true);
            var readersUp = new CountDownLatch(4);
            var readers = new java.util.ArrayList<Thread>();
            for (int r = 0; r < 4; r++) {
                readers.add(Thread.ofPlatform().start(() -> {
                    readersUp.countDown();
                    while (writing.get()) {
                        try {
                            library.engine().suggest("mas", 5);
                        } catch (Throwable t) {
                            failures.add(t);
                        }
                    }
                }));
            }
            readersUp.await();
            for (int i = 0; i < 20; i++) {
                library.engine().flush(); // each write searchable before the next suggestion, as a note save is
                library.engine().write(new Document("moving-" + i % 3, DocType.ARTICLE, "Massage stroke " + i, null,
                        List.of(), null, null, List.of("massage"), null, null, null, "Massage pressure and pain " + i,
                        List.of(), null), null);
                library.engine().flush();
                library.engine().suggest("mass", 5); // rebuilds for the new index version
            }
            writing.set(false);
            for (Thread t : readers) {
                t.join();
            }
            assertThat(failures).isEmpty();
            assertThat(library.engine().suggest("massage st", 5)).extracting(org.painsearch.engine.Suggestion::text)
                    .anyMatch(t -> t.startsWith("Massage stroke"));
        }
    }
}
