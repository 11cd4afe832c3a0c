package org.painsearch.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.suggest.InputIterator;
import org.apache.lucene.search.suggest.analyzing.AnalyzingInfixSuggester;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import org.painsearch.index.Analysis;
import org.painsearch.index.Fields;
import org.painsearch.index.IndexService;
import org.painsearch.engine.Suggestion;

/**
 * Autocomplete for the search box: document titles, tags and the phrases that recur across documents, matched
 * on any word's prefix (Lucene's AnalyzingInfixSuggester, in memory). Rebuilt when the index changes.
 */
public final class Suggestions {
    // A phrase must recur in this many documents to be offered: one-off word pairs are noise.
    static final int PHRASE_MIN_DOCS = 3;
    // Bodies read for phrases; beyond this the suggester would cost more to build than it helps.
    private static final int MAX_DOCS_FOR_PHRASES = 5000;
    private static final Set<?> STOP = EnglishAnalyzer.ENGLISH_STOP_WORDS_SET;

    private final IndexService index;
    private long builtVersion = -1;
    private AnalyzingInfixSuggester suggester;
    // Lookups share it; swapping in a rebuilt suggester (and closing the old one) takes it alone.
    private final java.util.concurrent.locks.ReentrantReadWriteLock inUse = new java.util.concurrent.locks.ReentrantReadWriteLock();

    public Suggestions(IndexService index) {
        this.index = index;
    }

    /** Up to {@code n} suggestions for what has been typed so far. */
    public List<Suggestion> suggest(String typed, int n) throws IOException {
        if (typed == null || typed.strip().length() < 2) {
            return List.of();
        }
        refresh();
        // Read under the shared lock: a rebuild closes the old suggester only once no lookup is using it.
        inUse.readLock().lock();
        try {
            return lookup(suggester, typed, n);
        } finally {
            inUse.readLock().unlock();
        }
    }

    // Builds a fresh suggester when the index changed, then swaps it in under the exclusive lock.
    private synchronized void refresh() throws IOException {
        index.withSearcher(searcher -> {
            long version = ((DirectoryReader) searcher.getIndexReader()).getVersion();
            if (suggester == null || version != builtVersion) {
                var fresh = new AnalyzingInfixSuggester(new ByteBuffersDirectory(), Analysis.wordAnalyzer(),
                        Analysis.wordAnalyzer(), 2, true);
                fresh.build(new Entries(inputs(searcher)));
                AnalyzingInfixSuggester old;
                inUse.writeLock().lock();
                try {
                    old = suggester;
                    suggester = fresh;
                    builtVersion = version;
                    if (old != null) {
                        old.close();
                    }
                } finally {
                    inUse.writeLock().unlock();
                }
            }
            return null;
        });
    }

    private static List<Entry> inputs(IndexSearcher searcher) throws IOException {
        var docs = searcher.search(new TermQuery(new Term(Fields.KIND, Fields.KIND_DOC)), Integer.MAX_VALUE);
        var stored = searcher.storedFields();
        var sources = new ArrayList<Source>();
        for (var sd : docs.scoreDocs) {
            var doc = stored.document(sd.doc, Set.of(Fields.ID, Fields.TITLE, Fields.TAG, Fields.BODY));
            sources.add(new Source(doc.get(Fields.ID), doc.get(Fields.TITLE), List.of(doc.getValues(Fields.TAG)),
                    doc.get(Fields.BODY)));
        }
        // In id order: the same suggestions (equal weights keep their input order) after every rebuild.
        sources.sort(java.util.Comparator.comparing(Source::id));
        return inputs(sources);
    }

    /** A document as autocomplete reads it: its title and tags, and its body for recurring phrases. */
    public record Source(String id, String title, List<String> tags, String body) {
    }

    /**
     * A suggester built from {@code sources} (the library's documents, every one of them, in id order), for a
     * backend that keeps its documents elsewhere; the caller decides when the library changed enough to build another.
     */
    public static Built build(List<Source> sources) throws IOException {
        var suggester = new AnalyzingInfixSuggester(new ByteBuffersDirectory(), Analysis.wordAnalyzer(),
                Analysis.wordAnalyzer(), 2, true);
        suggester.build(new Entries(inputs(sources)));
        return new Built(suggester);
    }

