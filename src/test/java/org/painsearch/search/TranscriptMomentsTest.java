package org.painsearch.search;

import org.painsearch.engine.SearchResponse;
import org.painsearch.engine.SearchRequest;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.painsearch.TestCorpus;
import org.painsearch.app.Library;

/** A hit in a transcript links to the moment the matched words are spoken, not to where their passage begins. */
class TranscriptMomentsTest {
    @TempDir
    static Path dir;
    static Library library;

    @BeforeAll
    static void open() throws IOException {
        Path corpus = TestCorpus.write(dir);
        TestCorpus.file(corpus, "podcasts/talk-moments.md", """
                ---
                title: Moments in a long talk
                show: Quiet Hands
                ---
                """);
        // Cues one after another within a passage, then a twelve-minute silence, then one more cue.
        TestCorpus.file(corpus, "podcasts/talk-moments.vtt", """
                WEBVTT

                00:00:01.000 --> 00:00:06.000
                Hello and welcome, today we start with breathing.

                00:00:06.000 --> 00:00:11.000
                Then we move on to the hands and how they rest.

                00:00:11.000 --> 00:00:16.000
                After that a word about quokkas and their calm faces.

                00:12:30.000 --> 00:12:36.000
                Much later we come to the wombat story at last.
                """);
        library = TestCorpus.library(dir);
    }

    @AfterAll
    static void close() throws IOException {
        library.close();
    }

    private static SearchResponse.Hit hit(String q) throws IOException {
        var hits = library.engine().search(SearchRequest.of(q)).hits();
        assertThat(hits).extracting(SearchResponse.Hit::id).contains("talk-moments");
        return hits.stream().filter(h -> h.id().equals("talk-moments")).findFirst().orElseThrow();
    }

    @Test
    void aWordInTheThirdCueOfAPassageLinksToThatCue() throws IOException {
        assertThat(hit("quokkas").timestamp()).isEqualTo("00:00:11");
    }

    @Test
    void aWordAfterALongSilenceLinksToWhenItIsSaidNotToTheStartOfTheEpisode() throws IOException {
        assertThat(hit("wombat").timestamp()).isEqualTo("00:12:30");
    }

    @Test
    void aWordInTheFirstCueLinksToTheFirstCue() throws IOException {
        assertThat(hit("breathing").timestamp()).isEqualTo("00:00:01");
    }
}
