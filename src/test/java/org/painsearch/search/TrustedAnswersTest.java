package org.painsearch.search;

import org.painsearch.Libraries;
import org.painsearch.engine.RankingMode;
import org.painsearch.engine.SortOrder;
import org.painsearch.engine.SearchResponse;
import org.painsearch.engine.SearchRequest;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.painsearch.Repository;
import org.painsearch.app.Library;
import org.painsearch.corpus.CorpusStore;
import org.painsearch.index.IndexService;
import org.painsearch.vectors.Embeddings;

/**
 * Issue 8's promises on the corpus the repository ships (as git holds it), in both ranking modes: every hit earns its
 * place, counts add up whatever the sort, exclusions reach every hit, nothing answers nothing.
 */
@Tag(Repository.TAG)
class TrustedAnswersTest {
    @org.junit.jupiter.api.io.TempDir
    static Path dir;
    static Library library;
    static Embeddings embeddings;

    @BeforeAll
    static void index() throws Exception {
        Path corpus = Repository.bundledCorpus(dir);
        embeddings = Embeddings.open(dir.resolve("cache"));
        library = Libraries.open(new CorpusStore(corpus), IndexService.openWritable(dir.resolve("index")),
                Clock.systemUTC(), embeddings, RankingMode.HYBRID);
        assertThat(library.rebuild(Library.Progress.NONE).problems()).isEmpty();
        library.engine().vectorsDone().join(); // words first, vectors in the background
        assertThat(library.engine().hasVectors()).isTrue();
    }

    @AfterAll
    static void close() throws IOException {
        library.close();
    }

    private static SearchResponse search(SearchService service, String q, RankingMode mode, SortOrder sort, int page)
            throws IOException {
        return service.search(new SearchRequest(q, List.of(), List.of(), List.of(), null, sort, page,
                SearchRequest.MAX_SIZE, mode, false));
    }

    /** Every hit of {@code q}, all pages. */
    private static List<SearchResponse.Hit> all(SearchService service, String q, RankingMode mode, SortOrder sort)
            throws IOException {
        var first = search(service, q, mode, sort, 1);
        var hits = new java.util.ArrayList<>(first.hits());
        for (int page = 2; hits.size() < first.total(); page++) {
            hits.addAll(search(service, q, mode, sort, page).hits());
        }
        assertThat(hits).hasSize((int) first.total());
        return hits;
    }

    private static Set<String> ids(List<SearchResponse.Hit> hits) {
        return hits.stream().map(SearchResponse.Hit::id).collect(Collectors.toSet());
    }

