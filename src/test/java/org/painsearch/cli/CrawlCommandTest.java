package org.painsearch.cli;

import org.painsearch.Libraries;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.painsearch.app.Library;
import org.painsearch.corpus.CorpusStore;
import org.painsearch.crawl.FakeSite;
import org.painsearch.crawl.FakeWeb;
import org.painsearch.index.IndexService;
import org.painsearch.web.WebServer;

/** {@code painsearch crawl}, {@code import feeds.opml} and {@code reindex --reextract} against a fake web on 127.0.0.1. */
class CrawlCommandTest {
    @TempDir
    Path dir;
    Path corpus;
    Path index;
    FakeWeb web;

    record Run(int code, String out, String err) {
    }

    @BeforeEach
    void setUp() {
        corpus = dir.resolve("corpus");
        index = dir.resolve("index");
        web = FakeSite.small(new FakeWeb());
    }

    @AfterEach
    void tearDown() {
        web.close();
    }

    private Run run(String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        var all = new ArrayList<>(List.of(args));
        all.addAll(1, List.of("--corpus", corpus.toString(), "--index", index.toString()));
        int code = Main.newCommandLine(new PrintWriter(out), new PrintWriter(err)).execute(all.toArray(String[]::new));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void crawlsASiteAndAFeedIndexesThemAndSavesTheSources() throws Exception {
        var r = run("crawl", web.url("/"), web.url("/podcast.xml"), "--allow-private", "--delay", "0", "--save");
        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(0);
        assertThat(r.out()).contains("fetched   " + web.url("/articles/a1") + "  stored as explaining-pain-to-clients")
                .containsPattern("skipped   " + java.util.regex.Pattern.quote(web.url("/"))
                        + "  a page with next to no text \\(.*\\), not an article; its links are followed")
                .contains("skipped   " + web.url("/private/x") + "  disallowed by robots.txt")
                .contains("fetched   " + web.url("/episodes/1") + "  stored as pain-talk-why-pain-persists")
                .contains("Crawl finished in").contains("4 document(s) new or changed")
                .contains("Saved 2 new source(s) to " + corpus.resolve("sources.yaml"));
        assertThat(Files.readString(corpus.resolve("sources.yaml"))).contains("- url: " + web.url("/"))
                .contains("feeds:\n- " + web.url("/podcast.xml"));

        var found = run("search", "allodynia");
        assertThat(found.code()).isEqualTo(0);
        assertThat(found.out()).contains("Why pain persists").contains("00:12:30");

        // The second crawl reads sources.yaml and asks only for changes.
        web.clearHits();
        var again = run("crawl", "--allow-private", "--delay", "0");
        assertThat(again.out()).contains("0 document(s) new or changed").contains("unchanged " + web.url("/articles/a1"));
        assertThat(web.hits()).allSatisfy(h -> assertThat(h.status()).as(h.path()).isEqualTo(304));
    }

    @Test
    void aCrawlWithoutAServerGivesDocumentsVectorsWhenTheIndexRanksByMeaning() throws Exception {
        var r = run("crawl", web.url("/articles/a1"), "--allow-private", "--delay", "0", "--max-depth", "0",
                "--ranking", "hybrid");
        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(0);
        try (var read = IndexService.openReadOnly(index)) {
            assertThat(read.contentVersions()).containsOnlyKeys("explaining-pain-to-clients");
            assertThat(read.hasVectors()).isTrue();
        }
    }

    @Test
    void aWordsOnlyCrawlStoresNoVectors() throws Exception {
        var r = run("crawl", web.url("/articles/a1"), "--allow-private", "--delay", "0", "--max-depth", "0",
                "--ranking", "bm25");
        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(0);
        try (var read = IndexService.openReadOnly(index)) {
            assertThat(read.contentVersions()).containsOnlyKeys("explaining-pain-to-clients");
            assertThat(read.hasVectors()).isFalse();
        }
    }

    @Test
    void refusesThisMachinesAddressesWithoutAllowPrivate() {
        var r = run("crawl", web.url("/"), "--delay", "0");
        assertThat(r.code()).isEqualTo(0);
        assertThat(r.out()).contains("skipped   " + web.url("/") + "  refused: 127.0.0.1 is a loopback address; crawling "
                + "those needs --allow-private");
        assertThat(web.hits()).isEmpty();
    }

    @Test
    void explainsWhatIsWrongWithoutAStackTrace() {
        var nothing = run("crawl");
        assertThat(nothing.code()).isEqualTo(1);
        assertThat(nothing.out()).startsWith("Nothing to crawl: give addresses");
        var bad = run("crawl", "ftp://example.org/file");
        assertThat(bad.code()).isEqualTo(1);
        assertThat(bad.err()).isEqualTo("painsearch: not an http or https address: ftp://example.org/file" + System.lineSeparator());
        var delay = run("crawl", web.url("/"), "--delay", "-1");
        assertThat(delay.err()).contains("--delay must be between 0 and 3600 seconds").doesNotContain("Exception");
    }

    @Test
    void importsTheFeedsOfAnOpmlFile() throws Exception {
        Path opml = Files.writeString(dir.resolve("subscriptions.opml"), """
                <?xml version="1.0"?><opml version="2.0"><head><title>Podcasts</title></head><body>
                <outline text="Science"><outline type="rss" text="Pain Talk" xmlUrl="%s"/>
                <outline type="rss" text="Other" xmlUrl="https://feeds.example.org/other.xml"/></outline></body></opml>
                """.formatted(web.url("/podcast.xml")));
        var r = run("import", opml.toString());
        assertThat(r.code()).isEqualTo(0);
        assertThat(r.out()).contains("imported  " + opml + ": 2 feed(s), 2 new in " + corpus.resolve("sources.yaml"));
        assertThat(Files.readString(corpus.resolve("sources.yaml")))
                .contains("feeds:\n- " + web.url("/podcast.xml") + "\n- https://feeds.example.org/other.xml\n");
        assertThat(run("import", opml.toString()).out()).contains("2 feed(s), 0 new");
        Path bad = Files.writeString(dir.resolve("bad.opml"), "<opml><body><outline xmlUrl='x'></body>");
        var failed = run("import", bad.toString());
        assertThat(failed.code()).isEqualTo(1);
        assertThat(failed.out()).contains("failed    " + bad + ": not a well-formed OPML file");
    }

    @Test
    void reextractsFromTheRawCopiesWithoutTheNetwork() throws Exception {
        assertThat(run("crawl", web.url("/"), "--allow-private", "--delay", "0").code()).isEqualTo(0);
        Path a1 = corpus.resolve("articles/explaining-pain-to-clients.md");
        String before = Files.readString(a1);
        Files.delete(a1);
        web.close(); // offline from here on
        var r = run("reindex", "--reextract");
        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(0);
        assertThat(r.out()).contains("Re-extracted 3 stored response(s): 1 document(s) new or changed, 0 failed.")
                .contains("Indexed 2 documents");
        assertThat(Files.readString(a1)).isEqualTo(before);
    }

    @Test
    void handsDocumentsToARunningServerForIndexing() throws Exception {
        Files.createDirectories(index);
        try (var library = Libraries.open(new CorpusStore(corpus), IndexService.openWritable(index))) {
            String token = org.painsearch.web.WebOptions.newToken();
            var app = WebServer.create(library, org.painsearch.web.WebOptions.local().withCliToken(token))
                    .start("127.0.0.1", 0);
            try {
                ServerRegistry.register(index, "http://127.0.0.1:" + app.port(), token);
                var r = run("crawl", web.url("/articles/a1"), "--allow-private", "--delay", "0", "--max-depth", "0");
                assertThat(r.code()).as(r.out() + r.err()).isEqualTo(0);
                assertThat(r.out()).contains("The index is open in the painsearch server at http://127.0.0.1:" + app.port());
                assertThat(library.engine().document("explaining-pain-to-clients")).isPresent();
            } finally {
                app.stop();
            }
        }
    }
}
