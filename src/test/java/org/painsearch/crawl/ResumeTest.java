package org.painsearch.crawl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.painsearch.corpus.CorpusStore;

/** An interrupted crawl (stopped, out of budget, or killed mid-line) resumes where it stopped, fetching nothing twice. */
class ResumeTest {
    @TempDir
    Path dir;
    FakeWeb web;
    CorpusStore corpus;

    @BeforeEach
    void site() {
        web = new FakeWeb();
        web.page("/robots.txt", "text/plain", "User-agent: *\nDisallow:\n");
        // The index page is a list of links: its links are followed, but it is not stored as a document.
        var home = new StringBuilder("<html><head><title>Index</title></head><body><main><p>Chapters of a long guide to pain.</p>");
        for (int i = 1; i <= 6; i++) {
            home.append("<a href=\"/chapter/").append(i).append("\">Chapter ").append(i).append("</a>");
            web.html("/chapter/" + i, FakeSite.article("Chapter " + i + " of the guide", "Part " + i + " explains pain."));
        }
        web.html("/", home.append("</main></body></html>").toString());
        corpus = new CorpusStore(dir.resolve("corpus"));
    }

    @AfterEach
    void close() {
        web.close();
    }

    private CrawlSummary crawl(CrawlConfig config, CrawlListener listener) throws Exception {
        return new Crawler(corpus, config, listener).run(List.of(new Seed(web.url("/"), Seed.Scope.HOST, 1)));
    }

    private static CrawlConfig config() {
        return CrawlerTest.config().withDelay(java.time.Duration.ZERO);
    }

    @Test
    void aRunOutOfBudgetLeavesTheRestQueuedAndTheNextRunFetchesOnlyThat() throws Exception {
        var first = crawl(config().withMaxPages(3), CrawlListener.NONE);
        assertThat(first.remaining()).isEqualTo(4);
        assertThat(corpus.documentFiles()).hasSize(2);
        Path state = corpus.root().resolve(".crawl/state.jsonl");
        assertThat(state).exists();
        // A kill in the middle of writing a line leaves it torn; that must not stop the resume.
        Files.writeString(state, "{\"q\":\"http://127.0.0.1:1/torn", StandardOpenOption.APPEND);

        var second = crawl(config(), CrawlListener.NONE);
        assertThat(second.resumed()).isTrue();
        assertThat(second.remaining()).isZero();
        assertThat(corpus.documentFiles()).hasSize(6);
        var counts = web.paths().stream().filter(p -> !p.equals("/robots.txt"))
                .collect(Collectors.groupingBy(p -> p, Collectors.counting()));
        assertThat(counts).hasSize(7).allSatisfy((path, n) -> assertThat(n).as(path).isEqualTo(1L));
        assertThat(state).doesNotExist();
    }

    @Test
    void aStoppedCrawlResumes() throws Exception {
        var crawler = new Crawler[1];
        crawler[0] = new Crawler(corpus, config(), new CrawlListener() {
            @Override
            public void outcome(UrlOutcome o, CrawlProgress p) {
                crawler[0].stop(); // as Ctrl+C does: the address in hand finishes, nothing new starts
            }
        });
        var first = crawler[0].run(List.of(new Seed(web.url("/"), Seed.Scope.HOST, 1)));
        assertThat(first.progress().fetched()).isZero();
        assertThat(first.remaining()).isEqualTo(6);

        var second = crawl(config(), CrawlListener.NONE);
        assertThat(second.progress().fetched()).isEqualTo(6);
        assertThat(web.paths().stream().filter(p -> p.equals("/")).count()).isEqualTo(1);
    }

    @Test
    void refusesASecondCrawlOfTheSameCorpusAtOnce() throws Exception {
        var inner = new Exception[1];
        crawl(config(), new CrawlListener() {
            @Override
            public void outcome(UrlOutcome o, CrawlProgress p) {
                if (inner[0] == null) {
                    try {
                        crawl(config(), CrawlListener.NONE);
                        inner[0] = new Exception("a second crawl ran");
                    } catch (Exception e) {
                        inner[0] = e;
                    }
                }
            }
        });
        assertThatThrownBy(() -> {
            throw inner[0];
        }).hasMessageStartingWith("another crawl is running on " + corpus.root());
    }

