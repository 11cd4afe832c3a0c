package org.painsearch.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.painsearch.TestCorpus;

class CorpusStoreTest {
    @TempDir
    Path dir;

    @Test
    void documentFilesAreTheMarkdownFilesOfTheTypeFoldersSorted() throws IOException {
        TestCorpus.file(dir, "podcasts/pod-touch.md", "---\ntitle: T\n---\n");
        TestCorpus.file(dir, "podcasts/pod-touch.vtt", "WEBVTT\n");
        TestCorpus.file(dir, "articles/sleep-pain.md", "---\ntitle: T\n---\n");
        TestCorpus.file(dir, "articles/crps-guide.md", "---\ntitle: T\n---\n");
        TestCorpus.file(dir, "articles/.crps-guide.md.1234.tmp", "half written");
        TestCorpus.file(dir, "articles/.hidden.md", "---\ntitle: T\n---\n");
        TestCorpus.file(dir, "articles/readme.txt", "not a document");
        TestCorpus.file(dir, "articles/draft.md.bak", "not a document");
        Files.createDirectories(dir.resolve("articles/folder.md"));
        TestCorpus.file(dir, "notes/note-glow.md", "---\ntitle: T\n---\n");
        TestCorpus.file(dir, "drafts/elsewhere.md", "---\ntitle: T\n---\n");
        TestCorpus.file(dir, "top-level.md", "---\ntitle: T\n---\n");
        var store = new CorpusStore(dir);

        assertThat(store.documentFiles()).containsExactly(
                store.root().resolve("articles/crps-guide.md"),
                store.root().resolve("articles/sleep-pain.md"),
                store.root().resolve("notes/note-glow.md"),
                store.root().resolve("podcasts/pod-touch.md"));
    }

    @Test
    void emptyCorpusHasNoDocumentFiles() throws IOException {
        assertThat(new CorpusStore(dir.resolve("missing")).documentFiles()).isEmpty();
    }

    @Test
    void readsAPodcastWithTheTranscriptBesideIt() throws Exception {
        var store = new CorpusStore(TestCorpus.write(dir));

        var d = store.read(store.pathFor(DocType.PODCAST, "pod-touch"));

        assertThat(d.id()).isEqualTo("pod-touch");
        assertThat(d.path()).isEqualTo(store.root().resolve("podcasts/pod-touch.md"));
        assertThat(d.podcast()).isEqualTo(new Document.PodcastInfo("Touch Matters", "1",
                "https://podcasts.example.org/touch/1.mp3", "00:40:00"));
        assertThat(d.segments()).containsExactly(
                new Segment(0, "Introductions"),
                new Segment(750, "Slow stroking activates C-tactile afferents"),
                // A minute apart: two moments, not one passage starting at the first.
                new Segment(1200, "Lena: Oxytocin release during gentle massage is the part people love to quote.",
                        List.of(new Segment.Mark(0, 1200))),
                new Segment(1260, "Lena: But the human evidence is thinner than the headlines.",
                        List.of(new Segment.Mark(0, 1260))));
    }

    @Test
    void readsAnSrtTranscript() throws Exception {
        TestCorpus.file(dir, "podcasts/ep-2.md", "---\ntitle: Ep 2\n---\n- 00:01:00 Start\n");
        TestCorpus.file(dir, "podcasts/ep-2.srt", "1\n00:02:00,000 --> 00:02:03,000\nSleep comes first.\n");
        var store = new CorpusStore(dir);

        var d = store.read(store.pathFor(DocType.PODCAST, "ep-2"));

        assertThat(d.segments()).containsExactly(new Segment(60, "Start"),
                new Segment(120, "Sleep comes first.", List.of(new Segment.Mark(0, 120))));
    }

    @Test
    void aSnapshotIsTheDocumentWithTheVersionAndStampOfTheBytesItWasReadFrom() throws Exception {
        TestCorpus.file(dir, "podcasts/ep-2.md", "---\ntitle: Ep 2\n---\n- 00:01:00 Start\n");
        Path srt = TestCorpus.file(dir, "podcasts/ep-2.srt", "1\n00:02:00,000 --> 00:02:03,000\nSleep comes first.\n");
        Path md = dir.resolve("podcasts/ep-2.md");
        var old = java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 60_000);
        Files.setLastModifiedTime(md, old);
        Files.setLastModifiedTime(srt, old);
        var store = new CorpusStore(dir);
        Path file = store.pathFor(DocType.PODCAST, "ep-2");

