package org.painsearch.vectors;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.painsearch.TestCorpus;
import org.painsearch.app.Library;
import org.painsearch.corpus.CorpusStore;
import org.painsearch.index.IndexService;
import org.painsearch.search.RankingMode;
import org.painsearch.search.SearchRequest;
import org.painsearch.search.SortOrder;

/** The bundled model, embedded passages in the index, and ranking fused with meaning. */
class HybridSearchTest {
    @TempDir
    static Path dir;
    static Library library;
    static Embeddings embeddings;

    @BeforeAll
    static void index() throws Exception {
        Path corpus = TestCorpus.write(dir);
        embeddings = Embeddings.open(dir.resolve("cache"));
        library = new Library(new CorpusStore(corpus), IndexService.openWritable(dir.resolve("index")), Clock.systemUTC(),
                embeddings, RankingMode.HYBRID);
        library.rebuild(Library.Progress.NONE);
    }

    @AfterAll
    static void close() throws Exception {
        library.close();
    }

    private static List<String> ids(String q, RankingMode mode) throws Exception {
        var req = new SearchRequest(q, List.of(), List.of(), List.of(), null, SortOrder.RELEVANCE, 1, 10, mode, false);
        return library.search().search(req).hits().stream().map(h -> h.id()).toList();
    }

    @Test
    void meaningFindsWhatSharesNoWord() throws Exception {
        assertThat(library.index().hasVectors()).isTrue();
        // No document has "insomnia" or "aches"; the sleep article means it.
        assertThat(ids("insomnia makes aches worse", RankingMode.BM25)).isEmpty();
        assertThat(ids("insomnia makes aches worse", RankingMode.HYBRID)).first().isEqualTo("sleep-pain");
    }

    @Test
    void wordsStillLeadWhenTheyMatch() throws Exception {
        assertThat(ids("CRPS", RankingMode.HYBRID)).first().isEqualTo("crps-guide");
        var response = library.search().search(SearchRequest.of("CRPS"));
        assertThat(response.mode()).isEqualTo("hybrid");
    }

    @Test
    void reindexReusesCachedVectors() throws Exception {
        long before = embeddings.counts()[0];
        library.rebuild(Library.Progress.NONE);
        assertThat(embeddings.counts()[0]).isEqualTo(before);
    }

    @Test
    void relatedIncludesNeighboursByMeaning() throws Exception {
        var related = library.related().of("massage-endorphins", 5);
        assertThat(related).anyMatch(r -> r.by().contains("meaning"));
        assertThat(related).noneMatch(r -> r.id().equals("massage-endorphins"));
    }
}
