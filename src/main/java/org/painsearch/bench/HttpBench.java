package org.painsearch.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The HTTP figures, round after round: {@code painsearch serve} started on the reindexed index and timed to its
 * first answer, then loaded by wrk at 16 connections with short queries, with questions and on {@code /health};
 * then the same for the bare Javalin server on the same index; then bare Lucene doing the same searches in-process
 * on 16 threads.
 */
final class HttpBench {
    static final int CONNECTIONS = 16;
    private static final List<String> HEALTH = List.of("/health");
    static final Duration WARM_UP = Duration.ofSeconds(3);
    // The first JDK whose AOT cache the launcher uses for serve.
    private static final int AOT_CACHE_JDK = 25;

    private HttpBench() {
    }

    /** One side's measurements in one round. */
    private record Side(double firstAnswerSeconds, LoadResult shortQueries, LoadResult questions, LoadResult health) {
    }

    static List<Figure> run(Bench bench, Wrk wrk, Path index) throws IOException, InterruptedException {
        var shortPaths = QuerySet.searchPaths(bench.queries().shortQueries());
        var questionPaths = QuerySet.searchPaths(bench.queries().questions());
        var allPaths = QuerySet.searchPaths(bench.queries().all());
        var ours = new ArrayList<Side>();
        var bare = new ArrayList<Side>();
        var inShort = new ArrayList<LoadResult>();
        var inQuestions = new ArrayList<LoadResult>();
        Duration time = bench.config().loadTime();
        // As the launcher starts serve: from a start-up cache that an earlier start recorded (JDK 25 and newer). The
        // bare server gets one the same way, so both starts are compared on equal terms.
        Child.Jvm oursJvm = bench.jvm();
        Child.Jvm bareJvm = bench.jvm();
        boolean cached = Runtime.version().feature() >= AOT_CACHE_JDK;
        if (cached) {
            Path oursCache = bench.work().resolve("serve.aot");
            Path bareCache = bench.work().resolve("bare-serve.aot");
            try (var server = Servers.painsearch(bench, bench.jvm().with("-XX:AOTCacheOutput=" + oursCache), index,
                    "serve-recording")) {
                run(wrk, server, allPaths, WARM_UP);
            }
            try (var server = Servers.bare(bench, bench.jvm().with("-XX:AOTCacheOutput=" + bareCache), index,
                    "bare-serve-recording")) {
                run(wrk, server, allPaths, WARM_UP);
            }
            cached = Files.isRegularFile(oursCache) && Files.isRegularFile(bareCache);
            if (cached) {
                oursJvm = bench.jvm().with("-XX:AOTCache=" + oursCache);
                bareJvm = bench.jvm().with("-XX:AOTCache=" + bareCache);
            }
            bench.say("http: start-up caches %s", cached ? "recorded for both servers" : "not written; starting without");
        }
        for (int round = 1; round <= bench.config().rounds(); round++) {
            try (var server = Servers.painsearch(bench, oursJvm, index, "serve-" + round)) {
                ours.add(load(wrk, server, allPaths, shortPaths, questionPaths, time));
            }
            bench.say("http round %d: painsearch %s", round, describe(ours.getLast()));
            try (var server = Servers.bare(bench, bareJvm, index, "bare-serve-" + round)) {
                bare.add(load(wrk, server, allPaths, shortPaths, questionPaths, time));
            }
            bench.say("http round %d: bare Javalin %s", round, describe(bare.getLast()));
            try (var search = new BareSearch(index)) {
                InProcessLoad.run(search, bench.queries().all(), CONNECTIONS, WARM_UP);
                inShort.add(InProcessLoad.run(search, bench.queries().shortQueries(), CONNECTIONS, time));
                inQuestions.add(InProcessLoad.run(search, bench.queries().questions(), CONNECTIONS, time));
            }
            bench.say("http round %d: bare Lucene in-process, 16 threads: short %.0f/s, questions %.0f/s", round,
                    inShort.getLast().perSecond(), inQuestions.getLast().perSecond());
        }
        String javalin = "bare Javalin 7 + Lucene, 16 connections";
        String inProcess = "bare Lucene in-process, 16 threads";
        var figures = new ArrayList<Figure>();
        figures.add(new Figure("http", "serve to first answer", "s", values(ours, Side::firstAnswerSeconds),
                values(bare, Side::firstAnswerSeconds), "bare Javalin 7 + Lucene",
                "from starting the JVM to the first 200 for " + Servers.FIRST_QUERY + " on an existing index; "
                        + (cached ? "each server from a start-up cache (JDK AOT cache) recorded by one earlier start "
                        + "of its own, as the launcher starts serve" : "no start-up cache (JDK older than 25)")));
        for (var kind : List.of("short queries", "questions")) {
            java.util.function.Function<Side, LoadResult> pick = kind.equals("short queries") ? Side::shortQueries
                    : Side::questions;
            var in = kind.equals("short queries") ? inShort : inQuestions;
            String note = String.format(java.util.Locale.ROOT, "requests completed over %d round(s) of %d s: painsearch "
                            + "%d, bare Javalin %d, in-process %d; errors or non-2xx answers: painsearch %d, bare %d",
                    ours.size(), time.toSeconds(), sum(ours, pick, LoadResult::requests),
                    sum(bare, pick, LoadResult::requests), in.stream().mapToLong(LoadResult::requests).sum(),
                    sum(ours, pick, LoadResult::errors), sum(bare, pick, LoadResult::errors));
            figures.add(new Figure("http", "/api/search " + kind, "req/s", values(ours, s -> pick.apply(s).perSecond()),
                    values(bare, s -> pick.apply(s).perSecond()), javalin, note));
            figures.add(new Figure("http", "/api/search " + kind, "req/s", values(ours, s -> pick.apply(s).perSecond()),
                    in.stream().map(LoadResult::perSecond).toList(), inProcess, null));
            figures.add(new Figure("http", "/api/search " + kind + " p99", "ms", values(ours, s -> pick.apply(s).p99Ms()),
                    values(bare, s -> pick.apply(s).p99Ms()), javalin, null));
            figures.add(new Figure("http", "/api/search " + kind + " p99", "ms", values(ours, s -> pick.apply(s).p99Ms()),
                    in.stream().map(LoadResult::p99Ms).toList(), inProcess, null));
        }
        figures.add(new Figure("http", "/health", "req/s", values(ours, s -> s.health().perSecond()),
                values(bare, s -> s.health().perSecond()), javalin, null));
        figures.add(new Figure("http", "/health p99", "ms", values(ours, s -> s.health().p99Ms()),
                values(bare, s -> s.health().p99Ms()), javalin, null));
        return figures;
    }