    @Test
    void aChangedPageUpdatesItsDocument() throws Exception {
        crawl(config(), CrawlListener.NONE);
        web.html("/chapter/2", FakeSite.article("Chapter 2 of the guide", "Part 2 now says something new about pain."));
        var outcomes = new java.util.concurrent.ConcurrentHashMap<String, String>();
        var second = crawl(config(), new CrawlListener() {
            @Override
            public void outcome(UrlOutcome o, CrawlProgress p) {
                outcomes.put(o.url().replace(web.origin(), ""), o.status() + ": " + o.reason());
            }
        });
        assertThat(second.stored()).isEqualTo(1);
        assertThat(outcomes).containsEntry("/chapter/2", "fetched: changed; updated chapter-2-of-the-guide")
                .containsEntry("/chapter/3", "unchanged: not modified since the last crawl (HTTP 304)");
        assertThat(corpus.documentFiles()).hasSize(6);
        assertThat(Files.readString(corpus.pathFor(org.painsearch.corpus.DocType.ARTICLE, "chapter-2-of-the-guide")))
                .contains("something new");
    }

    @Test
    void neverOverwritesADocumentWrittenByHand() throws Exception {
        Path mine = org.painsearch.TestCorpus.file(corpus.root(), "articles/chapter-1-of-the-guide.md", """
                ---
                id: chapter-1-of-the-guide
                title: My summary of chapter 1
                url: %s
                ---
                My own words.
                """.formatted(web.url("/chapter/1")));
        String before = Files.readString(mine);
        crawl(config(), CrawlListener.NONE);
        assertThat(Files.readString(mine)).isEqualTo(before);
        assertThat(Files.readString(corpus.root().resolve("articles/chapter-1-of-the-guide-2.md")))
                .contains("urls:\n- " + web.url("/chapter/1") + "\n");
        crawl(config(), CrawlListener.NONE);
        assertThat(corpus.documentFiles()).hasSize(7);
    }

    @Test
    void aRunStoppedAfterItsLastAddressStartsAfreshNextTime() throws Exception {
        Path state = corpus.root().resolve(".crawl/state.jsonl");
        Files.createDirectories(state.getParent());
        Files.writeString(state, "{\"q\":\"" + web.url("/") + "\",\"d\":0,\"m\":1,\"p\":\"" + web.origin()
                + "/\"}\n{\"x\":\"" + web.url("/") + "\"}\n");
        var summary = crawl(config(), CrawlListener.NONE);
        assertThat(summary.resumed()).isFalse();
        assertThat(summary.progress().fetched()).isEqualTo(6);
    }

    // The state a kill leaves between keeping an answer's raw copy and writing what it holds to the corpus: the
    // address queued in the journal and not done, its copy kept (with the validators the server answers 304 to).
    private void killedBeforeStoring(String path, Path... unwritten) throws Exception {
        for (Path p : unwritten) {
            Files.delete(p);
        }
        try (var journal = new Journal(corpus.root().resolve(".crawl/state.jsonl"))) {
            journal.queued(new Task(web.url(path), 1, 1, web.origin() + "/"));
        }
        web.clearHits();
    }

    private java.util.Map<String, String> outcomesOf(Seed seed, boolean resumes) throws Exception {
        var outcomes = new java.util.concurrent.ConcurrentHashMap<String, String>();
        var summary = new Crawler(corpus, config(), new CrawlListener() {
            @Override
            public void outcome(UrlOutcome o, CrawlProgress p) {
                outcomes.put(o.url().replace(web.origin(), ""), o.status() + ": " + o.reason());
            }
        }).run(List.of(seed));
        assertThat(summary.resumed()).isEqualTo(resumes);
        return outcomes;
    }