        var snapshot = store.snapshot(file);

        assertThat(snapshot.document()).isEqualTo(store.read(file));
        assertThat(snapshot.version()).isEqualTo(ContentVersion.ofDocument(file)).contains(".srt");
        assertThat(snapshot.stamp()).isEqualTo(FileStamp.settled(file)).isNotNull();
        assertThat(snapshot.stamp().size()).isEqualTo(Files.size(md) + Files.size(srt) + (1L << 40));
    }

    @Test
    void aSnapshotOfAFileJustWrittenHasNoStampToTrust() throws Exception {
        TestCorpus.file(dir, "articles/sleep-pain.md", "---\ntitle: Sleep and pain\n---\nFresh.\n");
        var store = new CorpusStore(dir);

        var snapshot = store.snapshot(store.pathFor(DocType.ARTICLE, "sleep-pain"));

        assertThat(snapshot.document().body()).isEqualTo("Fresh.\n");
        assertThat(snapshot.version()).isEqualTo(ContentVersion.ofDocument(store.pathFor(DocType.ARTICLE, "sleep-pain")));
        assertThat(snapshot.stamp()).isNull();
    }

    @Test
    void aSnapshotOfAMissingFileIsAnErrorNamingTheFile() {
        var store = new CorpusStore(dir);
        Path file = store.pathFor(DocType.ARTICLE, "gone");

        assertThatThrownBy(() -> store.snapshot(file))
                .isInstanceOfSatisfying(CorpusException.class, e -> assertThat(e.path()).isEqualTo(file))
                .hasMessage(file + ": the file was removed while it was being read");
    }

    @Test
    void aTranscriptWithoutCuesIsAnErrorNamingTheTranscript() throws IOException {
        TestCorpus.file(dir, "podcasts/ep-2.md", "---\ntitle: Ep 2\n---\n");
        Path vtt = TestCorpus.file(dir, "podcasts/ep-2.vtt", "WEBVTT\n\nNothing timed.\n");
        var store = new CorpusStore(dir);
        Path file = store.pathFor(DocType.PODCAST, "ep-2");

        for (ThrowingCallable reading : List.<ThrowingCallable>of(() -> store.read(file), () -> store.snapshot(file))) {
            assertThatThrownBy(reading)
                    .isInstanceOfSatisfying(CorpusException.class, e -> assertThat(e.path()).isEqualTo(store.root()
                            .resolve("podcasts/ep-2.vtt")))
                    .hasMessageStartingWith(store.root().resolve("podcasts/ep-2.vtt") + ": no timed cues found");
        }
        assertThat(vtt).exists();
    }

    @Test
    void idThatDoesNotMatchTheFileNameIsAnErrorNamingTheFile() throws IOException {
        TestCorpus.file(dir, "articles/sleep-pain.md", "---\nid: sleep-and-pain\ntitle: Sleep and pain\n---\n");
        var store = new CorpusStore(dir);
        Path file = store.pathFor(DocType.ARTICLE, "sleep-pain");

        assertThatThrownBy(() -> store.read(file))
                .isInstanceOfSatisfying(CorpusException.class, e -> assertThat(e.path()).isEqualTo(file))
                .hasMessage(file + ": id 'sleep-and-pain' does not match the file name (expected id: sleep-pain)");
    }

    @Test
    void invalidUtf8IsAnErrorMentioningUtf8() throws IOException {
        Path file = dir.resolve("articles/cafe.md");
        Files.createDirectories(file.getParent());
        byte[] head = "---\ntitle: Caf".getBytes(StandardCharsets.UTF_8);
        byte[] tail = "\n---\nLatin-1 bytes.\n".getBytes(StandardCharsets.UTF_8);
        var bytes = new byte[head.length + 1 + tail.length];
        System.arraycopy(head, 0, bytes, 0, head.length);
        bytes[head.length] = (byte) 0xE9; // "é" in Latin-1
        System.arraycopy(tail, 0, bytes, head.length + 1, tail.length);
        Files.write(file, bytes);
        var store = new CorpusStore(dir);

        assertThatThrownBy(() -> store.read(store.pathFor(DocType.ARTICLE, "cafe")))
                .isInstanceOfSatisfying(CorpusException.class, e -> assertThat(e.path()).isEqualTo(store.root()
                        .resolve("articles/cafe.md")))
                .hasMessage(store.root().resolve("articles/cafe.md")
                        + ": is not valid UTF-8 (bad byte sequence at byte 14, line 2)");
    }

    @Test
    void malformedFrontMatterIsAnErrorNamingTheFile() throws IOException {
        TestCorpus.file(dir, "notes/n1.md", "---\ncreated: 2024-05-01\n---\nNo title.\n");
        var store = new CorpusStore(dir);
        Path file = store.pathFor(DocType.NOTE, "n1");

        assertThatThrownBy(() -> store.read(file))
                .isInstanceOf(CorpusException.class)
                .hasMessage(file + ": front matter has no 'title'");
    }

    @Test
    void writeStoresTheDocumentAndReadsBackTheSame() throws Exception {
        var store = new CorpusStore(dir);
        var d = new Document("sleep-pain", DocType.ARTICLE, "Sleep and pain", "https://example.org/sleep", List.of(
                "A. Author"), LocalDate.of(2013, 1, 1), "Journal of Pain", List.of("sleep"), null, null, null,
                "Poor sleep amplifies pain.\n", List.of(), null);

        var written = store.write(d, null, null);

        assertThat(written).isEqualTo(d.withId("sleep-pain", store.pathFor(DocType.ARTICLE, "sleep-pain")));
        assertThat(store.read(written.path())).isEqualTo(written);
    }

    @Test
    void writeReplacesContentAndTranscriptAtomicallyLeavingNoTemporaryFiles() throws Exception {
        var store = new CorpusStore(dir);
        var first = new Document("ep-1", DocType.PODCAST, "First title", null, List.of(), null, null, List.of(),
                null, null, new Document.PodcastInfo("Show", null, null, null), "- 00:01:00 Start\n", List.of(), null);
        store.write(first, "WEBVTT\n\n00:00:05.000 --> 00:00:06.000\nHello.\n", ".vtt");
        var second = new Document("ep-1", DocType.PODCAST, "Second title", null, List.of(), null, null, List.of(),
                null, null, new Document.PodcastInfo("Show", null, null, null), "- 00:02:00 Later\n", List.of(), null);

        store.write(second, "1\n00:00:09,000 --> 00:00:10,000\nBye.\n", ".srt");

        assertThat(TestCorpus.namesIn(dir.resolve("podcasts"))).containsExactly("ep-1.md", "ep-1.srt");
        var read = store.read(store.pathFor(DocType.PODCAST, "ep-1"));
        assertThat(read.title()).isEqualTo("Second title");
        assertThat(read.segments()).containsExactly(new Segment(120, "Later"),
                new Segment(9, "Bye.", List.of(new Segment.Mark(0, 9))));
    }

    @Test
    void writeRefusesAnUnknownTranscriptExtension() {
        var store = new CorpusStore(dir);
        var d = new Document("ep-1", DocType.PODCAST, "Ep", null, null, null, null, null, null, null, null, "", null,
                null);

        assertThatThrownBy(() -> store.write(d, "text", ".txt"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("transcript extension must be .vtt or .srt");
        assertThat(dir.resolve("podcasts")).doesNotExist();
    }

    @Test
    void pathsAndSynonymsFileLiveUnderTheRoot() {
        var store = new CorpusStore(dir);

        assertThat(store.pathFor(DocType.NOTE, "note-1")).isEqualTo(dir.toAbsolutePath().resolve("notes/note-1.md"));
        assertThat(store.synonymsFile()).isEqualTo(dir.toAbsolutePath().resolve("synonyms.txt"));
    }
}
