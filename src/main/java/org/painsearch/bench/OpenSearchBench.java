package org.painsearch.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * painsearch on an OpenSearch cluster beside painsearch on its embedded index, on the same corpus and queries:
 * {@code reindex} docs/s (each a fresh child JVM, alternately, round after round; the cluster's own processes are not
 * in the child's memory and are not counted) and one client's search latency in process (ranking, snippets, facets,
 * citing notes), after a warm-up of both, alternating which goes first. The embedded side is the baseline of each
 * figure, so a ratio says how the cluster compares. Then {@code painsearch serve} on each, loaded by wrk at 16
 * connections with short queries and with questions, alternately. The cluster's index (alias
 * {@code painsearch-bench}) is deleted at the end.
 */
final class OpenSearchBench {
    static final String ALIAS = "painsearch-bench";
    private static final Duration LIMIT = Duration.ofMinutes(60);
    private static final Duration WARM_UP = Duration.ofSeconds(15);
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final String BASELINE = "painsearch on its embedded index, same corpus, queries and machine";

    private OpenSearchBench() {
    }

    static List<Figure> run(Bench bench, Wrk wrk, int documents) throws IOException, InterruptedException {
        String url = bench.config().openSearchUrl();
        var cluster = PainsearchAdapter.onCluster(bench.corpus(), bench.work().resolve("unused-index"), url, ALIAS);
        try {
            var rates = new ArrayList<Double>();
            var embeddedRates = new ArrayList<Double>();
            Path embedded = null;
            for (int round = 1; round <= bench.config().rounds(); round++) {
                double seconds = reindex(bench, round, "opensearch", "--backend", "opensearch", "--opensearch-url", url,
                        "--opensearch-index", ALIAS);
                rates.add(documents / seconds);
                Scratch.deleteTree(embedded);
                embedded = bench.work().resolve("opensearch-part-embedded-" + round);
                double embeddedSeconds = reindex(bench, round, "embedded", "--index", embedded.toString());
                embeddedRates.add(documents / embeddedSeconds);
                bench.say("opensearch round %d: reindex %.1f s on the cluster (%.0f docs/s), %.1f s embedded (%.0f docs/s)",
                        round, seconds, documents / seconds, embeddedSeconds, documents / embeddedSeconds);
            }
            var figures = new ArrayList<Figure>();
            figures.add(new Figure("opensearch", "BM25 reindex on the cluster", "docs/s", rates, embeddedRates, BASELINE,
                    "reindex --backend opensearch against reindex, each a fresh child JVM; the time is the child's whole "
                            + "life (on the cluster: a new index filled by _bulk, then the alias moved)"));
            figures.addAll(search(bench, cluster, embedded));
            figures.addAll(http(bench, wrk, url, embedded));
            Scratch.deleteTree(embedded);
            return figures;
        } finally {
            PainsearchAdapter.drop(cluster);
        }
    }

    private static double reindex(Bench bench, int round, String name, String... where)
            throws IOException, InterruptedException {
        var args = new ArrayList<>(List.of("reindex", "--ranking", "bm25", "--corpus", bench.corpus().toString()));
        args.addAll(List.of(where));
        var child = Child.start(bench.jvm().painsearch(args.toArray(String[]::new)),
                bench.work().resolve("opensearch-part-reindex-" + name + "-" + round + ".log"));
        return child.awaitSuccess(LIMIT).toNanos() / 1e9;
    }

    private static List<Figure> search(Bench bench, org.painsearch.engine.EngineConfig cluster, Path embeddedIndex)
            throws IOException {
        var queries = bench.queries().all();
        try (var onCluster = PainsearchAdapter.open(cluster);
             var embedded = PainsearchAdapter.open(bench.corpus(), embeddedIndex)) {
            long warmUntil = System.nanoTime() + WARM_UP.toNanos();
            do {
                for (String q : queries) {
                    onCluster.search(q);
                    embedded.search(q);
                }
            } while (System.nanoTime() < warmUntil);
            var ours = new ArrayList<Long>();
            var base = new ArrayList<Long>();
            var oursCpu = new ArrayList<Long>();
            for (int round = 1; round <= bench.config().rounds(); round++) {
                for (int i = 0; i < queries.size(); i++) {
                    String q = queries.get(i);
                    if ((i + round) % 2 == 0) {
                        time(onCluster, q, ours, oursCpu);
                        time(embedded, q, base, null);
                    } else {
                        time(embedded, q, base, null);
                        time(onCluster, q, ours, oursCpu);
                    }
                }
            }
            var o = Latencies.ofNanos(ours.stream().mapToLong(Long::longValue).toArray());
            var b = Latencies.ofNanos(base.stream().mapToLong(Long::longValue).toArray());
            var cpu = Latencies.ofNanos(oursCpu.stream().mapToLong(Long::longValue).toArray());
            String note = String.format("%d queries (short ones and questions) x %d round(s), one client, in process; "
                    + "painsearch's own thread used %.1f ms CPU per search at p50 on the cluster side (the rest is the "
                    + "cluster's work and the wire)", queries.size(), bench.config().rounds(), cpu.p50Ms());
            bench.say("opensearch: search p50 %.1f ms on the cluster vs %.1f ms embedded", o.p50Ms(), b.p50Ms());
            return List.of(
                    new Figure("opensearch", "search p50 on the cluster", "ms", List.of(o.p50Ms()), List.of(b.p50Ms()),
                            BASELINE, note),
                    new Figure("opensearch", "search p99 on the cluster", "ms", List.of(o.p99Ms()), List.of(b.p99Ms()),
                            BASELINE, null));
        }
    }

