package org.painsearch.bench;

import org.painsearch.Libraries;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.painsearch.app.Library;
import org.painsearch.corpus.CorpusStore;
import org.painsearch.corpus.Document;
import org.painsearch.index.IndexService;
import org.painsearch.engine.SearchRequest;

/**
 * Indexing and query speed of painsearch on the bundled corpus, side by side with bare Lucene doing the least
 * it can (EnglishAnalyzer, title and body, top 10, no snippets, facets or links). Prints figures and ratios;
 * asserts nothing about time. Run with {@code bench/speed.sh}; excluded from the normal test run.
 */
@Tag("benchmark")
class SpeedBenchmark {
    private static final int INDEX_ROUNDS = 20;
    private static final int QUERY_ROUNDS = 200;
    private static final List<String> QUERIES = List.of("CRPS", "endorphins massage", "central sensitization",
            "why does pain come back after a massage", "sleep and pain", "oxytocin touch", "\"graded motor imagery\"",
            "placebo -nocebo", "mindfulness OR meditation", "TENS");

    @TempDir
    Path dir;

    @Test
    void indexAndQuerySpeed() throws Exception {
        var store = new CorpusStore(org.painsearch.Repository.bundledCorpus(dir.resolve("bundled")));
        var docs = new ArrayList<Document>();
        for (Path f : store.documentFiles()) {
            docs.add(store.read(f));
        }
        // Warm both paths up once, so the JIT is not measured.
        long ours = 0;
        long bare = 0;
        for (int round = 0; round <= INDEX_ROUNDS; round++) {
            long t0 = System.nanoTime();
            try (var index = IndexService.openWritable(dir.resolve("ours-" + round))) {
                new org.painsearch.index.Indexer(index, null).rebuild(docs, java.util.Map.of(), done -> { });
            }
            long t1 = System.nanoTime();
            bareIndex(docs, dir.resolve("bare-" + round));
            long t2 = System.nanoTime();
            if (round > 0) {
                ours += t1 - t0;
                bare += t2 - t1;
            }
        }
        double oursRate = docs.size() * INDEX_ROUNDS / (ours / 1e9);
        double bareRate = docs.size() * INDEX_ROUNDS / (bare / 1e9);
        System.out.printf("indexing, %d documents x %d rounds: painsearch %.0f docs/s, bare Lucene %.0f docs/s, ratio %.2f%n",
                docs.size(), INDEX_ROUNDS, oursRate, bareRate, bareRate / oursRate);

        try (var library = Libraries.open(store, IndexService.openWritable(dir.resolve("ours-1")));
             var bareReader = DirectoryReader.open(FSDirectory.open(dir.resolve("bare-1")))) {
            var bareSearcher = new IndexSearcher(bareReader);
            var parser = new MultiFieldQueryParser(new String[] {"title", "body"}, new EnglishAnalyzer());
            parser.setDefaultOperator(QueryParser.AND_OPERATOR);
            long oursQ = 0;
            long bareQ = 0;
            for (int round = 0; round <= QUERY_ROUNDS; round++) {
                for (String q : QUERIES) {
                    long t0 = System.nanoTime();
                    library.engine().search(SearchRequest.of(q));
                    long t1 = System.nanoTime();
                    bareSearcher.search(parser.parse(q), 10);
                    long t2 = System.nanoTime();
                    if (round > 0) {
                        oursQ += t1 - t0;
                        bareQ += t2 - t1;
                    }
                }
            }
            int n = QUERY_ROUNDS * QUERIES.size();
            System.out.printf("search, %d queries: painsearch %.2f ms/query (snippets, facets, note links), "
                    + "bare Lucene %.3f ms/query (top 10 only), ratio %.1f%n", n, oursQ / 1e6 / n, bareQ / 1e6 / n,
                    (double) oursQ / bareQ);
        }
    }

    private static void bareIndex(List<Document> docs, Path path) throws IOException {
        Files.createDirectories(path);
        try (var writer = new IndexWriter(FSDirectory.open(path), new IndexWriterConfig(new EnglishAnalyzer()))) {
            for (Document d : docs) {
                var doc = new org.apache.lucene.document.Document();
                doc.add(new StringField("id", d.id(), Field.Store.YES));
                doc.add(new TextField("title", d.title(), Field.Store.YES));
                doc.add(new TextField("body", d.body(), Field.Store.NO));
                writer.addDocument(doc);
            }
            writer.commit();
        }
    }
}
