package org.painsearch.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DocumentCodecTest {
    private static final Path ARTICLE_PATH = Path.of("corpus/articles/massage-endorphins.md");
    private static final Path PODCAST_PATH = Path.of("corpus/podcasts/pod-touch.md");
    private static final Path NOTE_PATH = Path.of("corpus/notes/note-glow.md");

    private static final String PODCAST = """
            ---
            id: pod-touch
            type: podcast
            title: Touch and the brain
            url: https://podcasts.example.org/touch/12
            authors: [Lena Varga]
            published: 2023-02
            show: Touch Matters
            episode: 12
            audio: https://podcasts.example.org/touch/12.mp3
            duration: "00:40:00"
            tags: Affective Touch, C-tactile
            ---
            Show notes about touch.

            ## Segments
            - 00:00:00 Introductions
            - [12:30] Slow stroking and C-tactile afferents
            * 1:02:03 – Questions from listeners
            - not a time, just a list item
            """;

    private static Document article(String frontMatterLines) {
        return DocumentCodec.decode("---\n" + frontMatterLines + "\n---\nBody.\n", ARTICLE_PATH, DocType.ARTICLE,
                List.of());
    }

    @Test
    void decodesEveryArticleField() {
        var d = DocumentCodec.decode("""
                ---
                id: massage-endorphins
                type: article
                title: "  Massage and endorphins  "
                url: https://example.org/massage-endorphins
                authors: [Ada Lovelace, Grace Hopper]
                published: 2019-03-10
                source: Journal of Touch
                tags: [Massage, Beta Endorphin, pain_science, massage]
                doi: 10.1000/xyz123
                pmid: 31234567
                ---
                Beta-endorphin levels rose after a session.
                """, ARTICLE_PATH, DocType.ARTICLE, List.of());

        assertThat(d).isEqualTo(new Document("massage-endorphins", DocType.ARTICLE, "Massage and endorphins",
                "https://example.org/massage-endorphins", List.of("Ada Lovelace", "Grace Hopper"),
                LocalDate.of(2019, 3, 10), "Journal of Touch", List.of("massage", "beta-endorphin", "pain-science"),
                "10.1000/xyz123", "31234567", null, "Beta-endorphin levels rose after a session.\n", List.of(),
                ARTICLE_PATH));
    }

    @Test
    void decodesEveryPodcastFieldWithListedTopicsThenTranscriptPassages() {
        var transcript = List.of(new TimedText.Cue(1_200_000, 1_204_000, "Lena: Oxytocin release during gentle massage."),
                new TimedText.Cue(1_204_500, 1_207_000, "Lena: The human evidence is thin."));

        var d = DocumentCodec.decode(PODCAST, PODCAST_PATH, DocType.PODCAST, transcript);

        assertThat(d).isEqualTo(new Document("pod-touch", DocType.PODCAST, "Touch and the brain",
                "https://podcasts.example.org/touch/12", List.of("Lena Varga"), LocalDate.of(2023, 2, 1),
                "Touch Matters", List.of("affective-touch", "c-tactile"), null, null,
                new Document.PodcastInfo("Touch Matters", "12", "https://podcasts.example.org/touch/12.mp3",
                        "00:40:00"),
                PODCAST.substring(PODCAST.indexOf("Show notes")),
                List.of(new Segment(0, "Introductions"),
                        new Segment(750, "Slow stroking and C-tactile afferents"),
                        new Segment(3723, "Questions from listeners"),
                        new Segment(1200, "Lena: Oxytocin release during gentle massage. Lena: The human evidence is thin.",
                                List.of(new Segment.Mark(0, 1200), new Segment.Mark(46, 1204)))),
                PODCAST_PATH));
    }

    @Test
    void podcastSourceIsItsOwnSourceBeforeTheShow() {
        var d = DocumentCodec.decode("---\ntitle: Ep\nshow: Touch Matters\nsource: Pain Network\n---\n", PODCAST_PATH,
                DocType.PODCAST, List.of());

        assertThat(d.source()).isEqualTo("Pain Network");
        assertThat(d.podcast().show()).isEqualTo("Touch Matters");
    }

    @Test
    void podcastTopicLinesWithWindowsLineEndingsAreSegments() {
        var d = DocumentCodec.decode("---\r\ntitle: Ep\r\n---\r\n- 00:12:30 Slow stroking\r\n- [15:00] Oxytocin\r\n",
                PODCAST_PATH, DocType.PODCAST, List.of());

        assertThat(d.segments()).containsExactly(new Segment(750, "Slow stroking"), new Segment(900, "Oxytocin"));
    }

    @Test
    void decodesANoteWithIdFromTheFileNameAndCreatedAsItsDate() {
        var d = DocumentCodec.decode("""
                ---
                type: note
                title: Why clients feel good afterwards
                created: 2024-05-01T10:00:00Z
                tags: [Clients]
                ---
                The blood study [[massage-endorphins]] is weak.
                - 00:12:30 a time in a note is not a segment
                """, NOTE_PATH, DocType.NOTE, List.of(new TimedText.Cue(1000, 2000, "ignored for notes")));

        assertThat(d).isEqualTo(new Document("note-glow", DocType.NOTE, "Why clients feel good afterwards", null,
                List.of(), LocalDate.of(2024, 5, 1), null, List.of("clients"), null, null, null,
                "The blood study [[massage-endorphins]] is weak.\n- 00:12:30 a time in a note is not a segment\n",
                List.of(), NOTE_PATH, new Document.NoteInfo(null, false)));
        assertThat(d.links()).containsExactly(new Link("massage-endorphins", null, -1));
    }

    @Test
    void typeComesFromTheFolderWhenNotWritten() {
        var d = DocumentCodec.decode("---\ntitle: Ep\n---\n", PODCAST_PATH, DocType.PODCAST, List.of());

        assertThat(d.type()).isEqualTo(DocType.PODCAST);
        assertThat(d.podcast()).isEqualTo(new Document.PodcastInfo(null, null, null, null));
    }

    @Test
    void writtenTypeWinsOverTheFolder() {
        var d = DocumentCodec.decode("---\ntype: Note\ntitle: T\n---\n", ARTICLE_PATH, DocType.ARTICLE, List.of());

        assertThat(d.type()).isEqualTo(DocType.NOTE);
    }

    @Test
    void podcastTopicLines() {
        assertThat(DocumentCodec.segmentsFromBody("""
                - 00:12:30 Slow stroking
                - [12:30] Same moment, bracketed
                  * 00:15:00 - Oxytocin
                - 00:20:00: Questions
                - 00:99:00 Not a time
                - 00:25:00
                00:30:00 No list marker
                """)).containsExactly(
                new Segment(750, "Slow stroking"),
                new Segment(750, "Same moment, bracketed"),
                new Segment(900, "Oxytocin"),
                new Segment(1200, "Questions"));
    }

    @Test
    void tagsAreLowercaseKebabCaseWithoutRepeats() {
        assertThat(DocumentCodec.normalizeTags(List.of(" Central  Sensitization ", "pain_science", "CRPS", "crps", " ")))
                .containsExactly("central-sensitization", "pain-science", "crps");
    }

    @Test
    void authorsAndTagsMayBeWrittenAsOneCommaSeparatedValue() {
        var d = article("title: T\nauthors: Ronald Melzack, Patrick Wall\ntags: pain science, gate");

        assertThat(d.authors()).containsExactly("Ronald Melzack", "Patrick Wall");
        assertThat(d.tags()).containsExactly("pain-science", "gate");
    }

    @ParameterizedTest
    @CsvSource({
            "2019, 2019-01-01",
            "'\"2019\"', 2019-01-01",
            "2019-05, 2019-05-01",
            "2019-5, 2019-05-01",
            "2019-05-14, 2019-05-14",
            "2019-05-14T10:00:00Z, 2019-05-14",
            "'\"2019-05-14 10:00\"', 2019-05-14",
    })
    void publishedDates(String written, LocalDate expected) {
        assertThat(article("title: T\npublished: " + written).published()).isEqualTo(expected);
    }

    @Test
    void missingDateIsNull() {
        assertThat(article("title: T").published()).isNull();
    }

    @Test
    void badDateIsAReadableError() {
        assertThatThrownBy(() -> article("title: T\npublished: May 2019"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'published' is not a date like 2019-05-14 (got: May 2019)");
        assertThatThrownBy(() -> article("title: T\npublished: 2019-02-30"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'published' is not a date like 2019-05-14 (got: 2019-02-30)");
        assertThatThrownBy(() -> article("title: T\npublished: 2019-13"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'published' is not a date like 2019-05-14 (got: 2019-13)");
    }

    @Test
    void badNoteDateNamesTheCreatedField() {
        assertThatThrownBy(() -> DocumentCodec.decode("---\ntitle: T\ncreated: soon\n---\n", NOTE_PATH, DocType.NOTE,
                List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'created' is not a date like 2019-05-14 (got: soon)");
    }

    @Test
    void unknownTypeIsAReadableError() {
        assertThatThrownBy(() -> article("type: video\ntitle: T"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown type 'video' (use article, podcast or note)");
    }

    @Test
    void missingOrBlankTitleIsAReadableError() {
        assertThatThrownBy(() -> article("id: massage-endorphins"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("front matter has no 'title'");
        assertThatThrownBy(() -> article("title: '   '"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("front matter has no 'title'");
    }

    @Test
    void badIdIsAReadableError() {
        assertThatThrownBy(() -> article("id: Massage Endorphins\ntitle: T"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("id must be lowercase letters, digits, '.', '_' or '-' (got: Massage Endorphins)");
    }

    @Test
    void encodesANoteWithCreatedAndWithoutEmptyFields() {
        var note = new Document("note-glow", DocType.NOTE, "Why clients feel good: a guess", null, List.of(),
                LocalDate.of(2024, 5, 1), null, List.of("clients"), null, null, null,
                "See [[massage-endorphins]].\n", List.of(), null);

        assertThat(DocumentCodec.encode(note)).isEqualTo("""
                ---
                id: note-glow
                type: note
                title: 'Why clients feel good: a guess'
                created: 2024-05-01
                tags:
                - clients
                ---
                See [[massage-endorphins]].
                """);
    }

    @Test
    void encodeThenDecodeGivesTheSameArticle() {
        var d = new Document("gate-control", DocType.ARTICLE, "Pain mechanisms: a new theory",
                "https://example.org/gate?x=1#top", List.of("Ronald Melzack", "Patrick Wall"), LocalDate.of(1965, 11, 19),
                "Science", List.of("pain-science", "gate"), "10.1126/science.150.3699.971", "5320816", null,
                "Touch closes a spinal gate.\n\n- a list: with a colon\n", List.of(),
                Path.of("corpus/articles/gate-control.md"));

        assertThat(DocumentCodec.decode(DocumentCodec.encode(d), d.path(), DocType.ARTICLE, List.of())).isEqualTo(d);
    }

    @Test
    void encodeThenDecodeGivesTheSamePodcastWithItsTopics() {
        var d = DocumentCodec.decode(PODCAST, PODCAST_PATH, DocType.PODCAST, List.of());

        var again = DocumentCodec.decode(DocumentCodec.encode(d), PODCAST_PATH, DocType.PODCAST, List.of());

        assertThat(again).isEqualTo(d);
        assertThat(again.segments()).hasSize(3);
    }

    @Test
    void encodeThenDecodeGivesTheSameNote() {
        var d = new Document("note-1", DocType.NOTE, "Sleep first", null, List.of(), null, null, List.of(), null,
                null, null, "Read [[sleep-pain|the sleep study]] before [[pod-touch#t=00:12:30]].\n", List.of(),
                NOTE_PATH.resolveSibling("note-1.md"), new Document.NoteInfo("2024-05-02T09:30:00Z", true));

        assertThat(DocumentCodec.decode(DocumentCodec.encode(d), d.path(), DocType.NOTE, List.of())).isEqualTo(d);
    }
}