    // serve on the cluster and serve on the embedded index, each loaded by wrk in turn, round after round.
    private static List<Figure> http(Bench bench, Wrk wrk, String url, Path embeddedIndex)
            throws IOException, InterruptedException {
        var shortPaths = QuerySet.searchPaths(bench.queries().shortQueries());
        var questionPaths = QuerySet.searchPaths(bench.queries().questions());
        var allPaths = QuerySet.searchPaths(bench.queries().all());
        var time = bench.config().loadTime();
        var oursShort = new ArrayList<LoadResult>();
        var oursQuestions = new ArrayList<LoadResult>();
        var baseShort = new ArrayList<LoadResult>();
        var baseQuestions = new ArrayList<LoadResult>();
        for (int round = 1; round <= bench.config().rounds(); round++) {
            try (var server = Servers.painsearch(bench, bench.jvm(), "opensearch-serve-" + round, "--backend",
                    "opensearch", "--opensearch-url", url, "--opensearch-index", ALIAS)) {
                HttpBench.run(wrk, server, allPaths, HttpBench.WARM_UP);
                oursShort.add(HttpBench.run(wrk, server, shortPaths, time));
                oursQuestions.add(HttpBench.run(wrk, server, questionPaths, time));
            }
            try (var server = Servers.painsearch(bench, bench.jvm(), embeddedIndex, "opensearch-part-serve-" + round)) {
                HttpBench.run(wrk, server, allPaths, HttpBench.WARM_UP);
                baseShort.add(HttpBench.run(wrk, server, shortPaths, time));
                baseQuestions.add(HttpBench.run(wrk, server, questionPaths, time));
            }
            bench.say("opensearch http round %d: short %.0f/s on the cluster vs %.0f/s embedded; questions %.0f/s vs "
                            + "%.0f/s", round, oursShort.getLast().perSecond(), baseShort.getLast().perSecond(),
                    oursQuestions.getLast().perSecond(), baseQuestions.getLast().perSecond());
        }
        var figures = new ArrayList<Figure>();
        for (var kind : List.of("short queries", "questions")) {
            var ours = kind.equals("short queries") ? oursShort : oursQuestions;
            var base = kind.equals("short queries") ? baseShort : baseQuestions;
            String note = String.format(java.util.Locale.ROOT, "serve --backend opensearch against serve, %d "
                            + "connections (wrk), %d round(s) of %d s; requests completed: cluster %d, embedded %d; "
                            + "errors or non-2xx answers: cluster %d, embedded %d", HttpBench.CONNECTIONS, ours.size(),
                    time.toSeconds(), ours.stream().mapToLong(LoadResult::requests).sum(),
                    base.stream().mapToLong(LoadResult::requests).sum(),
                    ours.stream().mapToLong(LoadResult::errors).sum(), base.stream().mapToLong(LoadResult::errors).sum());
            figures.add(new Figure("opensearch", "/api/search " + kind + " on the cluster", "req/s",
                    ours.stream().map(LoadResult::perSecond).toList(), base.stream().map(LoadResult::perSecond).toList(),
                    BASELINE, note));
            figures.add(new Figure("opensearch", "/api/search " + kind + " p99 on the cluster", "ms",
                    ours.stream().map(LoadResult::p99Ms).toList(), base.stream().map(LoadResult::p99Ms).toList(),
                    BASELINE, null));
        }
        return figures;
    }

    private static void time(PainsearchAdapter.Searcher searcher, String q, List<Long> wall, List<Long> cpu)
            throws IOException {
        // The embedded index spreads a question's passes over both cores: its search threads' time counts too.
        long cpu0 = THREADS.getCurrentThreadCpuTime() + PainsearchAdapter.searchThreadsCpuNanos();
        long t0 = System.nanoTime();
        searcher.search(q);
        wall.add(System.nanoTime() - t0);
        if (cpu != null) {
            cpu.add(THREADS.getCurrentThreadCpuTime() + PainsearchAdapter.searchThreadsCpuNanos() - cpu0);
        }
    }
}