    private static Side load(Wrk wrk, Servers.Running server, List<String> allPaths, List<String> shortPaths,
                             List<String> questionPaths, Duration time) throws IOException, InterruptedException {
        run(wrk, server, allPaths, WARM_UP);
        return new Side(server.firstAnswer().toNanos() / 1e9, run(wrk, server, shortPaths, time),
                run(wrk, server, questionPaths, time), run(wrk, server, HEALTH, time));
    }

    /** One wrk run, then a wait until the server has finished what the run left in flight. */
    static LoadResult run(Wrk wrk, Servers.Running server, List<String> paths, Duration time)
            throws IOException, InterruptedException {
        var result = wrk.run(server.url(), paths, CONNECTIONS, time);
        server.drain();
        return result;
    }

    private static String describe(Side s) {
        return String.format(java.util.Locale.ROOT, "first answer %.2f s; short %.0f/s p99 %.0f ms; questions %.0f/s "
                        + "p99 %.0f ms; /health %.0f/s", s.firstAnswerSeconds(), s.shortQueries().perSecond(),
                s.shortQueries().p99Ms(), s.questions().perSecond(), s.questions().p99Ms(), s.health().perSecond());
    }

    private static long sum(List<Side> sides, java.util.function.Function<Side, LoadResult> pick,
                            java.util.function.ToLongFunction<LoadResult> what) {
        return sides.stream().mapToLong(s -> what.applyAsLong(pick.apply(s))).sum();
    }

    private static List<Double> values(List<Side> sides, java.util.function.ToDoubleFunction<Side> f) {
        return sides.stream().map(s -> f.applyAsDouble(s)).toList();
    }
}
