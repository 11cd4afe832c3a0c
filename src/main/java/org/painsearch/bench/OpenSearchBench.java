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
 * figure, so a ratio says how the cluster compares. The cluster's index (alias {@code painsearch-bench}) is deleted at
 * the end.
 */
final class OpenSearchBench {
    static final String ALIAS = "painsearch-bench";
    private static final Duration LIMIT = Duration.ofMinutes(60);
    private static final Duration WARM_UP = Duration.ofSeconds(15);
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final String BASELINE = "painsearch on its embedded index, same corpus, queries and machine";

    private OpenSearchBench() {
    }

    static List<Figure> run(Bench bench, int documents) throws IOException, InterruptedException {
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

    private static void time(PainsearchAdapter.Searcher searcher, String q, List<Long> wall, List<Long> cpu)
            throws IOException {
        long cpu0 = THREADS.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        searcher.search(q);
        wall.add(System.nanoTime() - t0);
        if (cpu != null) {
            cpu.add(THREADS.getCurrentThreadCpuTime() - cpu0);
        }
    }
}
