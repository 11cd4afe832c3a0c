package org.painsearch.cli;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.Callable;
import org.painsearch.eval.BeirCollection;
import org.painsearch.eval.Evaluation;
import org.painsearch.engine.EngineConfig;
import org.painsearch.engine.Engines;
import org.painsearch.engine.RankingMode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code painsearch eval DIR}: measures ranking on a judged BEIR-layout collection. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {"Measure ranking on a judged collection in BEIR layout (corpus.jsonl, queries.jsonl, "
                + "qrels/SPLIT.tsv): its documents go into a temporary index with painsearch's own schema and "
                + "analysis, its queries through painsearch's own search.",
                "The last line is: nDCG@10=... Recall@100=... MRR@10=... queries=N (trec_eval definitions; "
                        + "queries without a relevant judgment are left out)."},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:measured", "1:the collection could not be read or indexed"})
final class EvalCommand implements Callable<Integer> {
    @Mixin
    private StoreOptions store;

    @Parameters(paramLabel = "DIR", description = "The collection folder.")
    private Path dir;

    @Option(names = "--split", defaultValue = "dev", description = "Judgments to use: qrels/SPLIT.tsv (default: ${DEFAULT-VALUE}).")
    private String split;

    @Option(names = "--mode", defaultValue = "bm25", description = "bm25 or hybrid (default: ${DEFAULT-VALUE}).")
    private String mode;

    @Option(names = "--run", paramLabel = "FILE", description = "Also write the rankings as a TREC run file.")
    private Path runFile;

    @Option(names = "--synonyms", paramLabel = "FILE",
            description = "Query-time synonyms (default: synonyms.txt in the corpus folder).")
    private Path synonymsFile;

    @Option(names = "--embedding-cache", paramLabel = "DIR", defaultValue = "${env:PAINSEARCH_EMBEDDING_CACHE}",
            description = "Where hybrid mode keeps computed embeddings, so a second run reuses them "
                    + "(env PAINSEARCH_EMBEDDING_CACHE; default: eval-cache/ beside the index folder).")
    private Path cacheDir;

    @Option(names = "--model", paramLabel = "MODEL", defaultValue = "${env:PAINSEARCH_MODEL}",
            description = "Embedding model for hybrid mode: minilm or bge-small (env PAINSEARCH_MODEL; default: bge-small).")
    private String model;

    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        var out = spec.commandLine().getOut();
        RankingMode rankingMode = RankingMode.parse(mode, RankingMode.BM25);
        var collection = BeirCollection.load(dir, split);
        out.printf("%s (%s): %d documents, %d queries judged; ranking: %s%n", dir.getFileName(), split,
                collection.docs().size(), collection.queries().size(), rankingMode.name().toLowerCase(java.util.Locale.ROOT));
        out.flush();
        Path tmp = Files.createTempDirectory("painsearch-eval");
        // The same engine as serve's, over a temporary index; vectors are kept beside the index folder for reuse.
        // On a cluster, a temporary index of its own under a new alias, never the library's.
        var cluster = store.engine().cluster() == null ? null : new EngineConfig.Cluster(store.engine().cluster().url(),
                store.engine().cluster().alias() + "-eval-" + System.currentTimeMillis());
        var config = new EngineConfig(store.engine().backend(), tmp.resolve("index"), store.corpusDir(), rankingMode,
                model, synonymsFile, cacheDir != null ? cacheDir : store.indexDir().resolveSibling("eval-cache"), false,
                cluster);
        Writer run = runFile == null ? null : Files.newBufferedWriter(runFile, StandardCharsets.UTF_8);
        Evaluation.Result result;
        try (var progress = new ConsoleProgress("Evaluating", "")) {
            result = Evaluation.run(collection, config, run, progress);
        } finally {
            if (run != null) {
                run.close();
            }
            try {
                Engines.dropTemporary(config);
            } finally {
                deleteTree(tmp);
            }
        }
        out.printf("indexed %d documents in %.1f s; %d queries in %.1f ms each%n", result.documents(),
                result.indexMillis() / 1000.0, result.queries(), result.millisPerQuery());
        if (runFile != null) {
            out.println("run written to " + runFile);
        }
        out.println(result.mean().line(result.queries()));
        out.flush();
        return 0;
    }

    private static void deleteTree(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