    /** A built suggester: looked up until closed. */
    public static final class Built implements java.io.Closeable {
        private final AnalyzingInfixSuggester suggester;

        private Built(AnalyzingInfixSuggester suggester) {
            this.suggester = suggester;
        }

        /** Up to {@code n} suggestions for what has been typed so far. */
        public List<Suggestion> suggest(String typed, int n) throws IOException {
            if (typed == null || typed.strip().length() < 2) {
                return List.of();
            }
            return lookup(suggester, typed, n);
        }

        @Override
        public void close() throws IOException {
            suggester.close();
        }
    }

    private static List<Suggestion> lookup(AnalyzingInfixSuggester suggester, String typed, int n) throws IOException {
        var out = new ArrayList<Suggestion>();
        var seen = new HashSet<String>();
        for (var r : suggester.lookup(typed.strip(), (BooleanQuery) null, n * 2, false, false)) {
            String text = r.key.toString();
            if (seen.add(text.toLowerCase(Locale.ROOT)) && out.size() < n) {
                String[] payload = r.payload.utf8ToString().split("\t", 2);
                out.add(new Suggestion(text, payload[0], payload.length > 1 ? payload[1] : null));
            }
        }
        return out;
    }

    private static List<Entry> inputs(List<Source> docs) {
        var out = new ArrayList<Entry>();
        var tags = new HashMap<String, Integer>();
        var phraseDocs = new HashMap<String, Integer>();
        int read = 0;
        for (var doc : docs) {
            // Titles first: finding the document is what autocomplete is most for.
            out.add(new Entry(doc.title(), 1_000_000, new BytesRef("title\t" + doc.id())));
            for (String tag : doc.tags()) {
                tags.merge(tag.replace('-', ' '), 1, Integer::sum);
            }
            if (read++ < MAX_DOCS_FOR_PHRASES) {
                phrases(doc.title() + ". " + doc.body()).forEach(p -> phraseDocs.merge(p, 1, Integer::sum));
            }
        }
        tags.forEach((t, count) -> out.add(new Entry(t, 500_000 + count, new BytesRef("tag"))));
        phraseDocs.forEach((p, count) -> {
            if (count >= PHRASE_MIN_DOCS) {
                out.add(new Entry(p, count, new BytesRef("phrase")));
            }
        });
        return out;
    }

    /** The distinct two- and three-word phrases of {@code text} that neither start nor end with a stop word. */
    static Set<String> phrases(String text) {
        var out = new HashSet<String>();
        if (text == null) {
            return out;
        }
        for (String sentence : text.toLowerCase(Locale.ROOT).split("[.!?;:,()\\[\\]\\n]+")) {
            String[] w = sentence.strip().split("[^\\p{L}\\p{N}'-]+");
            for (int len = 2; len <= 3; len++) {
                for (int i = 0; i + len <= w.length; i++) {
                    String first = w[i];
                    String last = w[i + len - 1];
                    if (first.length() < 3 || last.length() < 3 || STOP.contains(first) || STOP.contains(last)
                            || first.matches("\\d+") || last.matches("\\d+")) {
                        continue;
                    }
                    out.add(String.join(" ", java.util.Arrays.copyOfRange(w, i, i + len)));
                }
            }
        }
        return out;
    }

    private record Entry(String text, long weight, BytesRef payload) {
    }

    // Feeds entries to the suggester's build.
    private static final class Entries implements InputIterator {
        private final java.util.Iterator<Entry> it;
        private Entry current;

        Entries(List<Entry> entries) {
            this.it = entries.iterator();
        }

        @Override
        public BytesRef next() {
            if (!it.hasNext()) {
                return null;
            }
            current = it.next();
            return new BytesRef(current.text());
        }

        @Override
        public long weight() {
            return current.weight();
        }

        @Override
        public BytesRef payload() {
            return current.payload();
        }

        @Override
        public boolean hasPayloads() {
            return true;
        }

        @Override
        public Set<BytesRef> contexts() {
            return null;
        }

        @Override
        public boolean hasContexts() {
            return false;
        }
    }

    /** Closes the in-memory suggester. */
    public synchronized void close() throws IOException {
        inUse.writeLock().lock();
        try {
            if (suggester != null) {
                suggester.close();
            }
        } finally {
            inUse.writeLock().unlock();
        }
    }

}
