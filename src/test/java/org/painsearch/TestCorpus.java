package org.painsearch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.painsearch.app.Library;
import org.painsearch.corpus.CorpusStore;
import org.painsearch.index.IndexBusyException;
import org.painsearch.index.IndexService;

/** A small hand-written corpus whose documents exercise stemming, synonyms, filters, links and podcast moments. */
public final class TestCorpus {
    private TestCorpus() {
    }

    /** Writes the fixture corpus under {@code root} and returns its folder. */
    public static Path write(Path root) throws IOException {
        Path corpus = root.resolve("corpus");
        file(corpus, "articles/crps-guide.md", """
                ---
                id: crps-guide
                type: article
                title: "Complex regional pain syndrome: a clinical guide"
                url: https://example.org/crps-guide
                authors: [R. Norman Harden]
                published: 2010-08-01
                source: Pain
                tags: [crps, diagnosis]
                ---
                ## Summary
                Complex regional pain syndrome follows an injury to a limb and brings swelling, colour change and pain.
                The Budapest criteria made the diagnosis more consistent between clinics.
                """);
        file(corpus, "articles/massage-endorphins.md", """
                ---
                id: massage-endorphins
                type: article
                title: "Massage and endorphins"
                url: https://example.org/massage-endorphins
                authors: [Ada Lovelace, Grace Hopper]
                published: 2019-03-10
                source: Journal of Touch
                tags: [massage, endorphins]
                ---
                Beta-endorphin levels in the blood rose after a session of connective tissue massage.
                Whether blood levels say anything about the brain is doubtful.
                """);
        file(corpus, "articles/gate-control.md", """
                ---
                id: gate-control
                type: article
                title: "Pain mechanisms: a new theory"
                authors: [Ronald Melzack, Patrick Wall]
                published: 1965-11-19
                source: Science
                tags: [pain-science]
                ---
                Melzack and Wall proposed that touch closes a spinal gate. Rubbing an injury therefore reduces pain.
                """);
        file(corpus, "articles/sleep-pain.md", """
                ---
                id: sleep-pain
                type: article
                title: "Sleep and pain"
                published: 2013-01-01
                source: Journal of Pain
                tags: [sleep]
                ---
                Poor sleep amplifies pain sensitivity the next day, more than pain disturbs sleep.
                """);
        file(corpus, "podcasts/pod-touch.md", """
                ---
                id: pod-touch
                type: podcast
                title: "Touch and the brain"
                url: https://podcasts.example.org/touch/1
                authors: [Lena Varga]
                published: 2023-02-01
                show: Touch Matters
                episode: 1
                audio: https://podcasts.example.org/touch/1.mp3
                duration: "00:40:00"
                tags: [affective-touch]
                ---
                Show notes about touch.

                ## Segments
                - 00:00:00 Introductions
                - 00:12:30 Slow stroking activates C-tactile afferents
                """);
        file(corpus, "podcasts/pod-touch.vtt", """
                WEBVTT

                00:20:00.000 --> 00:20:09.000
                <v Lena>Oxytocin release during gentle massage is the part people love to quote.

                00:21:00.000 --> 00:21:05.000
                <v Lena>But the human evidence is thinner than the headlines.
                """);
        file(corpus, "notes/note-glow.md", """
                ---
                id: note-glow
                type: note
                title: "Why clients feel good afterwards"
                created: 2024-05-01
                tags: [clients]
                ---
                Clients describe an endorphin rush after a massage. The blood study [[massage-endorphins]] is weak,
                and the slow stroking segment [[pod-touch#t=00:12:30|in the episode]] points at C-tactile fibres.
                Still to read: [[missing-doc]].
                """);
        file(corpus, "synonyms.txt", """
                crps, complex regional pain syndrome, reflex sympathetic dystrophy
                endorphins, endorphin, beta endorphin, endogenous opioids
                pins and needles, paresthesia
                """);
        return corpus;
    }

    /** Writes the fixture corpus and opens a library over it with a freshly built index. */
    public static Library library(Path root) throws IOException {
        Path corpus = write(root);
        try {
            var library = Libraries.open(new CorpusStore(corpus), IndexService.openWritable(root.resolve("index")));
            var report = library.rebuild(Library.Progress.NONE);
            if (!report.problems().isEmpty()) {
                throw new IllegalStateException("fixture corpus has problems: " + report.problems());
            }
            return library;
        } catch (IndexBusyException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The names of the files in a folder, sorted. */
    public static java.util.List<String> namesIn(Path folder) throws IOException {
        try (var s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** Writes one file under the corpus, creating folders. */
    public static Path file(Path corpus, String relative, String text) throws IOException {
        Path p = corpus.resolve(relative);
        Files.createDirectories(p.getParent());
        return Files.writeString(p, text);
    }

    /** Cuts an index's largest segment file in half, as a disk failing or a copy interrupted would. */
    public static void damageLargestSegmentFile(Path index) throws IOException {
        Path largest;
        try (var files = Files.list(index)) {
            largest = files.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith("segments") && !p.getFileName().toString().equals("write.lock"))
                    .max(java.util.Comparator.comparingLong(p -> p.toFile().length())).orElseThrow();
        }
        try (var ch = java.nio.channels.FileChannel.open(largest, java.nio.file.StandardOpenOption.WRITE)) {
            ch.truncate(ch.size() / 2);
        }
    }
}
