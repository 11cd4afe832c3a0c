package org.painsearch;

import java.io.IOException;
import java.time.Clock;
import org.painsearch.app.Library;
import org.painsearch.corpus.CorpusStore;
import org.painsearch.engine.RankingMode;
import org.painsearch.engine.lucene.LuceneBackend;
import org.painsearch.engine.lucene.LuceneEngine;
import org.painsearch.index.IndexService;
import org.painsearch.index.Synonyms;
import org.painsearch.vectors.Embeddings;

/** Libraries over an index a test opened itself, on the embedded engine (the way {@code Library.open} wires it). */
public final class Libraries {
    private Libraries() {
    }

    /** A library ranking by words, over {@code index}. */
    public static Library open(CorpusStore corpus, IndexService index) {
        return open(corpus, index, Clock.systemUTC());
    }

    /** As above, notes and bookmarks timed by {@code clock}. */
    public static Library open(CorpusStore corpus, IndexService index, Clock clock) {
        return open(corpus, index, clock, null, RankingMode.BM25);
    }

    /** A library whose engine indexes vectors with {@code embeddings} (null for words only) and ranks by {@code mode}. */
    public static Library open(CorpusStore corpus, IndexService index, Clock clock, Embeddings embeddings,
                               RankingMode mode) {
        var bookmarks = Library.bookmarksOf(corpus, clock);
        return new Library(corpus, new LuceneEngine(index, new Synonyms(corpus.synonymsFile()), bookmarks::bookmarkedIds,
                embeddings, mode, LuceneBackend.corpusReader(corpus)), bookmarks, clock);
    }

    /** The embedded engine of {@code library}, for tests that look at Lucene itself. */
    public static LuceneEngine lucene(Library library) {
        return (LuceneEngine) library.engine();
    }
}
