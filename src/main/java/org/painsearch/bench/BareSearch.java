package org.painsearch.bench;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.FSDirectory;

/**
 * The search baseline: bare Lucene over painsearch's own index (its whole documents only), the query's words over
 * title (boosted twice) and body with painsearch's analyzer, any word matching, top 10 by BM25, the two best passages
 * of each hit's body from the {@link UnifiedHighlighter}, and the stored id and title. Thread-safe: one instance
 * serves every thread.
 */
public final class BareSearch implements Closeable {
    private static final PainsearchAdapter.Schema SCHEMA = PainsearchAdapter.schema();
    private static final String[] FIELDS = {SCHEMA.title(), SCHEMA.body()};
    private static final Map<String, Float> BOOSTS = Map.of(SCHEMA.title(), 2f, SCHEMA.body(), 1f);

    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final Analyzer analyzer = PainsearchAdapter.analyzer();
    private final UnifiedHighlighter highlighter;

    public BareSearch(Path index) throws IOException {
        this.reader = DirectoryReader.open(FSDirectory.open(index));
        this.searcher = new IndexSearcher(reader);
        this.highlighter = UnifiedHighlighter.builder(searcher, analyzer).build();
    }

    /** One hit as the bare server returns it. */
    public record Hit(String id, String title, String snippet) {
    }

    /** The answer to one query: total hits and the first ten. */
    public record Answer(long total, List<Hit> hits) {
    }

    /** Searches {@code text} as plain words (any syntax in it is escaped). */
    public Answer search(String text) throws IOException {
        Query words = parse(text);
        Query query = new BooleanQuery.Builder().add(words, BooleanClause.Occur.MUST)
                .add(SCHEMA.documentsOnly(), BooleanClause.Occur.FILTER).build();
        TopDocs top = searcher.search(query, 10);
        String[] snippets = highlighter.highlight(SCHEMA.body(), words, top, 2);
        var stored = searcher.storedFields();
        var hits = new ArrayList<Hit>(top.scoreDocs.length);
        for (int i = 0; i < top.scoreDocs.length; i++) {
            var doc = stored.document(top.scoreDocs[i].doc, Set.of(SCHEMA.id(), SCHEMA.title()));
            hits.add(new Hit(doc.get(SCHEMA.id()), doc.get(SCHEMA.title()), snippets[i]));
        }
        return new Answer(top.totalHits.value(), hits);
    }

    /** Entries in the index (documents, podcast segments and passages alike). */
    public int entries() {
        return reader.numDocs();
    }

    private Query parse(String text) {
        // A parser per call: QueryParser is not thread-safe. Lowercase so a question's "AND" or "OR" stays a word.
        var parser = new MultiFieldQueryParser(FIELDS, analyzer, BOOSTS);
        try {
            return parser.parse(QueryParser.escape(text.toLowerCase(Locale.ROOT)));
        } catch (ParseException e) {
            throw new IllegalArgumentException("the query cannot be read: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
