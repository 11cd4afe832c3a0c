package org.painsearch.eval;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.painsearch.app.Library;
import org.painsearch.corpus.DocType;
import org.painsearch.corpus.Document;
import org.painsearch.engine.Engine;
import org.painsearch.engine.EngineConfig;
import org.painsearch.engine.Engines;
import org.painsearch.engine.RankingMode;
import org.painsearch.engine.SearchRequest;
import org.painsearch.engine.SortOrder;

/**
 * Runs a BEIR collection through painsearch itself: its documents indexed with the app's schema and analysis
 * (title to the title field, text to the body), its queries searched the way the page searches.
 */
public final class Evaluation {
    /** How deep each ranking goes: Recall@100 needs the first hundred. */
    public static final int DEPTH = 100;

    private Evaluation() {
    }

    /** The outcome: averages over judged queries, and what indexing and searching cost. */
    public record Result(Measures.Scores mean, int queries, int documents, long indexMillis, long searchMillis) {
        /** Mean time per query in milliseconds. */
        public double millisPerQuery() {
            return queries == 0 ? 0 : (double) searchMillis / queries;
        }
    }

    /**
     * Indexes {@code c} into the engine {@code config} names (a new or empty index) through its one write path, runs
     * every judged query ranked the configuration's way, and scores the rankings.
     */
    public static Result run(BeirCollection c, EngineConfig config, Writer runOut, Library.Progress progress)
            throws IOException {
        var docs = new ArrayList<Document>(c.docs().size());
        for (int i = 0; i < c.docs().size(); i++) {
            docs.add(toDocument(i, c.docs().get(i)));
        }
        var judgedQueries = c.queries().entrySet().stream()
                .filter(q -> Measures.judged(c.judgments().getOrDefault(q.getKey(), Map.of()))).toList();
        RankingMode mode = config.ranking();
        progress.start(docs.size() + judgedQueries.size());
        try (var engine = Engines.open(config)) {
            long started = System.nanoTime();
            engine.rebuild(docs, d -> new Engine.Entry(d, null), progress::step);
            engine.vectorsDone().join(); // ranking by meaning measures every document, not those vectorized so far
            long indexMillis = (System.nanoTime() - started) / 1_000_000;
            var perQuery = new ArrayList<Measures.Scores>();
            long searchNanos = 0;
            int done = docs.size();
            for (var q : judgedQueries) {
                var req = new SearchRequest(q.getValue(), List.of(), SortOrder.RELEVANCE, 1, DEPTH, mode, false);
                long t = System.nanoTime();
                var ranking = engine.rank(req);
                searchNanos += System.nanoTime() - t;
                var ids = new ArrayList<String>();
                var entries = new ArrayList<RunFile.Entry>();
                for (var r : ranking) {
                    String original = c.docs().get(Integer.parseInt(r.id().substring(1))).id();
                    ids.add(original);
                    entries.add(new RunFile.Entry(original, r.score()));
                }
                perQuery.add(Measures.of(ids, c.judgments().get(q.getKey())));
                if (runOut != null) {
                    RunFile.write(runOut, q.getKey(), entries, "painsearch-" + mode.name().toLowerCase(java.util.Locale.ROOT));
                }
                progress.step(++done);
            }
            return new Result(Measures.mean(perQuery), perQuery.size(), docs.size(), indexMillis, searchNanos / 1_000_000);
        }
    }

    // Collection ids may hold capitals or any character; the corpus allows neither, so documents are numbered.
    static Document toDocument(int i, BeirCollection.Doc d) {
        // A document needs a title; MED has none, and a word no query uses keeps the title field neutral.
        String title = d.title() == null || d.title().isBlank() ? "untitled" : d.title();
        return new Document("d" + i, DocType.ARTICLE, title, null, List.of(), null, null, List.of(), null, null, null,
                d.text(), List.of(), null);
    }
}
