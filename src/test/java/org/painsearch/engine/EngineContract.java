package org.painsearch.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.painsearch.corpus.DocType;
import org.painsearch.corpus.Document;

/**
 * What every backend must do behind the seam, with exact expected answers: a backend's test extends this and says
 * how to open it over an empty index. Written against {@link Engine} only.
 */
public abstract class EngineContract {
    @TempDir
    protected Path dir;
    private Engine engine;

    /** An engine over a new, empty index in {@code dir}, ranking by words, with {@code bookmarked} bookmarked. */
    protected abstract Engine open(Path dir, java.util.Set<String> bookmarked) throws IOException;

    @BeforeEach
    void openAndFill() throws IOException {
        engine = open(dir, java.util.Set.of("sleep-pain"));
        engine.rebuild(List.of(
                doc("massage-endorphins", DocType.ARTICLE, "Massage and endorphins", 2019, List.of("massage"),
                        "Massage raised endorphins in the blood of 20 adults after one session."),
                doc("sleep-pain", DocType.ARTICLE, "Poor sleep and pain", 2021, List.of("sleep"),
                        "Poor sleep lowers pain thresholds; massage before bed helped some."),
                doc("note-glow", DocType.NOTE, "Why clients feel good", 2024, List.of("massage", "clients"),
                        "Clients feel good after massage; see [[massage-endorphins]]."),
                doc("left-out", DocType.ARTICLE, "Left out by the loader", 2020, List.of(), "Never indexed.")),
                d -> d.id().equals("left-out") ? null : new Engine.Entry(d, d.type() == DocType.NOTE ? "v2" : "v1"),
                done -> { });
    }

    @AfterEach
    void close() throws IOException {
        engine.close();
    }

    private static Document doc(String id, DocType type, String title, int year, List<String> tags, String body) {
        return new Document(id, type, title, null, List.of("Ada Lovelace"), LocalDate.of(year, 3, 1), null, tags,
                null, null, null, body, List.of(), null);
    }

    private List<String> ids(SearchRequest request) throws IOException {
        return engine.search(request).hits().stream().map(SearchResponse.Hit::id).toList();
    }

    private static SearchRequest filtered(String query, Filter... filters) {
        return new SearchRequest(query, List.of(filters), SortOrder.RELEVANCE, 1, 10, RankingMode.BM25, false);
    }

    @Test
    void searchesMarkTheMatchedWordsAsRangesOfPlainText() throws IOException {
        var response = engine.search(SearchRequest.of("endorphins"));
        // The note links to the article: a link reads as the title it points at, so the note matches too.
        assertThat(response.hits()).extracting(SearchResponse.Hit::id)
                .containsExactlyInAnyOrder("massage-endorphins", "note-glow");
        var article = response.hits().stream().filter(h -> h.id().equals("massage-endorphins")).findFirst().orElseThrow();
        Highlight snippet = article.snippets().get(0);
        assertThat(snippet.text()).doesNotContain("<mark>").contains("endorphins in the blood");
        assertThat(snippet.markedWords()).containsExactly("endorphins");
        assertThat(response.facets().get("type")).containsEntry("article", 1L).containsEntry("note", 1L);
    }

    @Test
    void filtersNarrowExcludeAndComeFromTheQueryTextOrBeside() throws IOException {
        assertThat(ids(filtered("massage", new Filter.TypeIs(DocType.NOTE, false)))).containsExactly("note-glow");
        assertThat(ids(filtered("massage", new Filter.TagIs("sleep", true), new Filter.TypeIs(DocType.NOTE, true))))
                .containsExactly("massage-endorphins");
        assertThat(ids(filtered("massage", new Filter.YearIn(2020, 2030, false))))
                .containsExactlyInAnyOrder("sleep-pain", "note-glow");
        assertThat(ids(filtered("", new Filter.Bookmarked(false)))).containsExactly("sleep-pain");
        assertThat(ids(filtered("", new Filter.Cited(true, false)))).containsExactly("massage-endorphins");
        assertThat(ids(SearchRequest.of("massage -tag:sleep type:article"))).containsExactly("massage-endorphins");
        var typo = engine.search(SearchRequest.of("massage year:soon"));
        assertThat(typo.notice()).contains("Ignored the filter 'year:soon'");
        assertThat(typo.total()).isEqualTo(3);
    }

    @Test
    void aWriteIsSearchableOnceItsGenerationIsVisibleAndADeleteTakesItOut() throws IOException {
        long written = engine.write(doc("breathing", DocType.ARTICLE, "Slow breathing", 2020, List.of(),
                "Slow diaphragmatic breathing eased pain."), "v7");
        engine.awaitVisible(written);
        assertThat(ids(SearchRequest.of("diaphragmatic"))).containsExactly("breathing");
        assertThat(engine.contentVersions()).containsEntry("breathing", "v7").containsEntry("note-glow", "v2")
                .doesNotContainKey("left-out");
        assertThat(engine.documentCount()).isEqualTo(4);
        engine.awaitVisible(engine.delete("breathing"));
        assertThat(ids(SearchRequest.of("diaphragmatic"))).isEmpty();
        engine.flush();
        assertThat(engine.contentVersions()).doesNotContainKey("breathing");
    }

    @Test
    void aFileStampIsRecordedWithItsDocumentAndReplacedByARestamp() throws IOException {
        var stamp = new org.painsearch.corpus.FileStamp(120, 1_700_000_000_000_000_000L);
        engine.awaitVisible(engine.write(doc("breathing", DocType.ARTICLE, "Slow breathing", 2020, List.of(),
                "Slow breathing eased pain."), "v7", stamp));
        assertThat(engine.indexedFiles()).containsEntry("breathing", new IndexedFile("v7", stamp));
        var later = new org.painsearch.corpus.FileStamp(120, 1_700_000_100_000_000_000L);
        engine.restamp("breathing", later);
        engine.flush();
        assertThat(engine.indexedFiles()).containsEntry("breathing", new IndexedFile("v7", later))
                .containsEntry("note-glow", new IndexedFile("v2", null));
    }

    @Test
    void documentsLinksAndRankingAnswerByIdWithoutBackendTypes() throws IOException {
        var view = engine.document("note-glow").orElseThrow();
        assertThat(view.links()).extracting(DocumentView.LinkView::id).containsExactly("massage-endorphins");
        assertThat(engine.document("massage-endorphins").orElseThrow().backlinks())
                .extracting(DocumentView.Backlink::id).containsExactly("note-glow");
        assertThat(engine.document("nope")).isEmpty();
        assertThat(engine.marks("sleep-pain", "massage")).containsExactly("massage");
        assertThat(engine.resolveLinks("see [[sleep-pain]]")).extracting(Map::keySet).asString().contains("sleep-pain");
        assertThat(engine.refs(List.of("sleep-pain", "gone"))).containsOnlyKeys("sleep-pain");
        assertThat(engine.graph(null).edges()).containsExactly(new Links.Edge("note-glow", "massage-endorphins"));
        assertThat(engine.rank(filtered("massage", new Filter.TypeIs(DocType.ARTICLE, false))))
                .extracting(Ranked::id).containsExactlyInAnyOrder("massage-endorphins", "sleep-pain");
        assertThat(engine.hasVectors()).isFalse();
        assertThat(engine.defaultMode()).isEqualTo(RankingMode.BM25);
    }
}
