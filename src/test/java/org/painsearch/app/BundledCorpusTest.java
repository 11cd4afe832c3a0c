package org.painsearch.app;

import org.painsearch.Libraries;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.painsearch.Repository;
import org.painsearch.corpus.CorpusStore;
import org.painsearch.corpus.DocType;
import org.painsearch.corpus.Document;
import org.painsearch.corpus.Link;
import org.painsearch.index.IndexService;
import org.painsearch.index.Synonyms;
import org.painsearch.engine.SearchRequest;
import org.painsearch.engine.SearchResponse;

/**
 * The corpus shipped in the repository (as git holds it, never the checkout's own corpus/ with her notes): complete,
 * well-formed, linked, and finding what the issue promises.
 */
@Tag(Repository.TAG)
class BundledCorpusTest {
    @TempDir
    static Path dir;
    static Path corpus;
    static Library library;
    static List<Document> docs;

    @BeforeAll
    static void index() throws Exception {
        corpus = Repository.bundledCorpus(dir);
        var store = new CorpusStore(corpus);
        docs = new java.util.ArrayList<>();
        for (Path file : store.documentFiles()) {
            docs.add(store.read(file));
        }
        library = Libraries.open(store, IndexService.openWritable(dir.resolve("index")));
        var report = library.rebuild(Library.Progress.NONE);
        assertThat(report.problems()).isEmpty();
    }

    @AfterAll
    static void close() throws IOException {
        library.close();
    }

    @Test
    void hasTheRequiredNumbersOfEachKind() {
        Map<DocType, Long> counts = docs.stream().collect(Collectors.groupingBy(Document::type, Collectors.counting()));
        assertThat(counts.get(DocType.ARTICLE)).isGreaterThanOrEqualTo(40);
        assertThat(counts.get(DocType.PODCAST)).isGreaterThanOrEqualTo(15);
        assertThat(counts.get(DocType.NOTE)).isGreaterThanOrEqualTo(10);
    }

    @Test
    void everyPodcastHasTimedSegmentsAndEveryNoteLinksOnlyToExistingDocuments() {
        var ids = docs.stream().map(Document::id).collect(Collectors.toSet());
        for (Document d : docs) {
            if (d.type() == DocType.PODCAST) {
                assertThat(d.segments()).as(d.id()).hasSizeGreaterThanOrEqualTo(5);
                assertThat(d.podcast().show()).as(d.id()).isNotBlank();
            }
            if (d.type() == DocType.NOTE) {
                assertThat(d.links()).as(d.id()).isNotEmpty();
                assertThat(d.links()).extracting(Link::target).as(d.id()).allMatch(ids::contains);
            }
        }
        assertThat(new HashSet<>(docs.stream().map(Document::id).toList())).hasSize(docs.size());
    }

    @Test
    void synonymFileParses() throws Exception {
        Synonyms.parse(Files.readString(corpus.resolve("synonyms.txt")));
        assertThat(library.engine().status().synonymProblem()).isNull();
    }

    @Test
    void crpsFindsComplexRegionalPainSyndromeMaterial() throws IOException {
        var hits = library.engine().search(SearchRequest.of("CRPS")).hits();
        assertThat(hits).isNotEmpty();
        assertThat(hits.get(0).id()).isEqualTo("crps-budapest-criteria");
        assertThat(hits.get(0).snippets()).anySatisfy(s -> assertThat(s.markedWords())
                .anySatisfy(w -> assertThat(w).isEqualToIgnoringCase("complex regional pain syndrome")));
    }

    @Test
    void endorphinsMassageShowsTheTherapistNoteUnderAnArticleItCites() throws IOException {
        var hits = library.engine().search(SearchRequest.of("endorphins massage")).hits();
        assertThat(hits).filteredOn(h -> h.type().equals("article"))
                .anySatisfy(h -> assertThat(h.linkedNotes()).extracting(SearchResponse.NoteRef::id)
                        .contains("note-endorphins-after-massage"));
    }
}
