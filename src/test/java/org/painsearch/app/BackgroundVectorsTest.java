package org.painsearch.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.painsearch.TestCorpus;
import org.painsearch.corpus.CorpusStore;
import org.painsearch.index.Fields;
import org.painsearch.index.IndexService;
import org.painsearch.notes.NoteDraft;
import org.painsearch.engine.RankingMode;
import org.painsearch.engine.SearchRequest;
import org.painsearch.vectors.Embedder;
import org.painsearch.vectors.EmbeddingCache;
import org.painsearch.vectors.Embeddings;
import org.painsearch.vectors.LetterVectors;

/**
 * Vectors off the critical path: a saved note is found by its words at once and by meaning once its vectors are
 * computed in the background; a restart finishes the documents a previous run left without vectors.
 */
@org.junit.jupiter.api.Timeout(120) // a write that waited for its vectors would wait for the gate forever: fail instead
class BackgroundVectorsTest {
    @TempDir
    Path dir;
    // Passages about pacing wait for this; everything else is embedded at once.
    private final CountDownLatch pacing = new CountDownLatch(1);

    /** A text's vector is its letter counts a to h; texts about pacing wait until the test lets them through. */
    private final class GatedModel extends LetterVectors.Model {
        private final boolean gated;

        GatedModel(boolean gated) {
            this.gated = gated;
        }

        @Override
        public List<float[]> embed(List<String> texts) {
            if (gated && texts.stream().anyMatch(t -> t.contains("Pacing"))) {
                try {
                    pacing.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return super.embed(texts);
        }
    }

    @AfterEach
    void letGo() {
        pacing.countDown();
    }

    private Library open(Path corpus, boolean gated) throws Exception {
        var model = new GatedModel(gated);
        return org.painsearch.Libraries.open(new CorpusStore(corpus), IndexService.openWritable(dir.resolve("index")),
                Clock.systemUTC(), new Embeddings(model, EmbeddingCache.inMemory(model.dimension())), RankingMode.HYBRID);
    }

    private static int count(Library library, String field, String value) throws IOException {
        return org.painsearch.Libraries.lucene(library).index().withSearcher(s -> s.count(new TermQuery(new Term(field, value))));
    }

    private static boolean foundByMeaning(Library library, String id) throws IOException {
        return library.engine().closeness("pacing plan", List.of(), 100).nearest().contains(id);
    }

    @Test
    void aSavedNoteIsFoundByWordsAtOnceAndByMeaningOnceItsVectorsAreIn() throws Exception {
        try (var library = open(TestCorpus.write(dir), true)) {
            library.rebuild(Library.Progress.NONE);
            library.engine().vectorsDone().join();

            String id = library.createNote(new NoteDraft("Pacing plan", "graded walking, ten minutes more each week",
                    List.of(), false)).id();

            // createNote waited for the write's generation: the words are searchable, the vectors are not yet.
            var hits = library.engine().search(SearchRequest.of("graded walking")).hits();
            assertThat(hits).extracting(h -> h.id()).containsExactly(id);
            assertThat(foundByMeaning(library, id)).isFalse();
            assertThat(count(library, Fields.VECTORS_PENDING, "true")).isEqualTo(1);
            assertThat(library.tasks().running()).extracting(Tasks.TaskView::label, Tasks.TaskView::total)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("Computing meaning vectors", 1));

            pacing.countDown();
            library.engine().vectorsDone().join();

            assertThat(foundByMeaning(library, id)).isTrue();
            assertThat(count(library, Fields.VECTORS_PENDING, "true")).isZero();
            assertThat(library.tasks().running()).isEmpty();
        }
    }

    @Test
    void aRestartGivesVectorsToTheDocumentsAStoppedRunLeftWithout() throws Exception {
        Path corpus = TestCorpus.write(dir);
        String id;
        try (var library = open(corpus, true)) {
            library.rebuild(Library.Progress.NONE);
            library.engine().vectorsDone().join();
            id = library.createNote(new NoteDraft("Pacing plan", "graded walking", List.of(), false)).id();
            // Stopped while the note's vectors are still being computed.
        }
        try (var library = open(corpus, false)) {
            assertThat(count(library, Fields.VECTORS_PENDING, "true")).as("the index knows which").isEqualTo(1);
            assertThat(foundByMeaning(library, id)).isFalse();

            assertThat(library.engine().resumeVectors()).isEqualTo(1);
            library.engine().vectorsDone().join();

            assertThat(foundByMeaning(library, id)).isTrue();
            assertThat(count(library, Fields.VECTORS_PENDING, "true")).isZero();
            assertThat(library.engine().search(SearchRequest.of("graded walking")).hits()).extracting(h -> h.id())
                    .containsExactly(id);
        }
    }

    @Test
    void vectorsStopQuietlyOnceTheModelRefusesBecauseTheProcessIsStopping() throws Exception {
        Path corpus = TestCorpus.write(dir);
        var calls = new java.util.concurrent.atomic.AtomicInteger();
        // As OnnxEmbedder answers once the process has begun to stop (Signals): every later run is refused.
        Embedder stopping = new LetterVectors.Model() {
            @Override
            public List<float[]> embed(List<String> texts) {
                if (texts.stream().anyMatch(t -> t.contains("Pacing"))) {
                    calls.incrementAndGet();
                    throw new java.util.concurrent.CancellationException("painsearch is stopping");
                }
                return super.embed(texts);
            }
        };
        try (var library = org.painsearch.Libraries.open(new CorpusStore(corpus), IndexService.openWritable(dir.resolve("index")),
                Clock.systemUTC(), new Embeddings(stopping, EmbeddingCache.inMemory(stopping.dimension())), RankingMode.HYBRID)) {
            library.rebuild(Library.Progress.NONE);
            library.engine().vectorsDone().join();
            library.createNote(new NoteDraft("Pacing plan", "graded walking", List.of(), false));
            while (calls.get() == 0) {
                Thread.sleep(10);
            }
            library.createNote(new NoteDraft("Pacing diary", "walks and flare-ups", List.of(), false));
            // The worker polls its queue every second: had it gone on, it would have tried the second note by now
            // (and logged a warning for each).
            Thread.sleep(2_500);
            assertThat(calls).as("model runs tried").hasValue(1);
            assertThat(count(library, Fields.VECTORS_PENDING, "true")).as("both keep their flag for the next start")
                    .isEqualTo(2);
        }
    }
}
