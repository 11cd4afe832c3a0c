package org.painsearch.vectors;

import org.painsearch.Libraries;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.painsearch.TestCorpus;
import org.painsearch.app.Library;
import org.painsearch.corpus.CorpusStore;
import org.painsearch.index.IndexService;
import org.painsearch.search.RankingConfig;
import org.painsearch.engine.RankingMode;
import org.painsearch.engine.SearchResponse;
import org.painsearch.search.SearchService;
import org.painsearch.engine.SearchRequest;
import org.painsearch.engine.SortOrder;

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
        library = Libraries.open(new CorpusStore(corpus), IndexService.openWritable(dir.resolve("index")), Clock.systemUTC(),
                embeddings, RankingMode.HYBRID);
        library.rebuild(Library.Progress.NONE);
        library.engine().vectorsDone().join(); // words first, vectors in the background
    }

    @AfterAll
    static void close() throws Exception {
        library.close();
    }

    private static List<String> ids(String q, RankingMode mode) throws Exception {
        var req = new SearchRequest(q, List.of(), List.of(), List.of(), null, SortOrder.RELEVANCE, 1, 10, mode, false);
        return library.engine().search(req).hits().stream().map(h -> h.id()).toList();
    }

    @Test
    void meaningFindsWhatSharesNoWordOnlyAboveTheThreshold() throws Exception {
        assertThat(library.engine().hasVectors()).isTrue();
        // No document has "insomnia" or "aches"; the sleep article means it, at a cosine of about 0.75.
        String query = "insomnia makes aches worse";
        assertThat(ids(query, RankingMode.BM25)).isEmpty();
        float cosine = library.engine().closeness(query, List.of("sleep-pain"), 1).cosines().get("sleep-pain");
        assertThat(cosine).isBetween(0.6f, RankingConfig.DEFAULT.meaningThreshold());
        assertThat(ids(query, RankingMode.HYBRID)).as("below the calibrated threshold nothing is added").isEmpty();

        var lenient = new SearchService(Libraries.lucene(library).index(), Libraries.lucene(library).synonyms(), Set::of, embeddings.meaning(),
                RankingMode.HYBRID, RankingConfig.DEFAULT.withMeaning(1f, cosine - 0.01f));
        var found = lenient.search(SearchRequest.of(query));
        assertThat(found.hits()).extracting(SearchResponse.Hit::id).contains("sleep-pain");
        assertThat(found.hits()).allMatch(h -> h.matchedBy().equals(List.of("meaning")));
        assertThat(found.total()).isEqualTo(found.hits().size());
        var strict = new SearchService(Libraries.lucene(library).index(), Libraries.lucene(library).synonyms(), Set::of, embeddings.meaning(),
                RankingMode.HYBRID, RankingConfig.DEFAULT.withMeaning(1f, cosine + 0.01f));
        assertThat(strict.search(SearchRequest.of(query)).hits()).extracting(SearchResponse.Hit::id)
                .doesNotContain("sleep-pain");
    }

    @Test
    void nonsenseFindsNothingByMeaningEither() throws Exception {
        var response = library.engine().search(SearchRequest.of("qwzx blorptangle"));
        assertThat(response.total()).isZero();
        assertThat(response.hits()).isEmpty();
        assertThat(response.facets().get("type")).isEmpty();
    }

    @Test
    void wordsStillLeadWhenTheyMatch() throws Exception {
        assertThat(ids("CRPS", RankingMode.HYBRID)).first().isEqualTo("crps-guide");
        var response = library.engine().search(SearchRequest.of("CRPS"));
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
        var related = library.engine().related("massage-endorphins", 5);
        assertThat(related).anyMatch(r -> r.by().contains("meaning"));
        assertThat(related).noneMatch(r -> r.id().equals("massage-endorphins"));
    }
}
