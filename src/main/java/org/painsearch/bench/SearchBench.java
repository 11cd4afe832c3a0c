package org.painsearch.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * In-process search latency, one client: painsearch's search (ranking, snippets, facets, citing notes) through
 * {@link PainsearchAdapter} against {@link BareSearch} on the same index. Both are warmed up by
 * passes over every query for {@link #WARM_UP} (both sides together); then each round runs every query on both,
 * alternating which goes first.
 */
final class SearchBench {
    private SearchBench() {
    }

    // Both sides together; a pass over 230 queries takes a few seconds at 100,000 documents.
    private static final java.time.Duration WARM_UP = java.time.Duration.ofSeconds(15);

    // CPU time of the searching thread (and painsearch's search threads): what a search costs, whatever else the
    // machine is running at the time.
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** Times in nanoseconds by engine and kind of query (wall clock and CPU), and queries answered with a hit. */
    private static final class Samples {
        final List<Long> ours = new ArrayList<>();
        final List<Long> bare = new ArrayList<>();
        final List<Long> oursCpu = new ArrayList<>();
        final List<Long> bareCpu = new ArrayList<>();
        int oursFound;
        int bareFound;
    }

    private static final String CPU_NOTE = "CPU time of the searching thread per search, with painsearch's search "
            + "threads' (what it costs, less sensitive than the wall clock to other work on a shared machine)";

    static List<Figure> run(Bench bench, Path index) throws IOException {
        var queries = bench.queries();
        try (var ours = PainsearchAdapter.open(bench.corpus(), index); var bare = new BareSearch(index)) {
            // Passes over every query until both sides have run for the warm-up time: after one pass painsearch's
            // larger code is still being compiled, and the first timed round measured the JIT more than a search.
            int passes = 0;
            long warmUntil = System.nanoTime() + WARM_UP.toNanos();
            do {
                for (String q : queries.all()) {
                    ours.search(q);
                    bare.search(q);
                }
                passes++;
            } while (System.nanoTime() < warmUntil);
            bench.say("search: warmed up with %d pass(es) over %d queries on each side", passes, queries.all().size());
            var shortOnes = new Samples();
            var questions = new Samples();
            for (int round = 1; round <= bench.config().rounds(); round++) {
                measure(ours, bare, queries.shortQueries(), shortOnes, round);
                measure(ours, bare, queries.questions(), questions, round);
            }
            var figures = new ArrayList<Figure>();
            figures.addAll(figures("short queries", shortOnes, queries.shortQueries().size(), bench.config().rounds()));
            figures.addAll(figures("questions", questions, queries.questions().size(), bench.config().rounds()));
            int perKind = figures.size() / 2;
            bench.say("search: short p50 %.1f ms vs %.1f ms, questions p50 %.1f ms vs %.1f ms",
                    figures.get(0).value(), figures.get(0).bareValue(), figures.get(perKind).value(),
                    figures.get(perKind).bareValue());
            return figures;
        }
    }

    private static void measure(PainsearchAdapter.Searcher ours, BareSearch bare, List<String> queries, Samples into,
                                 int round) throws IOException {
        for (int i = 0; i < queries.size(); i++) {
            String q = queries.get(i);
            // Whoever goes second may find the data its rival just read in the page cache; take turns.
            if ((i + round) % 2 == 0) {
                timeOurs(ours, q, into, round);
                timeBare(bare, q, into, round);
            } else {
                timeBare(bare, q, into, round);
                timeOurs(ours, q, into, round);
            }
        }
    }

    private static void timeOurs(PainsearchAdapter.Searcher ours, String q, Samples into, int round) throws IOException {
        // Painsearch spreads a question's passes over both cores: its search threads' time counts too.
        long cpu0 = THREADS.getCurrentThreadCpuTime() + PainsearchAdapter.searchThreadsCpuNanos();
        long t0 = System.nanoTime();
        int hits = ours.search(q);
        into.ours.add(System.nanoTime() - t0);
        into.oursCpu.add(THREADS.getCurrentThreadCpuTime() + PainsearchAdapter.searchThreadsCpuNanos() - cpu0);
        if (round == 1 && hits > 0) {
            into.oursFound++;
        }
    }

    private static void timeBare(BareSearch bare, String q, Samples into, int round) throws IOException {
        long cpu0 = THREADS.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        int hits = bare.search(q).hits().size();
        into.bare.add(System.nanoTime() - t0);
        into.bareCpu.add(THREADS.getCurrentThreadCpuTime() - cpu0);
        if (round == 1 && hits > 0) {
            into.bareFound++;
        }
    }

    private static List<Figure> figures(String kind, Samples s, int queries, int rounds) {
        var ours = Latencies.ofNanos(s.ours.stream().mapToLong(Long::longValue).toArray());
        var bare = Latencies.ofNanos(s.bare.stream().mapToLong(Long::longValue).toArray());
        var oursCpu = Latencies.ofNanos(s.oursCpu.stream().mapToLong(Long::longValue).toArray());
        var bareCpu = Latencies.ofNanos(s.bareCpu.stream().mapToLong(Long::longValue).toArray());
        String baseline = "Lucene top 10 + UnifiedHighlighter, same index";
        String note = String.format("%d %s x %d round(s), percentiles over every request; painsearch found hits for %d, "
                + "bare Lucene for %d%s", queries, kind, rounds, s.oursFound, s.bareFound, kind.equals("short queries")
                ? " (painsearch expands synonyms and needs every word of a short query; the bare search matches any "
                        + "word, without synonyms)" : "");
        return List.of(
                new Figure("search", kind + " p50", "ms", List.of(ours.p50Ms()), List.of(bare.p50Ms()), baseline, note),
                new Figure("search", kind + " p99", "ms", List.of(ours.p99Ms()), List.of(bare.p99Ms()), baseline, null),
                new Figure("search", kind + " CPU p50", "ms", List.of(oursCpu.p50Ms()), List.of(bareCpu.p50Ms()),
                        baseline, CPU_NOTE),
                new Figure("search", kind + " CPU p99", "ms", List.of(oursCpu.p99Ms()), List.of(bareCpu.p99Ms()),
                        baseline, null));
    }
}
