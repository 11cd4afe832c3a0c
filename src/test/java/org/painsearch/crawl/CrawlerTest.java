package org.painsearch.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.painsearch.corpus.CorpusStore;
import org.painsearch.corpus.Document;
import tools.jackson.databind.json.JsonMapper;

/** Crawls the fake site once (and then again, conditionally) and checks exactly what is stored, skipped and logged. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CrawlerTest {
    @TempDir
    static Path dir;
    static FakeWeb web;
    static CorpusStore corpus;
    static CrawlSummary first;
    static List<FakeWeb.Hit> firstHits;
    static final Map<String, UrlOutcome> outcomes = new ConcurrentHashMap<>();
    static final List<String> stored = new ArrayList<>();

    /** The tests' crawl settings: only 127.0.0.1 may be reached, with short timeouts and a small body cap. */
    static CrawlConfig config() {
        return CrawlConfig.defaults().withAllowedHosts(Set.of("127.0.0.1")).withDelay(Duration.ofMillis(20))
                .withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(1000)).withMaxBodyBytes(64 * 1024)
                .withRetries(2, Duration.ofSeconds(5), Duration.ofMillis(100));
    }

    static List<Seed> seeds() {
        return List.of(new Seed(web.url("/"), Seed.Scope.HOST, 2), new Seed(web.url("/sitemap.xml"), Seed.Scope.HOST, 0));
    }

    @BeforeAll
    static void crawl() throws Exception {
        web = FakeSite.build(new FakeWeb());
        corpus = new CorpusStore(dir.resolve("corpus"));
        first = new Crawler(corpus, config(), new CrawlListener() {
            @Override
            public void outcome(UrlOutcome o, CrawlProgress p) {
                outcomes.put(o.url().replace(web.origin(), ""), o);
            }

            @Override
            public synchronized void stored(Document d) {
                stored.add(d.id());
            }
        }).run(seeds());
        firstHits = web.hits();
    }

    @AfterAll
    static void stop() {
        web.close();
    }

    private static String status(String path) {
        UrlOutcome o = outcomes.get(path);
        return o == null ? "none" : o.status() + ": " + o.reason();
    }

    @Test
    @Order(1)
    void everyAddressHasExactlyTheExpectedOutcome() {
        var expected = new LinkedHashMap<String, String>();
        // The home page is a list of links: not stored as an article, but every link on it is followed.
        expected.put("/", "skipped: a list of links (73% of its text is links and little is left to read), not an "
                + "article; its links are followed");
        expected.put("/sitemap.xml", "fetched: lists 2 address(es) on this site");
        expected.put("/articles/a1", "fetched: stored as explaining-pain-to-clients");
        expected.put("/mirror/a1", "fetched: same text as explaining-pain-to-clients; this address is recorded on it");
        expected.put("/articles/a2", "fetched: stored as graded-exposure-for-fear-of-movement");
        expected.put("/canon-copy", "excluded: its canonical address is " + web.url("/articles/a2")
                + ", which is kept instead (this address is recorded on it)");
        expected.put("/old", "fetched: stored as central-sensitisation");
        expected.put("/loop-a", "failed: redirect loop: " + web.url("/loop-a") + " -> " + web.url("/loop-b") + " -> " + web.url("/loop-a"));
        expected.put("/r1", "failed: more than 5 redirects");
        expected.put("/to-private", "skipped: refused: 10.1.2.3 is a private address; crawling those needs --allow-private"
                + " (at http://10.1.2.3/intranet)");
        expected.put("/missing", "failed: HTTP 404 Not Found");
        expected.put("/broken", "failed: HTTP 500 Internal Server Error");
        expected.put("/busy", "fetched: stored as sleep-and-pain");
        expected.put("/slow", "failed: no answer within 1 s");
        expected.put("/latin", "fetched: stored as cafe-conversations-about-pain");
        expected.put("/hidden", "excluded: the page asks not to be indexed (robots noindex)");
        expected.put("/articles/deep", "fetched: stored as descending-modulation");
        expected.put("/nofollow", "fetched: stored as links-page");
        expected.put("/private/secret", "skipped: disallowed by robots.txt");
        expected.put("/image.png", "skipped: content type image/png is not kept (pages, feeds, plain text, VTT and SRT are)");
        expected.put("/articles/a4", "fetched: stored as nocebo-and-expectations");
        expected.put("/podcast.xml", "fetched: Pain Talk: 2 episode(s), 2 new or changed");
        expected.put("/episodes/1", "fetched: stored as pain-talk-why-pain-persists");
        expected.put("/episodes/2", "fetched: stored as pain-talk-touch-and-the-brain");
        expected.put("/transcripts/1.vtt", "fetched: transcript of \"Why pain persists\"");
        expected.put("/chapters/1.json", "fetched: 2 chapter(s) of \"Why pain persists\"");
        expected.put("/transcripts/2.srt", "fetched: transcript of \"Touch and the brain\"");
        expected.put("/bad-feed.xml", "failed: not a well-formed feed (line 1: The element type \"item\" must be terminated"
                + " by the matching end-tag \"</item>\".)");
        expected.put("/xxe.xml", "failed: refused: the feed declares a DTD (<!DOCTYPE>), which painsearch never reads"
                + " because it can smuggle in files or network requests");
        var huge = outcomes.remove("/huge");
        assertThat(huge.status()).isEqualTo("skipped");
        assertThat(huge.reason()).startsWith("the response is larger than the 64.0 KB limit");
        var actual = new LinkedHashMap<String, String>();
        expected.keySet().forEach(p -> actual.put(p, status(p)));
        assertThat(actual).containsExactlyEntriesOf(expected);
        assertThat(outcomes.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
        outcomes.put("/huge", huge);
    }

    @Test
    @Order(2)
    void storesExactlyTheAllowedPagesAndEpisodes() throws Exception {
        var files = corpus.documentFiles().stream().map(p -> corpus.root().relativize(p).toString()).toList();
        assertThat(files).containsExactlyInAnyOrder("articles/cafe-conversations-about-pain.md",
                "articles/central-sensitisation.md", "articles/descending-modulation.md",
                "articles/explaining-pain-to-clients.md", "articles/graded-exposure-for-fear-of-movement.md",
                "articles/links-page.md", "articles/nocebo-and-expectations.md", "articles/sleep-and-pain.md", "podcasts/pain-talk-touch-and-the-brain.md",
                "podcasts/pain-talk-why-pain-persists.md");
        assertThat(stored).hasSize(10);
        assertThat(first.stored()).isEqualTo(10);
        assertThat(first.remaining()).isZero();
        assertThat(first.kinds()).containsEntry(web.url("/"), "page")
                .containsEntry(web.url("/sitemap.xml"), "sitemap");
    }

    @Test
    @Order(3)
    void theSameTextUnderTwoAddressesIsStoredOnceWithBoth() throws Exception {
        String a1 = Files.readString(corpus.pathFor(org.painsearch.corpus.DocType.ARTICLE, "explaining-pain-to-clients"));
        assertThat(a1).contains("url: " + web.url("/articles/a1") + "\nurls:\n- " + web.url("/articles/a1") + "\n- "
                + web.url("/mirror/a1") + "\n");
        String a2 = Files.readString(corpus.pathFor(org.painsearch.corpus.DocType.ARTICLE, "graded-exposure-for-fear-of-movement"));
        assertThat(a2).contains("- " + web.url("/canon-copy"));
        var doc = corpus.read(corpus.pathFor(org.painsearch.corpus.DocType.ARTICLE, "explaining-pain-to-clients"));
        assertThat(doc.authors()).containsExactly("Lorimer Moseley");
        assertThat(doc.body()).contains("Reassurance and education reduce threat").doesNotContain("Copyright");
    }

    @Test
    @Order(4)
    void decodesAPageWhoseHeaderNamesTheWrongCharset() throws Exception {
        var doc = corpus.read(corpus.pathFor(org.painsearch.corpus.DocType.ARTICLE, "cafe-conversations-about-pain"));
        assertThat(doc.title()).isEqualTo("Café conversations about pain");
        assertThat(doc.body()).contains("A naïve view of pain — corrected.");
    }

    @Test
    @Order(5)
    void storesEpisodesWithNotesChaptersAndTimedTranscriptsThatSearchLinksTo() throws Exception {
        var ep1 = corpus.read(corpus.pathFor(org.painsearch.corpus.DocType.PODCAST, "pain-talk-why-pain-persists"));
        assertThat(ep1.url()).isEqualTo(web.url("/episodes/1"));
        assertThat(ep1.source()).isEqualTo("Pain Talk");
        assertThat(ep1.authors()).containsExactly("Dr. Hana Ortiz");
        assertThat(ep1.published()).hasToString("2019-05-14");
        assertThat(ep1.tags()).containsExactly("chronic-pain", "sensitisation");
        assertThat(ep1.podcast()).isEqualTo(new Document.PodcastInfo("Pain Talk", "1", web.url("/audio/1.mp3"), "00:30:05"));
        assertThat(ep1.body()).startsWith("We talk about sensitisation.\n\n- Guest: a physiotherapist\n\n## Chapters")
                .contains("- 00:12:30 Allodynia explained");
        assertThat(ep1.segments()).extracting(org.painsearch.corpus.Segment::timestamp)
                .containsExactly("00:00:00", "00:12:30", "00:00:01", "00:12:30");
        assertThat(Files.readString(ep1.path().resolveSibling("pain-talk-why-pain-persists.vtt"))).startsWith("WEBVTT");
        var ep2 = corpus.read(corpus.pathFor(org.painsearch.corpus.DocType.PODCAST, "pain-talk-touch-and-the-brain"));
        assertThat(ep2.url()).isEqualTo(web.url("/episodes/2"));
        assertThat(ep2.podcast().duration()).isEqualTo("00:41:10");
        // Cues minutes apart in the fetched transcript are separate moments.
        assertThat(ep2.segments()).extracting(org.painsearch.corpus.Segment::startSeconds).containsExactly(2L, 300L);
        assertThat(Files.exists(ep2.path().resolveSibling("pain-talk-touch-and-the-brain.srt"))).isTrue();
        try (var library = org.painsearch.Libraries.open(corpus,
                org.painsearch.index.IndexService.openWritable(dir.resolve("index")))) {
            library.rebuild(org.painsearch.app.Library.Progress.NONE);
            var hits = library.engine().search(org.painsearch.engine.SearchRequest.of("allodynia hallmark")).hits();
            assertThat(hits).first().satisfies(h -> {
                assertThat(h.id()).isEqualTo("pain-talk-why-pain-persists");
                assertThat(h.timestamp()).isEqualTo("00:12:30");
            });
        }
    }

    @Test
    @Order(5)
    void neverFetchesWhatItMustNot() {
        var paths = firstHits.stream().map(FakeWeb.Hit::path).collect(Collectors.toSet());
        assertThat(paths).doesNotContain("/private/secret", "/articles/never", "/xxe-probe", "/audio/1.mp3",
                "/transcripts/1.json", "/r7");
        assertThat(paths).contains("/r6", "/older", "/articles/a3");
        assertThat(firstHits).allSatisfy(h -> assertThat(h.userAgent())
                .isEqualTo("painsearch/dev (+https://github.com/painsearch/painsearch)"));
        var counts = firstHits.stream().collect(Collectors.groupingBy(FakeWeb.Hit::path, Collectors.counting()));
        assertThat(counts).containsEntry("/robots.txt", 1L).containsEntry("/articles/a1", 1L).containsEntry("/busy", 2L);
    }

    @Test
    @Order(6)
    void keepsTheCrawlDelayBetweenRequestsAndHonoursRetryAfter() {
        long minGap = (long) (FakeSite.CRAWL_DELAY * 1e9);
        for (int i = 1; i < firstHits.size(); i++) {
            long gap = firstHits.get(i).arrivedNanos() - firstHits.get(i - 1).arrivedNanos();
            assertThat(gap).as("gap before %s", firstHits.get(i).path()).isGreaterThanOrEqualTo(minGap);
        }
        var busy = firstHits.stream().filter(h -> h.path().equals("/busy")).toList();
        assertThat(busy.get(1).arrivedNanos() - busy.get(0).arrivedNanos()).isGreaterThanOrEqualTo(1_000_000_000L);
    }

    @Test
    @Order(7)
    void logsEveryOutcomeAsJsonLines() throws Exception {
        var lines = Files.readAllLines(corpus.root().resolve(".crawl/log.jsonl"));
        assertThat(lines).hasSize(outcomes.size());
        var json = JsonMapper.builder().build();
        var byUrl = lines.stream().map(json::readTree)
                .collect(Collectors.toMap(n -> n.path("url").asString(), n -> n.path("outcome").asString()));
        assertThat(byUrl).containsEntry(web.url("/private/secret"), "skipped").containsEntry(web.url("/hidden"), "excluded")
                .containsEntry(web.url("/missing"), "failed").containsEntry(web.url("/articles/a1"), "fetched");
        assertThat(Files.exists(corpus.root().resolve(".crawl/state.jsonl"))).as("a finished run leaves no frontier").isFalse();
    }

    @Test
    @Order(8)
    void aSecondCrawlFetchesNothingUnchanged() throws Exception {
        web.clearHits();
        var second = new ConcurrentHashMap<String, String>();
        var summary = new Crawler(corpus, config(), new CrawlListener() {
            @Override
            public void outcome(UrlOutcome o, CrawlProgress p) {
                second.put(o.url().replace(web.origin(), ""), o.status());
            }
        }).run(seeds());
        var fetchedBefore = outcomes.entrySet().stream().filter(e -> e.getValue().status().equals("fetched"))
                .map(Map.Entry::getKey).filter(p -> !p.startsWith("/episodes/")).collect(Collectors.toSet());
        var answers = web.hits().stream().filter(h -> fetchedBefore.contains(h.path()) || h.path().equals("/robots.txt"))
                .filter(h -> h.status() != 429).toList();
        assertThat(answers).isNotEmpty().allSatisfy(h -> assertThat(h.status()).as(h.path()).isIn(301, 302, 304));
        assertThat(answers).filteredOn(h -> h.status() == 304).extracting(FakeWeb.Hit::path)
                .contains("/robots.txt", "/articles/a1", "/podcast.xml", "/busy");
        assertThat(summary.stored()).isZero();
        assertThat(second).containsEntry("/", "unchanged").containsEntry("/articles/a1", "unchanged").containsEntry("/podcast.xml", "unchanged")
                .containsEntry("/busy", "unchanged").containsEntry("/missing", "failed");
    }
}
