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
import org.painsearch.index.IndexService;
import org.painsearch.index.Indexer;
import org.painsearch.index.PassageVectors;
import org.painsearch.search.RankingMode;
import org.painsearch.search.SearchRequest;
import org.painsearch.search.SearchService;
import org.painsearch.search.SortOrder;

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

    /** Makes the search service over an index being built; lets the caller add embeddings and synonyms. */
    @FunctionalInterface
    public interface Engine {
        SearchService open(IndexService index) throws IOException;
    }

    /**
     * Indexes {@code c} into {@code indexDir} (new or empty) through the one write path, with passage vectors from
     * {@code vectors} (null for words only), runs every judged query, and scores the rankings.
     */
    public static Result run(BeirCollection c, Path indexDir, PassageVectors vectors, Engine engine, RankingMode mode,
                             Writer runOut, Library.Progress progress) throws IOException {
        var docs = new ArrayList<Document>(c.docs().size());
        for (int i = 0; i < c.docs().size(); i++) {
            docs.add(toDocument(i, c.docs().get(i)));
        }
        var judgedQueries = c.queries().entrySet().stream()
                .filter(q -> Measures.judged(c.judgments().getOrDefault(q.getKey(), Map.of()))).toList();
        progress.start(docs.size() + judgedQueries.size());
        try (var index = IndexService.openWritable(indexDir)) {
            long started = System.nanoTime();
            new Indexer(index, vectors).rebuild(docs, Map.of(), progress::step);
            long indexMillis = (System.nanoTime() - started) / 1_000_000;
            SearchService search = engine.open(index);
            var perQuery = new ArrayList<Measures.Scores>();
            long searchNanos = 0;
            int done = docs.size();
            for (var q : judgedQueries) {
                var req = new SearchRequest(q.getValue(), List.of(), List.of(), List.of(), null, SortOrder.RELEVANCE,
                        1, DEPTH, mode, false);
                long t = System.nanoTime();
                var ranking = search.rank(req);
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
        } catch (org.painsearch.index.IndexBusyException e) {
            throw new IOException(e.getMessage(), e);
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