    @ParameterizedTest
    @EnumSource(RankingMode.class)
    void nonsenseAnswersNothing(RankingMode mode) throws IOException {
        for (var sort : SortOrder.values()) {
            var r = search(Libraries.lucene(library).searchService(), "qwzx blorptangle", mode, sort, 1);
            assertThat(r.total()).as(sort.name()).isZero();
            assertThat(r.hits()).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(RankingMode.class)
    void aWordInOneDocumentFindsThatDocument(RankingMode mode) throws IOException {
        // Each occurs in exactly one bundled file (checked with grep when the test was written).
        assertThat(ids(all(Libraries.lucene(library).searchService(), "synaesthesia", mode, SortOrder.RELEVANCE)))
                .containsExactly("mirror-therapy-phantom-limb");
        assertThat(ids(all(Libraries.lucene(library).searchService(), "pentapeptides", mode, SortOrder.RELEVANCE)))
                .containsExactly("endogenous-opioids-endorphins");
    }

    @ParameterizedTest
    @EnumSource(RankingMode.class)
    void totalsAndFacetsAreOneSetWhateverTheSort(RankingMode mode) throws IOException {
        for (String q : List.of("CRPS", "massage type:article", "touch oxytocin")) {
            var byRelevance = all(Libraries.lucene(library).searchService(), q, mode, SortOrder.RELEVANCE);
            var byDate = all(Libraries.lucene(library).searchService(), q, mode, SortOrder.DATE);
            assertThat(ids(byDate)).as(q).isEqualTo(ids(byRelevance));
            var response = search(Libraries.lucene(library).searchService(), q, mode, SortOrder.RELEVANCE, 1);
            long typeSum = response.facets().get("type").values().stream().mapToLong(Long::longValue).sum();
            assertThat(typeSum).as(q + ": type facets add up to the total").isEqualTo(response.total());
            for (var type : response.facets().get("type").entrySet()) {
                long ofType = byRelevance.stream().filter(h -> h.type().equals(type.getKey())).count();
                assertThat(ofType).as(q + " " + type.getKey()).isEqualTo(type.getValue());
            }
        }
        assertThat(search(Libraries.lucene(library).searchService(), "CRPS", mode, SortOrder.RELEVANCE, 1).hits().getFirst().id())
                .isEqualTo("crps-budapest-criteria");
    }

    @ParameterizedTest
    @EnumSource(RankingMode.class)
    void anAcronymIsNotTheWordItsStemMakes(RankingMode mode) throws IOException {
        // These say "ten" (one in ten, ten patients, one to ten cm/s) and never TENS (checked with grep when the test
        // was written): stemmed, TENS would be "ten" and find them.
        Set<String> sayTen = Set.of("mirror-therapy-phantom-limb", "pod-quiet-mind-008", "pod-quiet-mind-017");
        var service = Libraries.lucene(library).searchService();
        var byWords = all(service, "TENS", mode, SortOrder.RELEVANCE).stream()
                .filter(h -> h.matchedBy().contains("words")).toList();
        assertThat(ids(byWords)).contains("tens-meta-analysis", "note-tens-at-home")
                .doesNotContainAnyElementsOf(sayTen);
        assertThat(byWords.getFirst().id()).isEqualTo("tens-meta-analysis");
        // Typed in lower case it is read as any word is, stem and all.
        assertThat(ids(all(service, "tens", RankingMode.BM25, SortOrder.RELEVANCE))).containsAll(sayTen);
    }

    @ParameterizedTest
    @EnumSource(RankingMode.class)
    void anExclusionReachesEveryHit(RankingMode mode) throws IOException {
        Set<String> aboutSleep = ids(all(Libraries.lucene(library).searchService(), "sleep", RankingMode.BM25, SortOrder.RELEVANCE));
        assertThat(aboutSleep).isNotEmpty();
        var hits = all(Libraries.lucene(library).searchService(), "-sleep fibromyalgia", mode, SortOrder.RELEVANCE);
        assertThat(hits).isNotEmpty();
        assertThat(ids(hits)).doesNotContainAnyElementsOf(aboutSleep);
    }

    @ParameterizedTest
    @EnumSource(RankingMode.class)
    void textThatOnlyLooksLikeSyntaxIsSearchedAsWords(RankingMode mode) throws IOException {
        // A quote left open inside a sentence: read strictly it finds nothing, so the sentence is read as words.
        var open = search(Libraries.lucene(library).searchService(), "gate control theory predicts a \"pattern of pain", mode,
                SortOrder.RELEVANCE, 1);
        assertThat(open.hits()).isNotEmpty();
        assertThat(open.hits().getFirst().id()).isEqualTo("gate-control-theory");
        assertThat(open.notice()).contains("plain words");
        // An exclusion in a sentence is meant: it holds for every hit, however the rest is relaxed.
        Set<String> aboutSleep = ids(all(Libraries.lucene(library).searchService(), "sleep", RankingMode.BM25, SortOrder.RELEVANCE));
        var excluded = all(Libraries.lucene(library).searchService(), "does massage help fibromyalgia -sleep pain in women", mode,
                SortOrder.RELEVANCE);
        assertThat(ids(excluded)).isNotEmpty().doesNotContainAnyElementsOf(aboutSleep);
    }

    @org.junit.jupiter.api.Test
    void herOwnNoteAnswersHerQuestion() throws IOException {
        String question = "why does my pain come back a few days after a massage";
        var hits = search(Libraries.lucene(library).searchService(), question, RankingMode.HYBRID, SortOrder.RELEVANCE, 1).hits();
        assertThat(hits.getFirst().id()).isEqualTo("note-why-relief-fades");
        // "come back" is not "low back": the article on massage for low-back pain is not among the first answers.
        assertThat(hits.subList(0, 5)).extracting(SearchResponse.Hit::id).doesNotContain("massage-low-back-pain-cochrane");
        // Words alone cannot tell "come back" from "low back" (proximity bonuses were measured to hurt every dev
        // collection, see README): the note is still among the first two.
        var byWords = search(Libraries.lucene(library).searchService(), question, RankingMode.BM25, SortOrder.RELEVANCE, 1).hits();
        assertThat(byWords.subList(0, 2)).extracting(SearchResponse.Hit::id).contains("note-why-relief-fades");
    }

    @org.junit.jupiter.api.Test
    void filtersAndExclusionsApplyToMeaningHits() throws IOException {
        // A lenient threshold lets many documents in by meaning alone, so the filters have work to do.
        var lenient = new SearchService(Libraries.lucene(library).index(), Libraries.lucene(library).synonyms(), Set::of, embeddings.meaning(),
                RankingMode.HYBRID, RankingConfig.DEFAULT.withMeaning(1f, 0.5f));
        var open = all(lenient, "why relief fades days after a session", RankingMode.HYBRID, SortOrder.RELEVANCE);
        assertThat(open).anyMatch(h -> h.matchedBy().equals(List.of("meaning")));
        assertThat(open).anyMatch(h -> h.type().equals("note"));

        var noNotes = all(lenient, "why relief fades days after a session -type:note", RankingMode.HYBRID,
                SortOrder.RELEVANCE);
        assertThat(noNotes).isNotEmpty().noneMatch(h -> h.type().equals("note"));
        var articles = all(lenient, "why relief fades days after a session type:article", RankingMode.HYBRID,
                SortOrder.RELEVANCE);
        assertThat(articles).isNotEmpty().allMatch(h -> h.type().equals("article"));
        var tagged = all(lenient, "why relief fades days after a session tag:massage", RankingMode.HYBRID,
                SortOrder.RELEVANCE);
        var massageTagged = ids(all(lenient, "tag:massage", RankingMode.BM25, SortOrder.RELEVANCE));
        assertThat(ids(tagged)).isNotEmpty().isSubsetOf(massageTagged);
        Set<String> aboutSession = ids(all(lenient, "session", RankingMode.BM25, SortOrder.RELEVANCE));
        var excluded = all(lenient, "why relief fades days after -session", RankingMode.HYBRID, SortOrder.RELEVANCE);
        assertThat(ids(excluded)).isNotEmpty().doesNotContainAnyElementsOf(aboutSession);
        assertThat(new HashSet<>(ids(noNotes))).isSubsetOf(ids(open));
    }
}
