package org.painsearch.crawl;

import java.nio.charset.Charset;

/**
 * The pain-science site the crawler tests visit: articles, a mirror of one, a canonical copy, a noindex and a
 * nofollow page, redirects (a chain, a loop, too many, one to a private address), errors, a slow and a huge answer,
 * a page in the wrong charset, a sitemap, robots.txt with a Crawl-delay, and podcast feeds (good, malformed, XXE).
 */
public final class FakeSite {
    /** The Crawl-delay robots.txt asks for, in seconds. */
    public static final double CRAWL_DELAY = 0.1;

    private FakeSite() {
    }

    static String article(String title, String text) {
        return """
                <!doctype html><html><head><title>%s</title>
                <meta name="citation_title" content="%s"><meta name="citation_author" content="Lorimer Moseley">
                <meta name="citation_publication_date" content="2019/05/14"></head>
                <body><nav><a href="/">Home</a></nav><article><h1>%s</h1><p>%s</p>
                <p>Pain is an output of the brain, not a measure of tissue damage; a sensitised nervous system
                can keep producing pain long after the tissues have healed.</p></article>
                <footer>Copyright</footer></body></html>
                """.formatted(title, title, title, text);
    }

    /** A small site for command and page tests: a home page, two articles and the podcast feed; no Crawl-delay. */
    public static FakeWeb small(FakeWeb web) {
        web.page("/robots.txt", "text/plain", "User-agent: *\nDisallow: /private/\n");
        web.html("/", """
                <!doctype html><html><head><title>Pain science notes</title></head><body><main>
                <h1>Pain science notes</h1><p>Articles and a podcast about how pain works.</p>
                <a href="/articles/a1">Explaining pain</a> <a href="/articles/a2">Graded exposure</a>
                <a href="/private/x">Private</a></main></body></html>""");
        web.html("/articles/a1", article("Explaining pain to clients", "Reassurance and education reduce threat."));
        web.html("/articles/a2", article("Graded exposure for fear of movement", "Step by step lowers fear."));
        Podcast.build(web);
        return web;
    }

    public static FakeWeb build(FakeWeb web) {
        String a1 = article("Explaining pain to clients", "Reassurance and education reduce threat and so reduce pain.");
        web.page("/robots.txt", "text/plain", """
                User-agent: painsearch
                Disallow: /private/
                Crawl-delay: %s

                User-agent: *
                Disallow: /
                """.formatted(CRAWL_DELAY));
        web.html("/", """
                <!doctype html><html><head><title>Pain science notes</title></head><body><main>
                <h1>Pain science notes</h1><p>Articles and a podcast about how pain works.</p><ul>
                <li><a href="/articles/a1">Explaining pain</a></li><li><a href="/articles/a2?utm_source=home">Graded exposure</a></li>
                <li><a href="/mirror/a1#top">Explaining pain (mirror)</a></li><li><a href="/canon-copy">Graded exposure, copy</a></li>
                <li><a href="/old">Old address</a></li><li><a href="/loop-a">Loop</a></li><li><a href="/r1">Far away</a></li>
                <li><a href="/to-private">Intranet</a></li><li><a href="/missing">Gone</a></li><li><a href="/broken">Broken</a></li>
                <li><a href="/busy">Busy</a></li><li><a href="/slow">Slow</a></li><li><a href="/huge">Huge</a></li>
                <li><a href="/latin">Café</a></li><li><a href="/hidden">Hidden</a></li><li><a href="/nofollow">Nofollow</a></li>
                <li><a href="/private/secret">Secret</a></li><li><a href="/image.png">Picture</a></li>
                <li><a href="/podcast.xml">Podcast</a></li><li><a href="/bad-feed.xml">Old feed</a></li>
                <li><a href="/xxe.xml">Strange feed</a></li><li><a href="mailto:me@example.org">Mail</a></li>
                <li><a href="https://elsewhere.example/">Elsewhere</a></li></ul></main></body></html>
                """);
        web.html("/articles/a1", a1);
        web.html("/mirror/a1", a1);
        String a2 = article("Graded exposure for fear of movement", "Approaching feared movements step by step lowers fear.");
        web.html("/articles/a2", a2);
        web.html("/canon-copy", a2.replace("<head>", "<head><link rel=\"canonical\" href=\"/articles/a2\">"));
        web.redirect("/old", 301, "/older");
        web.redirect("/older", 302, "/articles/a3");
        web.html("/articles/a3", article("Central sensitisation", "The spinal cord turns up the volume of danger signals."));
        web.redirect("/loop-a", 302, "/loop-b");
        web.redirect("/loop-b", 302, "/loop-a");
        for (int i = 1; i <= 6; i++) {
            web.redirect("/r" + i, 302, "/r" + (i + 1));
        }
        web.html("/r7", article("Too far", "Never reached."));
        web.redirect("/to-private", 302, "http://10.1.2.3/intranet");
        web.route("/broken", (ctx, visit) -> ctx.status(500).result("oops"));
        web.route("/busy", (ctx, visit) -> {
            if (visit % 2 == 1) {
                ctx.status(429).header("Retry-After", "1").result("slow down");
            } else if ("\"busy\"".equals(ctx.header("If-None-Match"))) {
                ctx.status(304);
            } else {
                ctx.status(200).header("ETag", "\"busy\"").contentType("text/html")
                        .result(article("Sleep and pain", "Poor sleep raises pain sensitivity the next day."));
            }
        });
        web.route("/slow", (ctx, visit) -> {
            Thread.sleep(2500); // longer than the tests' read timeout
            ctx.html(article("Slow page", "Too slow."));
        });
        web.html("/huge", article("Huge page", "word ".repeat(30_000)));
        byte[] latin = article("Café conversations about pain", "A naïve view of pain — corrected.")
                .replace("<head>", "<head><meta charset=\"windows-1252\">").getBytes(Charset.forName("windows-1252"));
        web.page("/latin", "text/html; charset=utf-8", latin); // the header is wrong; the page's meta is right
        web.html("/hidden", """
                <html><head><title>Draft</title><meta name="robots" content="noindex"></head>
                <body><p>Not for search engines.</p><a href="/articles/deep">Deep article</a></body></html>""");
        web.html("/articles/deep", article("Descending modulation", "The brain can dampen incoming signals."));
        web.html("/nofollow", """
                <html><head><title>Links page</title><meta name="robots" content="nofollow"></head>
                <body><article><p>A page whose links must not be followed, though its text is worth keeping for search.
                It talks about pacing and graded activity for people with persistent pain.</p></article>
                <a href="/articles/never">Never</a></body></html>""");
        web.html("/articles/never", article("Never fetched", "nofollow was ignored"));
        web.html("/private/secret", article("Secret", "robots.txt was ignored"));
        web.page("/image.png", "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        web.page("/sitemap.xml", "application/xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                  <url><loc>%s</loc></url><url><loc>%s</loc></url><url><loc>https://elsewhere.example/x</loc></url>
                </urlset>""".formatted(web.url("/articles/a4"), web.url("/articles/a1")));
        web.html("/articles/a4", article("Nocebo and expectations", "Warnings about pain can make pain worse."));
        Podcast.build(web);
        return web;
    }
}
