package org.painsearch.crawl;

import org.painsearch.Libraries;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.painsearch.app.Library;
import org.painsearch.corpus.CorpusStore;
import org.painsearch.corpus.Segment;
import org.painsearch.index.IndexService;
import org.painsearch.engine.SearchRequest;
import org.painsearch.engine.SearchResponse;

/** A transcript fetched by the crawler is cut into moments like an imported one, and named from its address. */
class CrawledTranscriptTest {
    private static final String LONG_GAP_VTT = """
            WEBVTT

            00:00:01.000 --> 00:00:05.000
            Welcome, today the talk is about breathing.

            00:00:05.000 --> 00:00:09.000
            We begin slowly and keep the shoulders soft.

            00:12:30.000 --> 00:12:35.000
            Much later comes the part about the diaphragm.
            """;

    @TempDir
    Path dir;

    @Test
    void aLongGapTranscriptKeepsItsMomentsAndItsName() throws Exception {
        try (var web = new FakeWeb()) {
            web.page("/robots.txt", "text/plain", "User-agent: *\nDisallow:\n");
            web.page("/files/Quiet%20Hands%20-%2012%20-%20Breath.mp3.vtt", "text/vtt", LONG_GAP_VTT);
            var corpus = new CorpusStore(dir.resolve("corpus"));
            String url = web.url("/files/Quiet%20Hands%20-%2012%20-%20Breath.mp3.vtt");

            new Crawler(corpus, CrawlerTest.config(), CrawlListener.NONE).run(List.of(new Seed(url, Seed.Scope.HOST, 0)));

            var doc = corpus.read(corpus.documentFiles().getFirst());
            assertThat(doc.title()).isEqualTo("Breath");
            assertThat(doc.podcast().show()).isEqualTo("Quiet Hands");
            assertThat(doc.podcast().episode()).isEqualTo("12");
            assertThat(doc.id()).isEqualTo("quiet-hands-12-breath");
            assertThat(doc.segments()).extracting(Segment::timestamp).containsExactly("00:00:01", "00:12:30");
            try (var library = Libraries.open(corpus, IndexService.openWritable(dir.resolve("index")))) {
                library.rebuild(Library.Progress.NONE);
                var hits = library.engine().search(SearchRequest.of("diaphragm")).hits();
                assertThat(hits).extracting(SearchResponse.Hit::timestamp).containsExactly("00:12:30");
                var shoulders = library.engine().search(SearchRequest.of("shoulders")).hits();
                assertThat(shoulders).extracting(SearchResponse.Hit::timestamp).containsExactly("00:00:05");
            }
        }
    }
}
