package org.painsearch.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.painsearch.corpus.CorpusStore;
import org.painsearch.corpus.DocType;
import org.painsearch.corpus.Document;
import org.painsearch.corpus.TextFiles;

/** Transcripts imported on their own: named from the file and what lies beside it, joined to their feed episode. */
class TranscriptImportTest {
    private static final String VTT = """
            WEBVTT

            00:00:01.000 --> 00:00:05.000
            Welcome to the show, today we talk about breath and pain.
            """;

    @TempDir
    Path dir;
    Path in;
    CorpusStore store;

    @BeforeEach
    void setUp() throws IOException {
        in = Files.createDirectories(dir.resolve("downloads"));
        store = new CorpusStore(dir.resolve("corpus"));
    }

    private Document importOne(Path file) throws Exception {
        var outcomes = new Importer(store, TextFiles.DEFAULT_MAX_BYTES).importAll(List.of(file), o -> { });
        assertThat(outcomes).singleElement().isInstanceOf(ImportOutcome.Imported.class);
        return store.read(((ImportOutcome.Imported) outcomes.getFirst()).document().path());
    }

    @Test
    void showEpisodeAndTitleComeFromAnAppStyleFileName() throws Exception {
        var d = importOne(Files.writeString(in.resolve("Quiet Hands - 123 - Why Pain Persists.mp3.vtt"), VTT));

        assertThat(d.title()).isEqualTo("Why Pain Persists");
        assertThat(d.podcast().show()).isEqualTo("Quiet Hands");
        assertThat(d.podcast().episode()).isEqualTo("123");
        assertThat(d.source()).isEqualTo("Quiet Hands");
        assertThat(d.id()).isEqualTo("quiet-hands-123-why-pain-persists");
    }

    @Test
    void aJsonBesideTheTranscriptNamesTheEpisode() throws Exception {
        Files.writeString(in.resolve("ep0042.mp3.json"), """
                {"title": "Breath, posture and the sore neck", "series": "Quiet Hands", "episode_number": 42,
                 "upload_date": "20230514", "webpage_url": "https://quiet.example/42"}
                """);
        var d = importOne(Files.writeString(in.resolve("ep0042.mp3.vtt"), VTT));

        assertThat(d.title()).isEqualTo("Breath, posture and the sore neck");
        assertThat(d.podcast().show()).isEqualTo("Quiet Hands");
        assertThat(d.podcast().episode()).isEqualTo("42");
        assertThat(d.published()).isEqualTo(LocalDate.of(2023, 5, 14));
    }

    @Test
    void aFeedBesideTheTranscriptNamesTheEpisodeByItsAudioFile() throws Exception {
        Files.writeString(in.resolve("feed.xml"), """
                <?xml version="1.0"?><rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd">
                <channel><title>Quiet Hands</title><link>https://quiet.example/</link>
                <item><title>Slow touch for anxious clients</title><itunes:episode>7</itunes:episode>
                <pubDate>Tue, 02 May 2023 08:00:00 GMT</pubDate>
                <enclosure url="https://cdn.quiet.example/audio/qh-007.mp3" type="audio/mpeg" length="1"/></item>
                </channel></rss>
                """);
        var d = importOne(Files.writeString(in.resolve("qh-007.mp3.vtt"), VTT));

        assertThat(d.title()).isEqualTo("Slow touch for anxious clients");
        assertThat(d.podcast().show()).isEqualTo("Quiet Hands");
        assertThat(d.podcast().episode()).isEqualTo("7");
        assertThat(d.podcast().audio()).isEqualTo("https://cdn.quiet.example/audio/qh-007.mp3");
        assertThat(d.published()).isEqualTo(LocalDate.of(2023, 5, 2));
    }

    @Test
    void aTranscriptOfAFeedEpisodeAlreadyStoredJoinsThatEpisode() throws Exception {
        var episode = new Document("quiet-hands-slow-touch", DocType.PODCAST, "Slow touch for anxious clients",
                "https://quiet.example/7", List.of(), LocalDate.of(2023, 5, 2), "Quiet Hands", List.of(), null, null,
                new Document.PodcastInfo("Quiet Hands", "7", "https://cdn.quiet.example/audio/qh-007.mp3", null),
                "Show notes.", List.of(), null);
        store.write(episode, List.of("https://quiet.example/7"), null, null);
        String before = Files.readString(store.pathFor(DocType.PODCAST, episode.id()));

        var outcomes = new Importer(store, TextFiles.DEFAULT_MAX_BYTES)
                .importAll(List.of(Files.writeString(in.resolve("qh-007.mp3.vtt"), VTT)), o -> { });

        assertThat(outcomes).singleElement().isInstanceOfSatisfying(ImportOutcome.Imported.class, i -> {
            assertThat(i.updated()).isTrue();
            assertThat(i.document().id()).isEqualTo("quiet-hands-slow-touch");
        });
        assertThat(store.documentFiles()).hasSize(1);
        assertThat(Files.readString(store.pathFor(DocType.PODCAST, episode.id()))).as("the episode's file, urls kept")
                .isEqualTo(before);
        var joined = store.read(store.pathFor(DocType.PODCAST, episode.id()));
        assertThat(joined.segments()).extracting(s -> s.text()).anySatisfy(t -> assertThat(t).contains("breath and pain"));
    }

    @Test
    void aTranscriptNamedLikeAStoredEpisodeOfTheSameShowJoinsIt() throws Exception {
        var episode = new Document("quiet-hands-12-breath", DocType.PODCAST, "Breath", "https://quiet.example/12",
                List.of(), null, "Quiet Hands", List.of(), null, null,
                new Document.PodcastInfo("Quiet Hands", "12", null, null), "", List.of(), null);
        store.write(episode, null, null);

        var d = importOne(Files.writeString(in.resolve("Quiet Hands - 12 - Breath.vtt"), VTT));

        assertThat(d.id()).isEqualTo("quiet-hands-12-breath");
        assertThat(store.documentFiles()).hasSize(1);
    }

    @Test
    void theSameTranscriptImportedTwiceIsUpdatedNotDuplicated() throws Exception {
        Path file = Files.writeString(in.resolve("Quiet Hands - 5 - Rest.vtt"), VTT);
        importOne(file);
        importOne(file);

        assertThat(store.documentFiles()).hasSize(1);
    }

    @Test
    void twoEpisodesOfOneShowWithTheSameTitleStayTwo() throws Exception {
        var episode = new Document("quiet-hands-12-breath", DocType.PODCAST, "Breath", "https://quiet.example/12",
                List.of(), null, "Quiet Hands", List.of(), null, null,
                new Document.PodcastInfo("Quiet Hands", "12", null, null), "", List.of(), null);
        store.write(episode, null, null);
        importOne(Files.writeString(in.resolve("Quiet Hands - 40 - Breath.vtt"), VTT));
        importOne(Files.writeString(in.resolve("Quiet Hands - 41 - Breath.vtt"), VTT));

        assertThat(store.documentFiles()).extracting(p -> p.getFileName().toString()).containsExactlyInAnyOrder(
                "quiet-hands-12-breath.md", "quiet-hands-40-breath.md", "quiet-hands-41-breath.md");
    }
}
