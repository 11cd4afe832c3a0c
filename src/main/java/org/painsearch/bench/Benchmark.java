package org.painsearch.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * One bench run: generates the corpus in a scratch folder, measures reindex, in-process search, HTTP, search in a
 * 512 MB heap and vectors, each against its baseline, and deletes the scratch folder. Needs the built jar, since
 * painsearch and the baselines run as child JVMs from it.
 */
public final class Benchmark {
    private Benchmark() {
    }

    /**
     * Runs the bench; progress goes to {@code out}, and the report to {@code measured} before the scratch folder is
     * deleted (which takes minutes for a large corpus).
     *
     * @throws IOException with a readable reason when a part cannot run (no jar, no collections, a child failing)
     */
    public static Report run(BenchConfig config, PrintWriter out, Measured measured)
            throws IOException, InterruptedException {
        long started = System.nanoTime();
        String startedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        Child.Jvm jvm = jvm();
        Files.createDirectories(config.scratch());
        Path work = Files.createTempDirectory(config.scratch(), "painsearch-bench-");
        var cleanUp = new Thread(() -> {
            Child.stopAll();
            try {
                Scratch.deleteTree(work);
            } catch (IOException e) {
                // exiting anyway; the folder is in the temporary folder
            }
        }, "bench-clean-up");
        Runtime.getRuntime().addShutdownHook(cleanUp);
        try (var load = new LoadWatch()) {
            out.printf("reading the collections in %s …%n", config.evalDir());
            out.flush();
            var texts = SourceTexts.load(config.evalDir());
            var generator = new CorpusGenerator(texts, CorpusGenerator.SEED);
            Path corpus = work.resolve("corpus");
            var bench = new Bench(config, work, corpus, jvm, QuerySet.of(texts.questions(), config.questions()), out,
                    started);
            bench.say("generating %,d documents from %s into %s …", config.documents(), config.evalDir(), corpus);
            var written = generator.write(corpus, config.documents(), n -> {
                if (n % 25_000 == 0 && n < config.documents()) {
                    bench.say("generated %,d documents …", n);
                }
            });
            copySynonyms(jvm.home(), corpus);
            bench.say("generated %,d articles, %,d podcasts, %,d notes (%.0f MB)", written.articles(), written.podcasts(),
                    written.notes(), written.bytes() / 1e6);
            // Only the HTTP, heap and OpenSearch parts load a server with wrk.
            Wrk wrk = config.runs(BenchConfig.Part.HTTP) || config.runs(BenchConfig.Part.HEAP)
                    || config.runs(BenchConfig.Part.OPENSEARCH) ? Wrk.find(work, out) : null;

            var figures = new ArrayList<Figure>();
            var problems = new ArrayList<String>();
            // Without an index nothing else can run, so a failed reindex ends the run. Not measured, it is built once.
            var reindex = ReindexBench.run(bench, written.total(), config.runs(BenchConfig.Part.REINDEX));
            figures.addAll(reindex.figures());
            // From here on both sides search painsearch's index: the bare baselines read it as bare Lucene would.
            Path index = reindex.painsearchIndex();
            if (config.runs(BenchConfig.Part.SEARCH)) {
                part(bench, "search", () -> SearchBench.run(bench, index), figures, problems);
            }
            if (config.runs(BenchConfig.Part.HTTP)) {
                part(bench, "http", () -> HttpBench.run(bench, wrk, index), figures, problems);
            }
            if (config.runs(BenchConfig.Part.HEAP)) {
                part(bench, "heap 512 MB", () -> HeapBench.run(bench, wrk, index), figures, problems);
            }
            if (config.runs(BenchConfig.Part.OPENSEARCH)) {
                part(bench, "opensearch", () -> OpenSearchBench.run(bench, wrk, written.total()), figures, problems);
            }
            if (config.runs(BenchConfig.Part.VECTORS)) {
                part(bench, "vectors", () -> VectorBench.run(bench, generator), figures, problems);
            }
            var report = new Report(written, CorpusGenerator.SEED, Runtime.getRuntime().availableProcessors(),
                    config.rounds(), startedAt, (System.nanoTime() - started) / 1e9, load.load(), figures, problems);
            measured.accept(report);
            return report;
        } finally {
            Child.stopAll();
            out.println("removing the scratch folder " + work + " …");
            out.flush();
            Scratch.deleteTree(work);
            try {
                Runtime.getRuntime().removeShutdownHook(cleanUp);
            } catch (IllegalStateException e) {
                // the JVM is already exiting (Ctrl+C), and the hook is cleaning up
            }
        }
    }

    /** What to do with the report as soon as it is complete: print it, write it. */
    @FunctionalInterface
    public interface Measured {
        void accept(Report report) throws IOException;
    }

    /** One part of the run, measured on its own. */
    private interface Part {
        List<Figure> run() throws IOException, InterruptedException;
    }

    // A part that fails (a server that runs out of memory, say) is reported and the next part still runs.
    private static void part(Bench bench, String name, Part part, List<Figure> figures, List<String> problems)
            throws InterruptedException {
        try {
            figures.addAll(part.run());
        } catch (IOException | RuntimeException e) {
            String reason = name + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            problems.add(reason);
            bench.say("could not measure %s", reason);
        } finally {
            Child.stopAll();
        }
    }

    // The synonyms of the install's own corpus, so searches expand abbreviations as the user's do.
    private static void copySynonyms(Path home, Path corpus) throws IOException {
        Path synonyms = home.resolve("corpus").resolve("synonyms.txt");
        if (Files.isRegularFile(synonyms)) {
            Files.copy(synonyms, corpus.resolve("synonyms.txt"));
        }
    }

    // The java running this process and the jar it runs from: the children use the same.
    private static Child.Jvm jvm() throws IOException {
        Path java = ProcessHandle.current().info().command().map(Path::of)
                .orElseThrow(() -> new IOException("cannot tell which java runs the bench"));
        Path jar;
        try {
            jar = Path.of(Benchmark.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | RuntimeException e) {
            throw new IOException("cannot find the painsearch jar: " + e.getMessage(), e);
        }
        if (!jar.toString().endsWith(".jar")) {
            throw new IOException("the bench starts painsearch from its jar; run it as ./painsearch bench (found "
                    + jar + ")");
        }
        Path home = Path.of(System.getProperty("painsearch.home", ".")).toAbsolutePath().normalize();
        return new Child.Jvm(java, jar, home, List.of());
    }
}
