package org.painsearch.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * In-process search latency, one client: painsearch's search (ranking, snippets, facets, citing notes) through
 * {@link PainsearchAdapter} against {@link BareSearch} on the same index. Both are warmed up by
 * one pass over every query; then each round runs every query on both, alternating which goes first.
 */
final class SearchBench {
    private SearchBench() {
    }

    /** Times in nanoseconds by engine and kind of query, and queries answered with at least one hit. */
    private static final class Samples {
        final List<Long> ours = new ArrayList<>();
        final List<Long> bare = new ArrayList<>();
        int oursFound;
        int bareFound;
    }

    static List<Figure> run(Bench bench, Path index) throws IOException {
        var queries = bench.queries();
        try (var ours = PainsearchAdapter.open(bench.corpus(), index); var bare = new BareSearch(index)) {
            for (String q : queries.all()) {
                ours.search(q);
                bare.search(q);
            }
            bench.say("search: warmed up with %d queries on each side", queries.all().size());
            var shortOnes = new Samples();
            var questions = new Samples();
            for (int round = 1; round <= bench.config().rounds(); round++) {
                measure(ours, bare, queries.shortQueries(), shortOnes, round);
                measure(ours, bare, queries.questions(), questions, round);
            }
            var figures = new ArrayList<Figure>();
            figures.addAll(figures("short queries", shortOnes, queries.shortQueries().size(), bench.config().rounds()));
            figures.addAll(figures("questions", questions, queries.questions().size(), bench.config().rounds()));
            bench.say("search: short p50 %.1f ms vs %.1f ms, questions p50 %.1f ms vs %.1f ms",
                    figures.get(0).value(), figures.get(0).bareValue(), figures.get(2).value(),
                    figures.get(2).bareValue());
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
        long t0 = System.nanoTime();
        int hits = ours.search(q);
        into.ours.add(System.nanoTime() - t0);
        if (round == 1 && hits > 0) {
            into.oursFound++;
        }
    }

    private static void timeBare(BareSearch bare, String q, Samples into, int round) throws IOException {
        long t0 = System.nanoTime();
        int hits = bare.search(q).hits().size();
        into.bare.add(System.nanoTime() - t0);
        if (round == 1 && hits > 0) {
            into.bareFound++;
        }
    }

    private static List<Figure> figures(String kind, Samples s, int queries, int rounds) {
        var ours = Latencies.ofNanos(s.ours.stream().mapToLong(Long::longValue).toArray());
        var bare = Latencies.ofNanos(s.bare.stream().mapToLong(Long::longValue).toArray());
        String baseline = "Lucene top 10 + UnifiedHighlighter, same index";
        String note = String.format("%d %s x %d round(s), percentiles over every request; painsearch found hits for %d, "
                + "bare Lucene for %d%s", queries, kind, rounds, s.oursFound, s.bareFound, kind.equals("short queries")
                ? " (painsearch expands synonyms and needs every word of a short query; the bare search matches any "
                        + "word, without synonyms)" : "");
        return List.of(
                new Figure("search", kind + " p50", "ms", List.of(ours.p50Ms()), List.of(bare.p50Ms()), baseline, note),
                new Figure("search", kind + " p99", "ms", List.of(ours.p99Ms()), List.of(bare.p99Ms()), baseline, null));
    }
}
