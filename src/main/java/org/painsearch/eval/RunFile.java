package org.painsearch.eval;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/** Writes rankings in the TREC run format: {@code qid Q0 docno rank score tag}. */
public final class RunFile {
    private RunFile() {
    }

    /** One ranked document and its score. */
    public record Entry(String docId, double score) {
    }

    // Scores are written with six decimals; one step at that precision.
    private static final long STEP = 1;
    private static final double SCALE = 1e6;

    /**
     * Appends the ranking of one query, ranks from 1. The scores written decrease strictly down the ranking (a tie,
     * or a tie made by rounding, is written one millionth below the score above it), because trec_eval and other
     * tools order by score, not by rank, and would otherwise reorder ties their own way.
     */
    public static void write(Writer out, String queryId, List<Entry> ranking, String tag) throws IOException {
        long previous = Long.MAX_VALUE;
        for (int i = 0; i < ranking.size(); i++) {
            var e = ranking.get(i);
            long micros = Math.min(Math.round(e.score() * SCALE), previous - STEP);
            previous = micros;
            out.write(queryId + " Q0 " + e.docId() + " " + (i + 1) + " "
                    + java.math.BigDecimal.valueOf(micros, 6).toPlainString() + " " + tag + "\n");
        }
    }
}
