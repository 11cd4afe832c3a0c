package org.painsearch.bench;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

/**
 * Vectors at 10k documents: painsearch vectorizing the first documents of the corpus (a fresh index, an empty
 * cache) through {@link PainsearchAdapter}, between two runs of the bare model (langchain4j's all-MiniLM-L6-v2,
 * one thread per core) embedding a sample of the same passages; then hybrid search latency on the result.
 */
final class VectorBench {
    // Passages the bare model embeds before and after painsearch's run: enough for a steady rate.
    static final int SAMPLE = 256;

    private VectorBench() {
    }

    static List<Figure> run(Bench bench, CorpusGenerator generator) throws IOException, InterruptedException {
        int documents = bench.config().vectorDocuments();
        Path corpus = bench.work().resolve("vector-corpus");
        generator.write(corpus, documents, n -> { });
        List<String> sample = sample(corpus);
        int half = sample.size() / 2;
        var bareRates = new ArrayList<Double>();
        PainsearchAdapter.Vectorized vectorized;
        var pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
        try {
            var model = new AllMiniLmL6V2QuantizedEmbeddingModel(pool);
            embed(model, sample.subList(0, 8)); // loads the model, which painsearch's run also pays for once
            bareRates.add(embed(model, sample.subList(0, half)));
            bench.say("vectors: bare model %.1f passages/s; painsearch vectorizing %,d documents …",
                    bareRates.getLast(), documents);
            vectorized = PainsearchAdapter.vectorize(corpus, bench.work().resolve("vector-index"));
            bareRates.add(embed(model, sample.subList(half, sample.size())));
        } finally {
            pool.shutdownNow();
        }
        double seconds = vectorized.millis() / 1000.0;
        double rate = vectorized.passages() / seconds;
        bench.say("vectors: painsearch %,d passages in %.0f s (%.1f/s); bare model %.1f passages/s", vectorized.passages(),
                seconds, rate, bareRates.getLast());
        var figures = new ArrayList<Figure>();
        figures.add(Figure.alone("vectors", String.format("vectorize %,d documents", documents), "s", List.of(seconds),
                String.format("hybrid rebuild from an empty cache: %,d passages embedded, read and index included",
                        vectorized.passages())));
        figures.add(new Figure("vectors", "passages embedded", "passages/s", List.of(rate), bareRates,
                "all-MiniLM-L6-v2 alone, " + Runtime.getRuntime().availableProcessors() + " threads, sample of "
                        + sample.size() + " passages", null));
        try (var hybrid = vectorized.hybrid()) {
            figures.addAll(hybridLatency(bench, hybrid, documents));
        }
        return figures;
    }

    private static List<Figure> hybridLatency(Bench bench, PainsearchAdapter.Searcher hybrid, int documents)
            throws IOException {
        var queries = bench.queries().all();
        for (String q : queries) {
            hybrid.search(q);
        }
        long[] nanos = new long[queries.size() * bench.config().rounds()];
        int n = 0;
        for (int round = 0; round < bench.config().rounds(); round++) {
            for (String q : queries) {
                long t0 = System.nanoTime();
                hybrid.search(q);
                nanos[n++] = System.nanoTime() - t0;
            }
        }
        var l = Latencies.ofNanos(nanos);
        bench.say("vectors: hybrid search p50 %.1f ms, p99 %.1f ms", l.p50Ms(), l.p99Ms());
        String what = String.format("hybrid search at %,d documents", documents);
        return List.of(
                Figure.alone("vectors", what + " p50", "ms", List.of(l.p50Ms()), String.format(
                        "%d queries (short and questions) x %d round(s), one client, in-process", queries.size(),
                        bench.config().rounds())),
                Figure.alone("vectors", what + " p99", "ms", List.of(l.p99Ms()), null));
    }

    // Passages of articles spread through the corpus, as painsearch cuts them.
    private static List<String> sample(Path corpus) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(corpus.resolve("articles"))) {
            files = s.sorted().toList();
        }
        var picked = new ArrayList<Path>();
        int step = Math.max(1, files.size() / SAMPLE);
        for (int i = 0; i < files.size() && picked.size() < SAMPLE; i += step) {
            picked.add(files.get(i));
        }
        List<String> passages = PainsearchAdapter.passages(corpus, picked);
        return passages.subList(0, Math.min(SAMPLE, passages.size()));
    }

    private static double embed(AllMiniLmL6V2QuantizedEmbeddingModel model, List<String> texts) {
        long t0 = System.nanoTime();
        model.embedAll(texts.stream().map(TextSegment::from).toList());
        return texts.size() / ((System.nanoTime() - t0) / 1e9);
    }
}
