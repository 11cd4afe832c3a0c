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

    /** Appends the ranking of one query, ranks from 1. */
    public static void write(Writer out, String queryId, List<Entry> ranking, String tag) throws IOException {
        for (int i = 0; i < ranking.size(); i++) {
            var e = ranking.get(i);
            out.write(queryId + " Q0 " + e.docId() + " " + (i + 1) + " "
                    + String.format(java.util.Locale.ROOT, "%.6f", e.score()) + " " + tag + "\n");
        }
    }
}
