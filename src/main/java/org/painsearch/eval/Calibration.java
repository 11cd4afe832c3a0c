package org.painsearch.eval;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.painsearch.engine.Engine;

/**
 * How close in meaning relevant and non-relevant documents come to their queries: the distributions that the
 * meaning threshold is chosen from. Relevant documents are those judged 1 or more; non-relevant ones are those
 * judged 0 plus the unjudged among the query's nearest documents (pooled judgments: unjudged counts as not relevant).
 */
public final class Calibration {
    private static final int NEAREST = 100;
    private static final double[] QUANTILES = {0.05, 0.10, 0.25, 0.50, 0.75, 0.90, 0.95, 0.99};

    private Calibration() {
    }

    /** The cosines collected over a collection's judged queries. */
    public record Sample(List<Float> relevant, List<Float> notRelevant) {
    }

    /** Collects the cosines of {@code c}'s judged queries; ids in the index are {@code d<position>}. */
    public static Sample collect(BeirCollection c, Engine search) throws IOException {
        var position = new java.util.HashMap<String, String>();
        for (int i = 0; i < c.docs().size(); i++) {
            position.put(c.docs().get(i).id(), "d" + i);
        }
        var relevant = new ArrayList<Float>();
        var notRelevant = new ArrayList<Float>();
        for (var q : c.queries().entrySet()) {
            Map<String, Integer> qrels = c.judgments().getOrDefault(q.getKey(), Map.of());
            if (!Measures.judged(qrels)) {
                continue;
            }
            var judged = new java.util.HashMap<String, Integer>();
            qrels.forEach((doc, grade) -> {
                if (position.containsKey(doc)) {
                    judged.put(position.get(doc), grade);
                }
            });
            var closeness = search.closeness(q.getValue(), List.copyOf(judged.keySet()), NEAREST);
            closeness.cosines().forEach((id, cos) -> {
                if (!Float.isNaN(cos)) {
                    (judged.getOrDefault(id, 0) >= 1 ? relevant : notRelevant).add(cos);
                }
            });
        }
        return new Sample(relevant, notRelevant);
    }

    /** Prints quantiles of both distributions and, per candidate threshold, the share of each kept above it. */
    public static void print(Sample s, PrintWriter out) {
        out.printf(Locale.ROOT, "closest-passage cosine: %d relevant, %d not relevant%n", s.relevant().size(),
                s.notRelevant().size());
        out.print("quantile      ");
        for (double q : QUANTILES) {
            out.printf(Locale.ROOT, " %5.2f", q);
        }
        out.println();
        for (var row : List.of(Map.entry("relevant     ", s.relevant()), Map.entry("not relevant ", s.notRelevant()))) {
            var sorted = row.getValue().stream().sorted().toList();
            out.print(row.getKey() + " ");
            for (double q : QUANTILES) {
                out.printf(Locale.ROOT, " %5.3f", sorted.isEmpty() ? Double.NaN : sorted.get((int) Math.min(sorted.size() - 1, q * sorted.size())));
            }
            out.println();
        }
        out.println("threshold  relevant kept  not relevant kept  precision of what is kept");
        for (int t = 30; t <= 90; t += 5) {
            float th = t / 100f;
            long rel = s.relevant().stream().filter(v -> v >= th).count();
            long non = s.notRelevant().stream().filter(v -> v >= th).count();
            out.printf(Locale.ROOT, "  %.2f     %6.1f%%          %6.1f%%            %s%n", th,
                    100.0 * rel / Math.max(1, s.relevant().size()), 100.0 * non / Math.max(1, s.notRelevant().size()),
                    rel + non == 0 ? "-" : String.format(Locale.ROOT, "%.3f", (double) rel / (rel + non)));
        }
        out.flush();
    }
}
