package org.painsearch.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.painsearch.corpus.CorpusStore;
import org.painsearch.corpus.DocType;
import org.painsearch.corpus.Document;

class CorpusGeneratorTest {
    @TempDir
    Path dir;

    private SourceTexts texts;

    @BeforeEach
    void collections() throws IOException {
        Path eval = dir.resolve("eval");
        Files.createDirectories(eval.resolve("alpha"));
        Files.createDirectories(eval.resolve("beta"));
        Files.writeString(eval.resolve("alpha/corpus.jsonl"), """
                {"_id": "a1", "title": "Does massage raise endorphins?", "text": "Massage was followed by a small rise in plasma beta-endorphin in two trials. The effect faded within an hour. Larger trials are needed before it can be called a mechanism of relief."}
                {"_id": "a2", "title": "Sleep and pain", "text": "Poor sleep lowers pain thresholds the next day. Restoring sleep raised them again in healthy volunteers. The link runs both ways in people with chronic pain."}
                {"_id": "a3", "title": "", "text": "Complex regional pain syndrome follows an injury to a limb. The Budapest criteria ask for symptoms in three of four categories. Early movement is encouraged by most guidelines."}
                """);
        Files.writeString(eval.resolve("alpha/queries.jsonl"), """
                {"_id": "q1", "text": "does massage release endorphins"}
                {"_id": "q2", "text": "why does poor sleep make pain worse"}
                """);
        Files.writeString(eval.resolve("beta/corpus.jsonl"), """
                {"_id": "b1", "title": "Gate control revisited", "text": "Touch signals carried by large fibres can damp the transmission of pain in the spinal cord. Rubbing a bumped elbow is the everyday example. The theory changed how clinicians thought about pain."}
                """);
        Files.writeString(eval.resolve("beta/queries.jsonl"), """
                {"_id": "q3", "text": "how does rubbing a bumped elbow reduce pain"}
                """);
        texts = SourceTexts.load(eval);
    }

    @Test
    void readsTitlesParagraphsAndQuestionsOfEveryCollectionInNameOrder() {
        assertThat(texts.titles()).containsExactly("Does massage raise endorphins?", "Sleep and pain",
                "Gate control revisited");
        assertThat(texts.questions()).containsExactly("does massage release endorphins",
                "why does poor sleep make pain worse", "how does rubbing a bumped elbow reduce pain");
        assertThat(texts.sentences()).contains("The Budapest criteria ask for symptoms in three of four categories.");
        assertThat(texts.paragraphs()).isNotEmpty().allMatch(p -> p.split(" ").length >= SourceTexts.PARAGRAPH_WORDS / 3);
    }

    @Test
    void theSameSeedWritesTheSameFilesByteForByte() throws IOException {
        var first = new CorpusGenerator(texts, CorpusGenerator.SEED).write(dir.resolve("one"), 120, n -> { });
        var second = new CorpusGenerator(texts, CorpusGenerator.SEED).write(dir.resolve("two"), 120, n -> { });
        assertThat(second).isEqualTo(first);
        assertThat(contents(dir.resolve("two"))).isEqualTo(contents(dir.resolve("one")));

        new CorpusGenerator(texts, CorpusGenerator.SEED + 1).write(dir.resolve("other"), 120, n -> { });
        assertThat(contents(dir.resolve("other"))).isNotEqualTo(contents(dir.resolve("one")));
    }

    @Test
    void aSmallerCorpusIsTheStartOfALargerOne() throws IOException {
        var generator = new CorpusGenerator(texts, CorpusGenerator.SEED);
        generator.write(dir.resolve("large"), 120, n -> { });
        generator.write(dir.resolve("small"), 40, n -> { });
        var large = contents(dir.resolve("large"));
        var small = contents(dir.resolve("small"));
        assertThat(small).hasSize(42); // 40 documents and the transcripts of the 2 podcasts among them
        small.forEach((file, text) -> assertThat(large.get(file)).as(file).isEqualTo(text));
    }

    @Test
    void everyFileIsAPainsearchDocumentWithPodcastTranscriptsAndResolvableNoteLinks() throws Exception {
        var written = new CorpusGenerator(texts, CorpusGenerator.SEED).write(dir.resolve("corpus"), 120, n -> { });
        assertThat(written.total()).isEqualTo(120);
        assertThat(written.podcasts()).isEqualTo(5); // ids 3, 28, 53, 78, 103: one in 25
        assertThat(written.notes()).isEqualTo(5);
        assertThat(written.articles()).isEqualTo(110);

        var store = new CorpusStore(dir.resolve("corpus"));
        var docs = new ArrayList<Document>();
        for (Path f : store.documentFiles()) {
            docs.add(store.read(f)); // a file painsearch cannot read fails the test with its reason
        }
        assertThat(docs).hasSize(120);
        assertThat(docs).filteredOn(d -> d.type() == DocType.PODCAST).hasSize(5)
                // four timed topics in the body; more segments can only come from the transcript beside it
                .allSatisfy(d -> assertThat(d.segments()).hasSizeGreaterThan(4));
        assertThat(docs).filteredOn(d -> d.type() == DocType.ARTICLE)
                .allSatisfy(d -> assertThat(d.published()).isNotNull())
                .allSatisfy(d -> assertThat(d.tags()).isNotEmpty());
        var notes = docs.stream().filter(d -> d.type() == DocType.NOTE).toList();
        assertThat(notes).hasSize(5).anySatisfy(n -> assertThat(n.links()).isNotEmpty());
        for (var note : notes) {
            for (var link : note.links()) {
                assertThat(store.pathFor(DocType.ARTICLE, link.target())).as(link.target()).exists();
            }
        }
        assertThat(docs).extracting(Document::title).allMatch(t -> texts.titles().stream().anyMatch(t::endsWith));
    }

    @Test
    void refusesAnEmptyCorpusAndAFolderWithoutCollections() throws IOException {
        var generator = new CorpusGenerator(texts, CorpusGenerator.SEED);
        assertThatThrownBy(() -> generator.write(dir.resolve("none"), 0, n -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one document");
        Files.createDirectories(dir.resolve("empty"));
        assertThatThrownBy(() -> SourceTexts.load(dir.resolve("empty")))
                .isInstanceOf(IOException.class).hasMessageContaining("no */corpus.jsonl under");
        assertThatThrownBy(() -> SourceTexts.load(dir.resolve("missing")))
                .isInstanceOf(IOException.class).hasMessageContaining("--shared");
    }

    @Test
    void questionsAreSampledAtEvenSteps() {
        var all = List.of("q0", "q1", "q2", "q3", "q4", "q5", "q6", "q7", "q8", "q9");
        assertThat(QuerySet.of(all, 5).questions()).containsExactly("q0", "q2", "q4", "q6", "q8");
        assertThat(QuerySet.of(all, 50).questions()).isEqualTo(all);
        assertThat(QuerySet.searchPaths(List.of("pins and needles?"))).containsExactly("/api/search?q=pins+and+needles%3F");
    }

    private static Map<String, String> contents(Path root) throws IOException {
        var out = new LinkedHashMap<String, String>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                out.put(root.relativize(f).toString(), Files.readString(f));
            }
        }
        return out;
    }
}
