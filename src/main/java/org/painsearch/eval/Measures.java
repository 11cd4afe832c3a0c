package org.painsearch.eval;

import java.util.List;
import java.util.Map;

/**
 * The measures as trec_eval defines them: nDCG@10 with graded gains and a log2 discount against the ideal
 * ranking of all the query's judgments; Recall@100 and MRR@10 counting a judgment of 1 or more as relevant.
 */
public final class Measures {
    private Measures() {
    }

    /** The three figures for one query, or their averages over queries. */
    public record Scores(double ndcg10, double recall100, double mrr10) {
        /** The line the eval command ends with. */
        public String line(int queries) {
            return String.format(java.util.Locale.ROOT, "nDCG@10=%.4f Recall@100=%.4f MRR@10=%.4f queries=%d",
                    ndcg10, recall100, mrr10, queries);
        }
    }

    /** True when the query has at least one relevant judgment; the others are left out of the averages. */
    public static boolean judged(Map<String, Integer> qrels) {
        return qrels.values().stream().anyMatch(g -> g >= 1);
    }

    /** All three measures of {@code ranked} (best first) against {@code qrels} (document id to grade). */
    public static Scores of(List<String> ranked, Map<String, Integer> qrels) {
        return new Scores(ndcg(ranked, qrels, 10), recall(ranked, qrels, 100), reciprocalRank(ranked, qrels, 10));
    }

    /** Normalized discounted cumulative gain at {@code k}: gain / log2(rank + 1). */
    public static double ndcg(List<String> ranked, Map<String, Integer> qrels, int k) {
        double dcg = 0;
        for (int i = 0; i < Math.min(k, ranked.size()); i++) {
            dcg += Math.max(0, qrels.getOrDefault(ranked.get(i), 0)) / log2(i + 2);
        }
        var ideal = qrels.values().stream().filter(g -> g > 0).sorted(java.util.Comparator.reverseOrder()).toList();
        double idcg = 0;
        for (int i = 0; i < Math.min(k, ideal.size()); i++) {
            idcg += ideal.get(i) / log2(i + 2);
        }
        return idcg == 0 ? 0 : dcg / idcg;
    }

    /** Relevant documents in the first {@code k} over all relevant documents. */
    public static double recall(List<String> ranked, Map<String, Integer> qrels, int k) {
        long relevant = qrels.values().stream().filter(g -> g >= 1).count();
        if (relevant == 0) {
            return 0;
        }
        long found = ranked.stream().limit(k).filter(id -> qrels.getOrDefault(id, 0) >= 1).count();
        return (double) found / relevant;
    }

    /** One over the rank of the first relevant document within the first {@code k}, else 0. */
    public static double reciprocalRank(List<String> ranked, Map<String, Integer> qrels, int k) {
        for (int i = 0; i < Math.min(k, ranked.size()); i++) {
            if (qrels.getOrDefault(ranked.get(i), 0) >= 1) {
                return 1.0 / (i + 1);
            }
        }
        return 0;
    }

    /** The mean of per-query scores. */
    public static Scores mean(List<Scores> perQuery) {
        int n = perQuery.size();
        if (n == 0) {
            return new Scores(0, 0, 0);
        }
        return new Scores(perQuery.stream().mapToDouble(Scores::ndcg10).sum() / n,
                perQuery.stream().mapToDouble(Scores::recall100).sum() / n,
                perQuery.stream().mapToDouble(Scores::mrr10).sum() / n);
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
