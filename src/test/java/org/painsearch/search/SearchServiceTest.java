package org.painsearch.search;

import org.painsearch.engine.DocumentView;
import org.painsearch.engine.SortOrder;
import org.painsearch.engine.SearchResponse;
import org.painsearch.engine.SearchRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.painsearch.TestCorpus;
import org.painsearch.app.Library;

class SearchServiceTest {
    @TempDir
    static Path dir;
    static Library library;

    @BeforeAll
    static void open() throws IOException {
        library = TestCorpus.library(dir);
    }

    @AfterAll
    static void close() throws IOException {
        library.close();
    }

    private static SearchResponse search(String q) throws IOException {
        return library.engine().search(SearchRequest.of(q));
    }

    private static List<String> ids(String q) throws IOException {
        return search(q).hits().stream().map(SearchResponse.Hit::id).toList();
    }

    @Test
    void abbreviationFindsTheSpelledOutTermThroughSynonyms() throws IOException {
        assertThat(ids("CRPS")).containsExactly("crps-guide");
        assertThat(ids("reflex sympathetic dystrophy")).containsExactly("crps-guide");
    }

    @Test
    void stemmingMatchesOtherFormsOfAWord() throws IOException {
        assertThat(ids("rubbed")).containsExactly("gate-control");
        assertThat(ids("amplify")).containsExactly("sleep-pain");
    }

    @Test
    void allWordsMustMatchAndNotesCitingAHitAreListed() throws IOException {
        var response = search("endorphins massage");
        assertThat(response.hits()).extracting(SearchResponse.Hit::id)
                .containsExactlyInAnyOrder("massage-endorphins", "note-glow");
        var article = response.hits().stream().filter(h -> h.id().equals("massage-endorphins")).findFirst().orElseThrow();
        assertThat(article.linkedNotes()).containsExactly(new SearchResponse.NoteRef("note-glow", "Why clients feel good afterwards"));
        assertThat(article.snippets()).anySatisfy(s -> assertThat(s.markedWords()).contains("massage"));
        assertThat(response.notice()).isNull();
    }

    @Test
    void phraseExcludeAndOr() throws IOException {
        assertThat(ids("\"spinal gate\"")).containsExactly("gate-control");
        assertThat(ids("\"gate spinal\"")).isEmpty();
        assertThat(ids("pain -sleep")).doesNotContain("sleep-pain").contains("gate-control", "crps-guide");
        assertThat(ids("melzack OR budapest")).containsExactlyInAnyOrder("gate-control", "crps-guide");
    }

    @Test
    void filtersInTheQueryText() throws IOException {
        assertThat(ids("type:note")).containsExactly("note-glow");
        assertThat(ids("massage type:podcast")).containsExactly("pod-touch");
        assertThat(ids("tag:crps")).containsExactly("crps-guide");
        assertThat(ids("author:melzack")).containsExactly("gate-control");
        assertThat(ids("author:\"Grace Hopper\"")).containsExactly("massage-endorphins");
        assertThat(ids("year:2010..2019")).containsExactlyInAnyOrder("crps-guide", "massage-endorphins", "sleep-pain");
        assertThat(ids("pain year:..1970")).containsExactly("gate-control");
        assertThat(ids("massage -type:article")).containsExactlyInAnyOrder("pod-touch", "note-glow");
    }

    @Test
    void podcastHitsCarryTheMomentThatMatched() throws IOException {
        var oxytocin = search("oxytocin").hits();
        assertThat(oxytocin).extracting(SearchResponse.Hit::id).containsExactly("pod-touch");
        assertThat(oxytocin.get(0).timestamp()).isEqualTo("00:20:00");
        assertThat(oxytocin.get(0).timestampSeconds()).isEqualTo(1200L);
        assertThat(oxytocin.get(0).snippets().get(0).markedWords()).contains("Oxytocin");
        var stroking = search("stroking").hits();
        assertThat(stroking).extracting(SearchResponse.Hit::id).contains("pod-touch");
        assertThat(stroking.stream().filter(h -> h.id().equals("pod-touch")).findFirst().orElseThrow().timestamp())
                .isEqualTo("00:12:30");
    }

    @Test
    void badSyntaxIsSearchedAsWordsWithANotice() throws IOException {
        var response = search("\"endorphins massage");
        assertThat(response.notice()).contains("quotation mark is not closed").contains("plain words");
        assertThat(response.hits()).extracting(SearchResponse.Hit::id).contains("massage-endorphins");
        assertThat(search("(pain AND").notice()).contains("bracket");
        assertThat(search("year:soon pain").notice()).contains("Ignored the filter 'year:soon'");
    }

