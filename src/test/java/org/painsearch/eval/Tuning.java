package org.painsearch.eval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.painsearch.corpus.Document;
import org.painsearch.index.IndexService;
import org.painsearch.index.Synonyms;
import org.painsearch.search.RankingConfig;
import org.painsearch.engine.RankingMode;
import org.painsearch.engine.SearchRequest;
import org.painsearch.search.SearchService;
import org.painsearch.engine.SortOrder;
import org.painsearch.vectors.EmbeddingModel;
import org.painsearch.vectors.Embeddings;

/**
 * Tuning harness, run by hand (not a test): indexes every dev collection of ../shared/eval once, then measures
 * each candidate ranking configuration on all of them together, so one configuration is chosen for all.
 * Arguments: {@code bm25|hybrid [model] [embedding-cache-dir]}; candidates are read from standard input, one
 * per line, as the eight {@link RankingConfig} values separated by spaces.
 */
// Run by hand like the benchmarks; it reads the checkout's corpus/synonyms.txt only as the product's eval does.
@Tag("benchmark")
public final class Tuning {
    private static final List<String[]> DEV = List.of(new String[] {"liveqa-medquad", "dev"},
            new String[] {"med", "dev"}, new String[] {"scifact", "train"});

    // Per-query nDCG@10 lines, when -Dtuning.perQuery=FILE names a file.
    private static final java.io.PrintWriter PER_QUERY = perQueryWriter();

    private static java.io.PrintWriter perQueryWriter() {
        String f = System.getProperty("tuning.perQuery");
        try {
            return f == null ? null : new java.io.PrintWriter(Files.newBufferedWriter(Path.of(f)), true);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Tuning() {
    }

    public static void main(String[] args) throws Exception {
        RankingMode mode = RankingMode.parse(args.length > 0 ? args[0] : "bm25", RankingMode.BM25);
        EmbeddingModel model = EmbeddingModel.parse(args.length > 1 ? args[1] : null);
        Path cache = Path.of(args.length > 2 ? args[2] : "/work/evcache/" + model.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        Path repo = Path.of(System.getProperty("painsearch.repo", ".")).toAbsolutePath();
        var synonyms = new Synonyms(Path.of(System.getProperty("tuning.synonyms", repo.resolve("corpus/synonyms.txt").toString())));
        Embeddings embeddings = mode == RankingMode.HYBRID ? Embeddings.open(cache, model) : null;
        var collections = new LinkedHashMap<String, BeirCollection>();
        var indexes = new LinkedHashMap<String, IndexService>();
        Path tmp = Files.createTempDirectory("painsearch-tuning");
        for (String[] c : DEV) {
            var coll = BeirCollection.load(repo.resolve("../shared/eval").resolve(c[0]), c[1]);
            collections.put(c[0], coll);
            var docs = new ArrayList<Document>();
            for (int i = 0; i < coll.docs().size(); i++) {
                docs.add(Evaluation.toDocument(i, coll.docs().get(i)));
            }
            var index = IndexService.openWritable(tmp.resolve(c[0]));
            new org.painsearch.index.Indexer(index, embeddings).rebuild(docs, java.util.Map.of(), n -> { });
            indexes.put(c[0], index);
            System.err.println("indexed " + c[0]);
        }
        if (Boolean.getBoolean("tuning.calibrate")) {
            var out = new java.io.PrintWriter(System.out, true);
            var all = new Calibration.Sample(new ArrayList<>(), new ArrayList<>());
            for (var e : collections.entrySet()) {
                // Not closed: the index and the embeddings are shared by every collection and closed at the end.
                var engine = new org.painsearch.engine.lucene.LuceneEngine(indexes.get(e.getKey()), synonyms, Set::of,
                        embeddings, mode);
                var s = Calibration.collect(e.getValue(), engine);
                out.println("== " + e.getKey());
                Calibration.print(s, out);
                all.relevant().addAll(s.relevant());
                all.notRelevant().addAll(s.notRelevant());
            }
            out.println("== all dev collections");
            Calibration.print(all, out);
        }
        var in = new java.io.BufferedReader(new java.io.InputStreamReader(System.in));
        String line;
        while ((line = in.readLine()) != null) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            RankingConfig config = parse(line.strip().split("\\s+"));
            var out = new StringBuilder(line.strip()).append(" |");
            double sum = 0;
            for (var e : collections.entrySet()) {
                var search = new SearchService(indexes.get(e.getKey()), synonyms, Set::of,
                        embeddings == null ? null : embeddings.meaning(), mode, config);
                var s = measure(e.getValue(), search, mode);
                sum += s.ndcg10();
                out.append(String.format(Locale.ROOT, " %s %.4f/%.4f", e.getKey(), s.ndcg10(), s.recall100()));
            }
            out.append(String.format(Locale.ROOT, " | mean %.4f", sum / collections.size()));
            System.out.println(out);
            System.out.flush();
        }
        for (var index : indexes.values()) {
            index.close();
        }
        if (embeddings != null) {
            embeddings.close();
        }
    }

    static Measures.Scores measure(BeirCollection c, SearchService search, RankingMode mode) throws IOException {
        var per = new ArrayList<Measures.Scores>();
        for (var q : c.queries().entrySet()) {
            Map<String, Integer> qrels = c.judgments().getOrDefault(q.getKey(), Map.of());
            if (!Measures.judged(qrels)) {
                continue;
            }
            var req = new SearchRequest(q.getValue(), List.of(), List.of(), List.of(), null, SortOrder.RELEVANCE, 1,
                    Evaluation.DEPTH, mode, false);
            var ids = new ArrayList<String>();
            for (var r : search.rank(req)) {
                ids.add(c.docs().get(Integer.parseInt(r.id().substring(1))).id());
            }
            per.add(Measures.of(ids, qrels));
            if (PER_QUERY != null) {
                PER_QUERY.printf(Locale.ROOT, "%s\t%.4f\t%s%n", q.getKey(), per.get(per.size() - 1).ndcg10(), q.getValue());
            }
        }
        return Measures.mean(per);
    }

    private static RankingConfig parse(String[] v) {
        var d = RankingConfig.DEFAULT;
        return new RankingConfig(f(v, 0, d.titleWeight()), f(v, 1, d.tagsWeight()), f(v, 2, d.authorsWeight()),
                f(v, 3, d.questionBonus()), f(v, 4, d.synonymTie()), (int) f(v, 5, d.rrfK()), f(v, 6, d.meaningWeight()),
                f(v, 7, d.meaningThreshold()));
    }

    private static float f(String[] v, int i, float fallback) {
        return v.length > i ? Float.parseFloat(v[i]) : fallback;
    }
}
