package org.painsearch.notes;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bookmarks added at the same moment by many requests (and by two stores over one file) are all kept. */
class BookmarkConcurrencyTest {
    @TempDir
    Path dir;

    @Test
    void concurrentAddsNeitherFailNorLoseABookmark() throws Exception {
        Path file = dir.resolve("bookmarks.json");
        // Two stores over one file, as the server and a command line in one process would have.
        var stores = new BookmarkStore[] {new BookmarkStore(file, Clock.systemUTC()), new BookmarkStore(file, Clock.systemUTC())};
        int threads = 8;
        int each = 20;
        var start = new CountDownLatch(1);
        var tasks = new ArrayList<Callable<Void>>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            tasks.add(() -> {
                start.await();
                for (int i = 0; i < each; i++) {
                    stores[(thread + i) % 2].add("search:q=thread" + thread + "-" + i, null);
                }
                return null;
            });
        }
        try (var pool = Executors.newFixedThreadPool(threads)) {
            var futures = tasks.stream().map(pool::submit).toList();
            start.countDown();
            for (var f : futures) {
                f.get();
            }
        }
        var all = stores[0].list();
        assertThat(all).hasSize(threads * each);
        assertThat(all).extracting(Bookmark::id).doesNotHaveDuplicates();
    }
}
