package org.painsearch.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Search under a 512 MB heap: {@code painsearch serve} and the bare server each started with {@code -Xmx512m},
 * loaded by wrk at 16 connections with every query (short and long) in turn, alternately, round after round.
 * A server that runs out of memory shows as errors, or, when it dies, as this part not measured, with the reason.
 */
final class HeapBench {
    static final String HEAP = "-Xmx512m";

    private HeapBench() {
    }

    static List<Figure> run(Bench bench, Wrk wrk, Path index) throws IOException, InterruptedException {
        var paths = QuerySet.searchPaths(bench.queries().all());
        Child.Jvm small = bench.jvm().with(HEAP);
        var ours = new ArrayList<LoadResult>();
        var bare = new ArrayList<LoadResult>();
        var oursRss = new ArrayList<Double>();
        var bareRss = new ArrayList<Double>();
        for (int round = 1; round <= bench.config().rounds(); round++) {
            // Warmed up as in the HTTP part, so both are measured past their first seconds of compiling.
            try (var server = Servers.painsearch(bench, small, index, "serve-512m-" + round)) {
                HttpBench.run(wrk, server, paths, HttpBench.WARM_UP);
                ours.add(HttpBench.run(wrk, server, paths, bench.config().loadTime()));
                oursRss.add(server.child().peakRssBytes() / 1e6);
            }
            try (var server = Servers.bare(bench, small, index, "bare-serve-512m-" + round)) {
                HttpBench.run(wrk, server, paths, HttpBench.WARM_UP);
                bare.add(HttpBench.run(wrk, server, paths, bench.config().loadTime()));
                bareRss.add(server.child().peakRssBytes() / 1e6);
            }
            bench.say("512 MB heap round %d: painsearch %.0f/s p99 %.0f ms (%d errors), bare %.0f/s p99 %.0f ms",
                    round, ours.getLast().perSecond(), ours.getLast().p99Ms(), ours.getLast().errors(),
                    bare.getLast().perSecond(), bare.getLast().p99Ms());
        }
        long oursErrors = ours.stream().mapToLong(LoadResult::errors).sum();
        long bareErrors = bare.stream().mapToLong(LoadResult::errors).sum();
        String note = "both servers started with " + HEAP + ", warmed up for " + HttpBench.WARM_UP.toSeconds()
                + " s, then all queries in turn; requests completed: painsearch "
                + ours.stream().mapToLong(LoadResult::requests).sum() + ", bare "
                + bare.stream().mapToLong(LoadResult::requests).sum() + "; errors or non-2xx answers: painsearch "
                + oursErrors + ", bare " + bareErrors;
        String baseline = "bare Javalin 7 + Lucene, " + HEAP;
        return List.of(
                new Figure("heap 512 MB", "/api/search all queries", "req/s",
                        ours.stream().map(LoadResult::perSecond).toList(), bare.stream().map(LoadResult::perSecond).toList(),
                        baseline, note),
                new Figure("heap 512 MB", "/api/search all queries p99", "ms",
                        ours.stream().map(LoadResult::p99Ms).toList(), bare.stream().map(LoadResult::p99Ms).toList(),
                        baseline, null),
                new Figure("heap 512 MB", "server peak RSS", "MB", oursRss, bareRss, baseline, null));
    }
}
