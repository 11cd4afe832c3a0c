package org.painsearch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.painsearch.Libraries;
import org.painsearch.TestCorpus;
import org.painsearch.app.Library;
import org.painsearch.corpus.CorpusStore;
import org.painsearch.engine.RankingMode;
import org.painsearch.index.IndexService;
import org.painsearch.vectors.Embedder;
import org.painsearch.vectors.EmbeddingCache;
import org.painsearch.vectors.Embeddings;

/** When opening an index means building it first, and when the background finishes what is missing instead. */
class LocalIndexTest {
    @TempDir
    Path dir;

    // A model that never gives vectors: the documents keep their flag, as when a run is stopped before they are in.
    private static final Embedder NEVER = new Embedder() {
        @Override
        public List<float[]> embed(List<String> texts) {
            throw new IllegalStateException("no vectors in this test");
        }

        @Override
        public int dimension() {
            return 8;
        }

        @Override
        public String name() {
            return "never";
        }
    };

    private Library open(Path corpus, RankingMode mode) throws Exception {
        return Libraries.open(new CorpusStore(corpus), IndexService.openWritable(dir.resolve("index")),
                Clock.systemUTC(), mode == RankingMode.HYBRID ? new Embeddings(NEVER, EmbeddingCache.inMemory(8)) : null,
                mode);
    }

    @Test
    void anIndexWhoseVectorsAreStillDueIsNotBuiltAgain() throws Exception {
        Path corpus = TestCorpus.write(dir);
        try (var library = open(corpus, RankingMode.HYBRID)) {
            library.rebuild(Library.Progress.NONE);
            library.engine().vectorsDone().join();
            assertThat(library.engine().hasVectors()).isFalse();
            assertThat(library.engine().vectorsPending()).isTrue();

            var out = new StringWriter();
            assertThat(LocalIndex.buildIfNeeded(library, new PrintWriter(out))).isFalse();
            assertThat(out.toString()).isEmpty();
        }
    }

    @Test
    void aWordsOnlyIndexOpenedForHybridRankingIsBuiltAgain() throws Exception {
        Path corpus = TestCorpus.write(dir);
        try (var library = open(corpus, RankingMode.BM25)) {
            library.rebuild(Library.Progress.NONE);
        }
        try (var library = open(corpus, RankingMode.HYBRID)) {
            assertThat(library.engine().vectorsPending()).isFalse();
            var out = new StringWriter();
            assertThat(LocalIndex.buildIfNeeded(library, new PrintWriter(out))).isTrue();
            assertThat(out.toString()).contains("no meaning vectors yet");
        }
    }
}
