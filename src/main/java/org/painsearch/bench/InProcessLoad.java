package org.painsearch.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The in-process side of the HTTP figures: bare Lucene doing the same searches as the servers, from as many
 * threads as wrk has connections, for the same time, with no HTTP in between.
 */
final class InProcessLoad {
    private InProcessLoad() {
    }

    static LoadResult run(BareSearch search, List<String> queries, int threads, Duration duration)
            throws InterruptedException {
        long end = System.nanoTime() + duration.toNanos();
        var errors = new AtomicLong();
        var perThread = new ArrayList<long[]>();
        var counts = new int[threads];
        var workers = new ArrayList<Thread>();
        long started = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            int id = t;
            long[] times = new long[1 << 17];
            perThread.add(times);
            workers.add(Thread.ofPlatform().name("bench-load-" + t).start(() -> {
                int i = id * 7;
                while (System.nanoTime() < end && counts[id] < times.length) {
                    String q = queries.get(i++ % queries.size());
                    long t0 = System.nanoTime();
                    try {
                        search.search(q);
                    } catch (IOException | RuntimeException e) {
                        errors.incrementAndGet();
                    }
                    times[counts[id]++] = System.nanoTime() - t0;
                }
            }));
        }
        for (Thread w : workers) {
            w.join();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        int total = 0;
        for (int c : counts) {
            total += c;
        }
        long[] all = new long[total];
        int at = 0;
        for (int t = 0; t < threads; t++) {
            System.arraycopy(perThread.get(t), 0, all, at, counts[t]);
            at += counts[t];
        }
        var latencies = Latencies.ofNanos(all);
        return new LoadResult(total, seconds, total / seconds, latencies.p50Ms(), latencies.p99Ms(), errors.get());
    }
}
