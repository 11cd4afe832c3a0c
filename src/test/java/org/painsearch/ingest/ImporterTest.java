package org.painsearch.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.painsearch.Required;
import org.painsearch.corpus.CorpusStore;
import org.painsearch.corpus.DocType;
import org.painsearch.corpus.Document;
import org.painsearch.corpus.Segment;
import org.painsearch.corpus.TextFiles;
import org.painsearch.ingest.ImportOutcome.Failed;
import org.painsearch.ingest.ImportOutcome.Imported;
import org.painsearch.ingest.ImportOutcome.Skipped;

class ImporterTest {
    private static final String EPISODE_MD = """
            ---
            title: "Episode 12: Touch and the threat response"
            show: Pain Reframed
            episode: "12"
            ---
            - 00:00 Introduction
            - 12:30 Why slow touch calms
            """;
    private static final String EPISODE_VTT = """
            WEBVTT

            00:00:01.000 --> 00:00:04.000
            <v Host>Welcome back to Pain Reframed.

            00:12:30.000 --> 00:12:35.500
            <v Guest>Slow stroking lowers the sense of threat.
            """;
    private static final String BREATHING_SRT = """
            1
            00:00:02,000 --> 00:00:05,000
            Breathe out for longer than you breathe in.

            2
            00:01:10,000 --> 00:01:14,000
            That tells the body it is safe.
            """;
    // A PNG header: a NUL byte at offset 8 gives it away as binary.
    private static final byte[] PNG_BYTES = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 0x0d,
            'I', 'H', 'D', 'R', 0, 0, 0, 1};
    private static final Pattern CITATION_MARK = Pattern.compile("\\[\\d{1,3}]");
    private static final Pattern GRID_BORDER = Pattern.compile("(?m)^\\s*\\+[-=:+]+\\+?\\s*$");

    @TempDir
    Path dir;
    Path in;
    CorpusStore store;
    Importer importer;

    @BeforeEach
    void setUp() throws IOException {
        in = Files.createDirectories(dir.resolve("in"));
        store = new CorpusStore(dir.resolve("corpus"));
        importer = new Importer(store, TextFiles.DEFAULT_MAX_BYTES);
    }

    @Test
    void markdownWithFrontMatterKeepsItsFields() throws IOException {
        Path file = write("massage-review.md", """
                ---
                title: Massage for low back pain
                authors: [Ada Lovelace, Grace Hopper]
                published: 2019-05-14
                source: Cochrane
                tags: [Massage, low back pain]
                doi: 10.5555/cochrane.2019.1
                ---
                Massage helps in the short term.
                """);

        var d = imported(importer.importFile(file), false);

        assertThat(d.id()).isEqualTo("massage-for-low-back-pain");
        assertThat(d.type()).isEqualTo(DocType.ARTICLE);
        assertThat(d.path()).isEqualTo(corpus("articles/massage-for-low-back-pain.md"));
        assertThat(d.url()).isEqualTo(file.toUri().toString());
        assertThat(d.authors()).containsExactly("Ada Lovelace", "Grace Hopper");
        assertThat(d.published()).isEqualTo(LocalDate.of(2019, 5, 14));
        assertThat(d.source()).isEqualTo("Cochrane");
        assertThat(d.tags()).containsExactly("massage", "low-back-pain");
        assertThat(d.doi()).isEqualTo("10.5555/cochrane.2019.1");
        assertThat(d.body()).isEqualTo("Massage helps in the short term.\n");
        assertThat(stored(d)).isEqualTo(d);
    }

    @Test
    void markdownTypedAsNoteGoesToNotes() throws IOException {
        Path file = write("glow.md", """
                ---
                id: note-glow
                type: note
                title: Why clients feel good afterwards
                ---
                Probably expectation and care, not endorphins in the blood.
                """);

        var d = imported(importer.importFile(file), false);

        assertThat(d.id()).isEqualTo("note-glow");
        assertThat(d.type()).isEqualTo(DocType.NOTE);
        assertThat(d.path()).isEqualTo(corpus("notes/note-glow.md"));
        assertThat(corpus("notes/note-glow.md")).exists();
        assertThat(corpus("articles")).doesNotExist();
    }

    @Test
    void markdownWithoutFrontMatterTakesItsTitleFromTheFirstHeading() throws IOException {
        Path file = write("good.md", """
                # Tingling at night

                Pins and needles wake her at 3am.

                ## When it happens
                After long days at the computer.
                """);

        var d = imported(importer.importFile(file), false);

        assertThat(d.id()).isEqualTo("tingling-at-night");
        assertThat(d.title()).isEqualTo("Tingling at night");
        assertThat(d.path()).isEqualTo(corpus("articles/tingling-at-night.md"));
        assertThat(stored(d).body()).isEqualTo("""
                Pins and needles wake her at 3am.

                ## When it happens
                After long days at the computer.
                """);
    }

    @Test
    void markdownWithoutTitleOrHeadingTakesItsTitleFromTheFileName() throws IOException {
        Path file = write("Nerve_glides-for-the-arm.md", "Slide the nerve, do not stretch it.\n");

        var d = imported(importer.importFile(file), false);

        assertThat(d.title()).isEqualTo("Nerve glides for the arm");
        assertThat(d.id()).isEqualTo("nerve-glides-for-the-arm");
        assertThat(d.body()).isEqualTo("Slide the nerve, do not stretch it.\n");
    }

    @Test
    void htmlPageBecomesAnArticle() throws IOException {
        Path file = in.resolve("trial.html");
        Files.writeString(file, resource("html/scholarly-page.html"));

        var d = imported(importer.importFile(file), false);

        assertThat(d.id()).isEqualTo("massage-therapy-for-chronic-low-back-pain-a-randomized-trial");
        assertThat(d.path()).isEqualTo(corpus("articles/massage-therapy-for-chronic-low-back-pain-a-randomized-trial.md"));
        assertThat(d.title()).isEqualTo("Massage therapy for chronic low back pain: a randomized trial");
        assertThat(d.url()).isEqualTo(file.toUri().toString());
        assertThat(d.authors()).containsExactly("Cherkin, Daniel C.", "Sherman, Karen J.", "Kahn, Janet");
        assertThat(d.published()).isEqualTo(LocalDate.of(2019, 5, 14));
        assertThat(d.source()).isEqualTo("Journal of Bodywork and Movement Therapies");
        assertThat(d.doi()).isEqualTo("10.5555/jbmt.2019.05.002");
        assertThat(d.pmid()).isEqualTo("31000001");
        assertThat(stored(d).body()).startsWith("## Abstract\n\nFour hundred and one adults")
                .doesNotContain("Recommended articles");
    }

    @Test
    void htmlInADeclaredCharsetIsDecodedWithIt() throws IOException {
        Path file = in.resolve("old.html");
        String html = """
                <html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252">
                <title>Caf\u00e9 talk</title></head><body><article>
                <p>The client\u2019s shoulder eased after ten minutes of slow work on the upper trapezius, \
                and she said the pain felt less threatening once she understood it.</p>
                <p>We talked about sleep, stress and the walk to work, and agreed on one small change for the week.</p>
                </article></body></html>""";
        Files.write(file, html.getBytes("windows-1252"));

        var d = imported(importer.importFile(file), false);

        assertThat(d.title()).isEqualTo("Caf\u00e9 talk");
        assertThat(d.body()).contains("The client\u2019s shoulder eased");
    }

    @Test
    void textFileTakesItsTitleFromTheFirstLine() throws IOException {
        Path file = write("breathing.txt", "Breathing and pain\nSlow breathing calms the system.\nTry it for five minutes.\n");

        var d = imported(importer.importFile(file), false);

        assertThat(d.id()).isEqualTo("breathing-and-pain");
        assertThat(d.title()).isEqualTo("Breathing and pain");
        assertThat(d.path()).isEqualTo(corpus("articles/breathing-and-pain.md"));
        assertThat(d.body()).isEqualTo("Slow breathing calms the system.\nTry it for five minutes.");
    }

    @Test
    void vttAloneBecomesAPodcastWithItsTranscriptBeside() throws IOException {
        Path file = write("Sleep-and-pain_ep3.vtt", EPISODE_VTT);

        var d = imported(importer.importFile(file), false);

        assertThat(d.id()).isEqualTo("sleep-and-pain-ep3");
        assertThat(d.type()).isEqualTo(DocType.PODCAST);
        assertThat(d.title()).isEqualTo("Sleep and pain ep3");
        assertThat(d.path()).isEqualTo(corpus("podcasts/sleep-and-pain-ep3.md"));
        assertThat(corpus("podcasts/sleep-and-pain-ep3.vtt")).hasContent(EPISODE_VTT);
        // Twelve minutes of silence between the two cues: two moments.
        assertThat(stored(d).segments()).extracting(Segment::startSeconds, Segment::text).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1L, "Host: Welcome back to Pain Reframed."),
                org.assertj.core.groups.Tuple.tuple(750L, "Guest: Slow stroking lowers the sense of threat."));
    }

    @Test
    void srtAloneBecomesAPodcastWithItsTranscriptBeside() throws IOException {
        Path file = write("breathing-q-and-a.srt", BREATHING_SRT);

        var d = imported(importer.importFile(file), false);

        assertThat(d.id()).isEqualTo("breathing-q-and-a");
        assertThat(d.type()).isEqualTo(DocType.PODCAST);
        assertThat(d.path()).isEqualTo(corpus("podcasts/breathing-q-and-a.md"));
        assertThat(corpus("podcasts/breathing-q-and-a.srt")).hasContent(BREATHING_SRT);
        assertThat(corpus("podcasts/breathing-q-and-a.vtt")).doesNotExist();
    }

    @Test
    void podcastMarkdownTakesTheTranscriptBesideIt() throws IOException {
        write("episode-12.md", EPISODE_MD);
        write("episode-12.vtt", EPISODE_VTT);
        var heard = new ArrayList<ImportOutcome>();

        var outcomes = importer.importAll(List.of(in), heard::add);

        assertThat(outcomes).isEqualTo(heard).hasSize(2);
        var d = imported(outcomes.get(0), false);
        assertThat(d.id()).isEqualTo("episode-12-touch-and-the-threat-response");
        assertThat(d.type()).isEqualTo(DocType.PODCAST);
        assertThat(d.source()).isEqualTo("Pain Reframed");
        assertThat(d.path()).isEqualTo(corpus("podcasts/episode-12-touch-and-the-threat-response.md"));
        assertThat(corpus("podcasts/episode-12-touch-and-the-threat-response.vtt")).hasContent(EPISODE_VTT);
        assertThat(outcomes.get(1)).isEqualTo(new Skipped(in.resolve("episode-12.vtt"),
                "imported as the transcript of episode-12.md"));
        assertThat(stored(d).segments()).containsExactly(
                new Segment(0, "Introduction"),
                new Segment(750, "Why slow touch calms"),
                new Segment(1, "Host: Welcome back to Pain Reframed.", List.of(new Segment.Mark(0, 1))),
                new Segment(750, "Guest: Slow stroking lowers the sense of threat.", List.of(new Segment.Mark(0, 750))));
        assertThat(documentFiles()).containsExactly("podcasts/episode-12-touch-and-the-threat-response.md");
    }

    @Test
    void importingTheSameFilesAgainUpdatesInsteadOfAddingDocuments() throws IOException {
        write("good.md", "# Tingling at night\n\nPins and needles wake her at 3am.\n");
        write("breathing.txt", "Breathing and pain\nSlow breathing calms the system.\n");
        write("episode-12.md", EPISODE_MD);
        write("episode-12.vtt", EPISODE_VTT);
        write("breathing-q-and-a.srt", BREATHING_SRT);
        Files.writeString(in.resolve("trial.html"), resource("html/scholarly-page.html"));
        var first = importer.importAll(List.of(in), o -> { });
        var expectedFiles = List.of(
                "articles/breathing-and-pain.md",
                "articles/massage-therapy-for-chronic-low-back-pain-a-randomized-trial.md",
                "articles/tingling-at-night.md",
                "podcasts/breathing-q-and-a.md",
                "podcasts/episode-12-touch-and-the-threat-response.md");
        assertThat(first).filteredOn(Imported.class::isInstance).hasSize(5)
                .allSatisfy(o -> assertThat(((Imported) o).updated()).isFalse());
        assertThat(documentFiles()).containsExactlyElementsOf(expectedFiles);

        var again = importer.importAll(List.of(in), o -> { });
        // A fresh importer must find the earlier imports in the corpus files too.
        var fresh = new Importer(store, TextFiles.DEFAULT_MAX_BYTES).importAll(List.of(in), o -> { });

        for (var outcomes : List.of(again, fresh)) {
            assertThat(outcomes).hasSize(first.size());
            for (int i = 0; i < first.size(); i++) {
                if (first.get(i) instanceof Imported before) {
                    var after = imported(outcomes.get(i), true);
                    assertThat(after.id()).isEqualTo(before.document().id());
                    assertThat(after.path()).isEqualTo(before.document().path());
                }
            }
        }
        assertThat(documentFiles()).containsExactlyElementsOf(expectedFiles);
        try (Stream<Path> podcasts = Files.list(corpus("podcasts"))) {
            assertThat(podcasts.map(p -> p.getFileName().toString()).sorted()).containsExactly(
                    "breathing-q-and-a.md", "breathing-q-and-a.srt",
                    "episode-12-touch-and-the-threat-response.md", "episode-12-touch-and-the-threat-response.vtt");
        }
    }

    @Test
    void differentSourcesWithTheSameTitleGetTheirOwnIds() throws IOException {
        Path a = write("a/pain.txt", "Pain\nAn unpleasant experience.\n");
        Path b = write("b/pain.txt", "Pain\nA protective output of the brain.\n");

        assertThat(imported(importer.importFile(a), false).id()).isEqualTo("pain");
        assertThat(imported(importer.importFile(b), false).id()).isEqualTo("pain-2");
        assertThat(imported(importer.importFile(b), true).id()).isEqualTo("pain-2");
        assertThat(documentFiles()).containsExactly("articles/pain-2.md", "articles/pain.md");
    }

    @Test
    void invalidUtf8IsRefusedSayingWhere() throws IOException {
        Path file = in.resolve("cafe.md");
        // "Caf" then a Latin-1 e-acute (0xE9): byte 14, on line 2.
        Files.write(file, "---\ntitle: Caf\u00e9\n---\nbody\n".getBytes(StandardCharsets.ISO_8859_1));

        var reason = failed(importer.importFile(file));

        assertThat(reason).contains("UTF-8").contains("byte 14").contains("line 2");
        assertThat(documentFiles()).isEmpty();
    }

    @Test
    void binaryFileNamedTxtIsRefused() throws IOException {
        Path file = in.resolve("scan.txt");
        Files.write(file, PNG_BYTES);

        assertThat(failed(importer.importFile(file))).contains("binary");
    }

    @Test
    void fileOverTheSizeCapIsRefusedWithReadableSizes() throws IOException {
        var small = new Importer(store, 1024);
        Path file = write("long.txt", "Long notes\n" + "Slow breathing calms the system. ".repeat(64));

        var reason = failed(small.importFile(file));

        // Sizes must be readable at this scale: "0.0 MB; the limit is 0.0 MB" says nothing.
        assertThat(reason).contains("too large").doesNotContain("0.0 MB");
        assertThat(imported(small.importFile(write("short.txt", "Short\nFits.\n")), false).id()).isEqualTo("short");
    }

    @Test
    void unsupportedFileIsSkipped() throws IOException {
        Path file = write("paper.pdf", "%PDF-1.4");

        var outcome = importer.importFile(file);

        assertThat(outcome).isInstanceOf(Skipped.class);
        assertThat(((Skipped) outcome).reason()).contains("unsupported file type '.pdf'");
    }

    @Test
    void missingFileIsReportedAsMissing() {
        Path missing = in.resolve("nowhere.md");

        assertThat(failed(importer.importFile(missing))).contains("no such file");
        var outcomes = importer.importAll(List.of(missing), o -> { });
        assertThat(outcomes).containsExactly(new Failed(missing, "no such file or folder"));
    }

    @Test
    void malformedFrontMatterIsRefused() throws IOException {
        Path unclosedList = write("bad-yaml.md", "---\ntitle: [Massage\n---\nbody\n");
        Path unclosedFence = write("no-fence.md", "---\ntitle: Massage\nbody\n");

        assertThat(failed(importer.importFile(unclosedList))).startsWith("front matter is not valid YAML");
        assertThat(failed(importer.importFile(unclosedFence))).contains("front matter").contains("closing '---'");
    }

    @Test
    void emptyTextFileIsRefused() throws IOException {
        assertThat(failed(importer.importFile(write("empty.txt", "  \n\n")))).isEqualTo("the file is empty");
    }

    @Test
    void transcriptWithoutCuesIsRefused() throws IOException {
        Path file = write("silence.vtt", "WEBVTT\n\nNOTE nothing was said\n");

        assertThat(failed(importer.importFile(file))).contains("no timed cues found");
        assertThat(documentFiles()).isEmpty();
    }

    @Test
    void folderWithGoodAndBadFilesReportsEachAndImportsTheRest() throws IOException {
        var small = new Importer(store, 1024);
        write("a-good.md", "# Tingling at night\n\nPins and needles wake her at 3am.\n");
        Files.write(in.resolve("b-latin1.md"), "# Caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        Files.write(in.resolve("c-scan.txt"), PNG_BYTES);
        write("d-empty.txt", "");
        write("e-bad-yaml.md", "---\ntitle: [Massage\n---\nbody\n");
        write("f-silence.vtt", "WEBVTT\n\n");
        write("g-long.txt", "Long notes\n" + "x".repeat(2000));
        write("h-episode.md", EPISODE_MD);
        write("h-episode.vtt", EPISODE_VTT);
        write("i-breathing.srt", BREATHING_SRT);
        write("j-notes.txt", "Breathing and pain\nSlow breathing calms the system.\n");
        write("k-paper.pdf", "%PDF-1.4");
        write(".hidden.md", "# Hidden\n");
        Path pdf = write("elsewhere/paper.pdf", "%PDF-1.4");
        Path missing = dir.resolve("missing-folder");
        var heard = new ArrayList<ImportOutcome>();

        var outcomes = small.importAll(List.of(in, pdf, missing), heard::add);

        assertThat(outcomes).isEqualTo(heard);
        assertThat(outcomes).extracting(o -> in.relativize(o.source()).toString()).containsExactly(
                "a-good.md", "b-latin1.md", "c-scan.txt", "d-empty.txt", "e-bad-yaml.md", "f-silence.vtt",
                "g-long.txt", "h-episode.md", "h-episode.vtt", "i-breathing.srt", "j-notes.txt",
                "elsewhere/paper.pdf", "../missing-folder");
        assertThat(imported(outcomes.get(0), false).id()).isEqualTo("tingling-at-night");
        assertThat(failed(outcomes.get(1))).contains("UTF-8").contains("byte 5").contains("line 1");
        assertThat(failed(outcomes.get(2))).contains("binary");
        assertThat(failed(outcomes.get(3))).isEqualTo("the file is empty");
        assertThat(failed(outcomes.get(4))).startsWith("front matter is not valid YAML");
        assertThat(failed(outcomes.get(5))).contains("no timed cues found");
        assertThat(((Skipped) outcomes.get(6)).reason()).contains("too large"); // skipped, not read
        assertThat(imported(outcomes.get(7), false).type()).isEqualTo(DocType.PODCAST);
        assertThat(((Skipped) outcomes.get(8)).reason()).isEqualTo("imported as the transcript of h-episode.md");
        assertThat(imported(outcomes.get(9), false).id()).isEqualTo("i-breathing");
        assertThat(imported(outcomes.get(10), false).id()).isEqualTo("breathing-and-pain");
        assertThat(((Skipped) outcomes.get(11)).reason()).contains("unsupported");
        assertThat(failed(outcomes.get(12))).isEqualTo("no such file or folder");
        assertThat(documentFiles()).containsExactly(
                "articles/breathing-and-pain.md",
                "articles/tingling-at-night.md",
                "podcasts/episode-12-touch-and-the-threat-response.md",
                "podcasts/i-breathing.md");
    }

    @Test
    void wikipediaMarkdownImportsClean() throws IOException {
        Path samples = wikipediaSamples();
        var expected = List.of("Pain", "Nociception", "Analgesic", "Meditation", "Physical therapy");

        for (String title : expected) {
            Path file = samples.resolve(title.replace(' ', '_') + ".md");
            var d = imported(importer.importFile(file), false);

            assertThat(d.title()).isEqualTo(title);
            assertThat(d.id()).isEqualTo(title.toLowerCase(Locale.ROOT).replace(' ', '-'));
            assertThat(d.path()).isEqualTo(corpus("articles/" + d.id() + ".md"));
            String body = stored(d).body();
            assertThat(body).as("%s body", title).isNotBlank();
            assertThat(CITATION_MARK.matcher(body).results().map(m -> m.group()).toList())
                    .as("citation markers left in %s", title).isEmpty();
            assertThat(GRID_BORDER.matcher(body).results().map(m -> m.group()).toList())
                    .as("grid-table borders left in %s", title).isEmpty();
        }
        assertThat(stored(imported(importer.importFile(samples.resolve("Analgesic.md")), true)).body())
                .as("image caption residue before the lead").startsWith("An ANALGESIC or PAINKILLER");
        assertThat(documentFiles()).hasSize(5);
    }

    private static Path wikipediaSamples() {
        return Required.shared("samples/wikipedia", "the Wikipedia samples folder");
    }

    private Path write(String relative, String content) throws IOException {
        Path file = in.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content);
    }

    private Path corpus(String relative) {
        return store.root().resolve(relative);
    }

    private List<String> documentFiles() throws IOException {
        return store.documentFiles().stream().map(p -> store.root().relativize(p).toString()).toList();
    }

    private Document stored(Document d) {
        try {
            return store.read(d.path());
        } catch (Exception e) {
            throw new AssertionError("cannot read back " + d.path() + ": " + e.getMessage(), e);
        }
    }

    private static Document imported(ImportOutcome outcome, boolean updated) {
        assertThat(outcome).isInstanceOf(Imported.class);
        var i = (Imported) outcome;
        assertThat(i.updated()).as("updated flag of %s", i.source()).isEqualTo(updated);
        return i.document();
    }

    private static String failed(ImportOutcome outcome) {
        assertThat(outcome).isInstanceOf(Failed.class);
        return ((Failed) outcome).reason();
    }

    private static String resource(String name) throws IOException {
        try (InputStream stream = ImporterTest.class.getResourceAsStream("/" + name)) {
            assertThat(stream).as("test resource %s", name).isNotNull();
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