    @Test
    void aPageWhoseCopyWasKeptButWhoseDocumentWasNotWrittenIsStoredWhenTheCrawlResumes() throws Exception {
        crawl(config(), CrawlListener.NONE);
        Path chapter = corpus.pathFor(org.painsearch.corpus.DocType.ARTICLE, "chapter-3-of-the-guide");
        killedBeforeStoring("/chapter/3", chapter);

        var outcomes = outcomesOf(new Seed(web.url("/"), Seed.Scope.HOST, 1), true);
        assertThat(web.hits()).filteredOn(h -> h.path().equals("/chapter/3")).singleElement()
                .satisfies(h -> assertThat(h.status()).as("the server says the page has not changed").isEqualTo(304));
        assertThat(outcomes).containsEntry("/chapter/3", "fetched: stored as chapter-3-of-the-guide")
                .containsEntry("/chapter/4", "unchanged: not modified since the last crawl (HTTP 304)");
        assertThat(chapter).exists();
        assertThat(corpus.documentFiles()).hasSize(6);
    }

    @Test
    void aFeedKilledHalfWayThroughItsEpisodesStoresTheRestWhenTheCrawlResumes() throws Exception {
        var rss = new StringBuilder("<?xml version=\"1.0\"?><rss version=\"2.0\" "
                + "xmlns:podcast=\"https://podcastindex.org/namespace/1.0\"><channel><title>Touch Show</title>");
        for (int e = 1; e <= 3; e++) {
            rss.append("<item><title>Touch episode ").append(e).append("</title><guid>touch-").append(e)
                    .append("</guid><description>Episode ").append(e).append(" on touch and pain.</description>")
                    .append("<enclosure url=\"/audio/").append(e).append(".mp3\" type=\"audio/mpeg\"/>")
                    .append("<podcast:transcript url=\"/t/").append(e).append(".vtt\" type=\"text/vtt\"/></item>");
            web.page("/t/" + e + ".vtt", "text/vtt", "WEBVTT\n\n00:00:01.000 --> 00:00:04.000\nEpisode " + e
                    + " begins with slow stroking touch.\n");
        }
        web.page("/show.xml", "application/rss+xml", rss.append("</channel></rss>").toString());
        var seed = new Seed(web.url("/show.xml"), Seed.Scope.HOST, 0);
        new Crawler(corpus, config(), CrawlListener.NONE).run(List.of(seed));
        var episodes = corpus.documentFiles().stream().filter(p -> p.getFileName().toString().startsWith("touch-show-touch-episode-"))
                .sorted().toList();
        assertThat(episodes).hasSize(3);
        Path third = episodes.get(2);
        Path transcript = third.resolveSibling(third.getFileName().toString().replace(".md", ".vtt"));
        assertThat(transcript).exists();
        killedBeforeStoring("/show.xml", third, transcript);

        var outcomes = outcomesOf(seed, true);
        assertThat(web.hits()).filteredOn(h -> h.path().equals("/show.xml")).singleElement()
                .satisfies(h -> assertThat(h.status()).isEqualTo(304));
        assertThat(outcomes.get("/show.xml")).startsWith("fetched: Touch Show: 3 episode(s), 1 new or changed");
        assertThat(third).exists();
        assertThat(transcript).content().contains("slow stroking touch");

        assertThat(outcomesOf(seed, false)).as("a feed whose episodes are all stored is simply unchanged")
                .containsEntry("/show.xml", "unchanged: not modified since the last crawl (HTTP 304)");
    }

    @Test
    void anAddressReachedThroughARedirectCountsAsDoneOnlyOnceItIsHandled() throws Exception {
        web.redirect("/moved", 301, "/chapter/7");
        web.html("/chapter/7", FakeSite.article("Chapter 7 of the guide", "Part 7 explains pain."));
        Path state = corpus.root().resolve(".crawl/state.jsonl");
        var resumeFromThere = new java.util.ArrayList<Journal.State>();
        new Crawler(corpus, config(), new CrawlListener() {
            @Override
            public void stored(org.painsearch.corpus.Document d) {
                try {
                    resumeFromThere.add(Journal.load(state));
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        }).run(List.of(new Seed(web.url("/moved"), Seed.Scope.HOST, 0)));
        assertThat(corpus.pathFor(org.painsearch.corpus.DocType.ARTICLE, "chapter-7-of-the-guide")).exists();
        // A kill at that moment must leave both addresses to visit again, neither marked as done.
        assertThat(resumeFromThere).singleElement().satisfies(r -> {
            assertThat(r.pending()).extracting(Task::url).containsExactly(web.url("/moved"));
            assertThat(r.seen()).doesNotContain(web.url("/chapter/7"));
        });
    }
}
