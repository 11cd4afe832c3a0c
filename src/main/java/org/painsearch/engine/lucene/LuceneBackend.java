package org.painsearch.engine.lucene;

import java.io.IOException;
import java.time.Clock;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.painsearch.corpus.CorpusException;
import org.painsearch.corpus.CorpusStore;
import org.painsearch.engine.EngineBusyException;
import org.painsearch.engine.EngineConfig;
import org.painsearch.engine.Health;
import org.painsearch.engine.RankingMode;
import org.painsearch.index.DamagedIndex;
import org.painsearch.index.IndexBusyException;
import org.painsearch.index.IndexHealth;
import org.painsearch.index.IndexService;
import org.painsearch.index.Synonyms;
import org.painsearch.vectors.EmbeddingModel;
import org.painsearch.vectors.Embeddings;

/** Opening the embedded engine from a configuration, and checking its files: what {@code Engines} asks of it. */
public final class LuceneBackend {
    private LuceneBackend() {
    }

    /** Opens the index {@code config} names (see {@link org.painsearch.engine.Engines#open}). */
    public static LuceneEngine open(EngineConfig config, Supplier<Set<String>> bookmarkedIds, Consumer<String> say)
            throws IOException {
        var synonyms = new Synonyms(config.synonyms());
        boolean hybrid = config.ranking() == RankingMode.HYBRID;
        if (config.readOnly()) {
            var index = IndexService.openReadOnly(config.index());
            try {
                // Only queries are embedded here: a reader computes no document vectors, so it keeps no cache.
                var embeddings = hybrid && index.hasVectors() ? Embeddings.forQueries() : null;
                return new LuceneEngine(index, synonyms, bookmarkedIds, embeddings, config.ranking());
            } catch (IOException | RuntimeException e) {
                index.close();
                throw e;
            }
        }
        try {
            var opened = DamagedIndex.openWritable(config.index(), Clock.systemDefaultZone());
            if (opened.replaced()) {
                say.accept("The index in %s could not be opened (%s). It was moved to %s, and painsearch builds a new "
                        .formatted(config.index(), opened.reason(), opened.setAside()) + "one from the corpus.");
            }
            try {
                var embeddings = hybrid
                        ? Embeddings.open(config.embeddingCache(), EmbeddingModel.parse(config.model())) : null;
                return new LuceneEngine(opened.index(), synonyms, bookmarkedIds, embeddings, config.ranking(),
                        corpusReader(new CorpusStore(config.corpus())));
            } catch (IOException | RuntimeException e) {
                opened.index().close();
                throw e;
            }
        } catch (IndexBusyException e) {
            throw new EngineBusyException(e.getMessage(), e);
        }
    }

    /**
     * Reads a document again from its file in {@code corpus}: documents waiting for their vectors are, so the queue
     * holds no text.
     */
    public static org.painsearch.index.Indexer.Reader corpusReader(CorpusStore corpus) {
        return file -> {
            try {
                return corpus.read(file);
            } catch (CorpusException e) {
                throw new IOException(e.getMessage(), e);
            }
        };
    }

    /** The state of the index files in {@code indexDir}, by Lucene's CheckIndex. */
    public static Health health(java.nio.file.Path indexDir) throws IOException {
        return switch (IndexHealth.check(indexDir)) {
            case IndexHealth.Report.Whole w -> new Health.Whole(w.segments(), w.documents(), w.currentSchema());
            case IndexHealth.Report.Missing m -> new Health.Missing();
            case IndexHealth.Report.Busy b -> new Health.Busy();
            case IndexHealth.Report.Damaged d -> new Health.Damaged(d.problem());
        };
    }
}
