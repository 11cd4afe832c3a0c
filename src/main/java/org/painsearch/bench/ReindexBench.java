package org.painsearch.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Reindex throughput and peak memory: {@code painsearch reindex --ranking bm25} and the {@link BareIndexer} loop,
 * each a fresh child JVM over the same corpus into a fresh folder, alternately, round after round. Documents per
 * second count the child's whole life, JVM start included, for both alike.
 */
final class ReindexBench {
    private static final Duration LIMIT = Duration.ofMinutes(60);

    private ReindexBench() {
    }

    /** The figures, and painsearch's index of the last round, which the search figures then use. */
    record Result(List<Figure> figures, Path painsearchIndex) {
    }

    /**
     * Reindexes round after round against the bare loop; with {@code measured} false (a run of other parts only),
     * painsearch reindexes once, without its baseline, and no figure is returned.
     */
    static Result run(Bench bench, int documents, boolean measured) throws IOException, InterruptedException {
        int rounds = measured ? bench.config().rounds() : 1;
        var rate = new ArrayList<Double>();
        var bareRate = new ArrayList<Double>();
        var rss = new ArrayList<Double>();
        var bareRss = new ArrayList<Double>();
        Path ours = null;
        Path bare = null;
        for (int round = 1; round <= rounds; round++) {
            Scratch.deleteTree(ours);
            ours = bench.work().resolve("painsearch-index-" + round);
            var child = Child.start(bench.jvm().painsearch("reindex", "--ranking", "bm25", "--corpus",
                    bench.corpus().toString(), "--index", ours.toString()), bench.work().resolve("reindex-" + round + ".log"));
            double seconds = child.awaitSuccess(LIMIT).toNanos() / 1e9;
            rate.add(documents / seconds);
            rss.add(child.peakRssBytes() / 1e6);
            bench.say("reindex round %d: painsearch %.1f s (%.0f docs/s, peak RSS %.0f MB)", round, seconds,
                    documents / seconds, child.peakRssBytes() / 1e6);
            if (!measured) {
                return new Result(List.of(), ours);
            }

            Scratch.deleteTree(bare);
            bare = bench.work().resolve("bare-index-" + round);
            var baseline = Child.start(bench.jvm().main(BareIndexer.class, bench.corpus().toString(), bare.toString()),
                    bench.work().resolve("bare-reindex-" + round + ".log"));
            double bareSeconds = baseline.awaitSuccess(LIMIT).toNanos() / 1e9;
            bareRate.add(documents / bareSeconds);
            bareRss.add(baseline.peakRssBytes() / 1e6);
            bench.say("reindex round %d: bare Lucene %.1f s (%.0f docs/s, peak RSS %.0f MB)", round, bareSeconds,
                    documents / bareSeconds, baseline.peakRssBytes() / 1e6);
        }
        String baseline = "Lucene IndexWriter loop, " + Runtime.getRuntime().availableProcessors()
                + " threads, same files and analyzer";
        var figures = List.of(
                new Figure("reindex", "BM25 reindex", "docs/s", rate, bareRate, baseline,
                        "reindex and the bare loop each run in a fresh child JVM; the time is the child's whole life"),
                new Figure("reindex", "peak RSS", "MB", rss, bareRss, baseline,
                        "VmHWM of the child JVM, sampled every 50 ms; both run with the JVM's default heap (at most "
                                + "a quarter of the memory), so memory a lazy collector leaves unreclaimed counts too"));
        Scratch.deleteTree(bare);
        return new Result(figures, ours);
    }
}