    @Test
    void aPastedParagraphIsCutToItsFirstWordsInsteadOfFailing() throws IOException {
        String pasted = ("massage " + "pain ".repeat(40) + "endorphins ").repeat(8);
        var response = search(pasted);
        assertThat(response.notice()).contains("first 64 words");
        assertThat(response.hits()).extracting(SearchResponse.Hit::id).isNotEmpty();
    }

    @Test
    void relaxesToAnyWordWhenNoDocumentHasAll() throws IOException {
        var response = search("melzack oxytocin");
        assertThat(response.notice()).contains("any of them");
        assertThat(response.hits()).extracting(SearchResponse.Hit::id).containsExactlyInAnyOrder("gate-control", "pod-touch");
    }

    @Test
    void facetsCountEachDimensionOverExactlyTheHits() throws IOException {
        var all = search("");
        assertThat(all.total()).isEqualTo(6);
        assertThat(all.facets().get("type")).containsEntry("article", 4L).containsEntry("podcast", 1L).containsEntry("note", 1L);
        assertThat(all.facets().get("year").keySet()).first().isEqualTo("2024");
        var onlyNotes = library.engine().search(new SearchRequest("", List.of("note"), List.of(), List.of(), null,
                SortOrder.RELEVANCE, 1, 10));
        assertThat(onlyNotes.total()).isEqualTo(1);
        // Counted over the hits alone, so every dimension adds up to the total.
        assertThat(onlyNotes.facets().get("type")).containsExactly(java.util.Map.entry("note", 1L));
        assertThat(onlyNotes.facets().get("tag")).containsOnlyKeys("clients");
    }

    @Test
    void sortsByDateAndPages() throws IOException {
        var byDate = library.engine().search(new SearchRequest("", List.of(), List.of(), List.of(), null, SortOrder.DATE, 1, 3));
        assertThat(byDate.hits()).extracting(SearchResponse.Hit::id).containsExactly("note-glow", "pod-touch", "massage-endorphins");
        var page2 = library.engine().search(new SearchRequest("", List.of(), List.of(), List.of(), null, SortOrder.DATE, 2, 3));
        assertThat(page2.hits()).extracting(SearchResponse.Hit::id).containsExactly("sleep-pain", "crps-guide", "gate-control");
        assertThat(page2.total()).isEqualTo(6);
    }

    @Test
    void malformedRequestParametersAreRefused() {
        assertThatThrownBy(() -> new SearchRequest("x", List.of(), List.of(), List.of(), null, SortOrder.RELEVANCE, 0, 10))
                .hasMessageContaining("page");
        assertThatThrownBy(() -> library.engine().search(new SearchRequest("x", List.of(), List.of(), List.of(), "next year",
                SortOrder.RELEVANCE, 1, 10))).hasMessageContaining("year must look like");
    }

    @Test
    void documentViewHasLinksResolvedOrNotAndBacklinks() throws IOException {
        var note = library.engine().document("note-glow").orElseThrow();
        assertThat(note.links()).extracting(DocumentView.LinkView::target, DocumentView.LinkView::resolved)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("massage-endorphins", true),
                        org.assertj.core.groups.Tuple.tuple("pod-touch", true),
                        org.assertj.core.groups.Tuple.tuple("missing-doc", false));
        assertThat(note.links().get(1).timestamp()).isEqualTo("00:12:30");
        var pod = library.engine().document("pod-touch").orElseThrow();
        assertThat(pod.backlinks()).extracting(DocumentView.Backlink::id).containsExactly("note-glow");
        assertThat(pod.backlinks().get(0).context())
                .isEqualTo("The blood study “Massage and endorphins” is weak, and the slow stroking segment in the episode points at C-tactile fibres.");
        assertThat(note.links().get(1).moment()).isEqualTo("Slow stroking activates C-tactile afferents");
        assertThat(note.links().get(0).context()).startsWith("The blood study “Massage and endorphins” is weak")
                .doesNotContain("[[");
        assertThat(pod.segments()).extracting(DocumentView.Moment::timestamp)
                .containsExactly("00:00:00", "00:12:30", "00:20:00", "00:21:00");
        assertThat(library.engine().document("nope")).isEmpty();
    }
}
