package org.painsearch.crawl;

import java.util.concurrent.TimeUnit;

/**
 * A larger fake site for the crawl benchmark (bench/crawl.sh): a home page, 20 section pages, {@code N} articles
 * and a podcast feed of 20 episodes with VTT transcripts, all on 127.0.0.1. Prints its address, then serves until
 * standard input closes or ten minutes pass.
 */
public final class BenchSite {
    private BenchSite() {
    }

    public static void main(String[] args) throws Exception {
        int articles = args.length > 0 ? Integer.parseInt(args[0]) : 400;
        try (var web = new FakeWeb()) {
            build(web, articles);
            System.out.println(web.url("/"));
            System.out.flush();
            var reader = Thread.ofVirtual().start(() -> {
                try {
                    while (System.in.read() >= 0) {
                        // wait for the end of input
                    }
                } catch (java.io.IOException e) {
                    // closed
                }
            });
            reader.join(TimeUnit.MINUTES.toMillis(10));
        }
    }

    public static void build(FakeWeb web, int articles) {
        web.page("/robots.txt", "text/plain", "User-agent: *\nDisallow:\n");
        var home = new StringBuilder("<html><head><title>Bench home</title></head><body><main><h1>Sections</h1>"
                + "<p>A synthetic pain-science site for measuring the crawler.</p><a href=\"/podcast.xml\">Podcast</a>");
        int sections = 20;
        for (int s = 0; s < sections; s++) {
            home.append("<a href=\"/section/").append(s).append("\">Section ").append(s).append("</a>");
            var section = new StringBuilder("<html><head><title>Section " + s + "</title></head><body><main><p>Articles "
                    + "of section " + s + " about pain, touch and the nervous system.</p>");
            for (int a = s; a < articles; a += sections) {
                section.append("<a href=\"/article/").append(a).append("\">Article ").append(a).append("</a> ");
            }
            web.html("/section/" + s, section.append("</main></body></html>").toString());
        }
        web.html("/", home.append("</main></body></html>").toString());
        String paragraph = "Pain is a protective output of the brain that weighs danger signals against context, "
                + "expectation and safety; massage may help partly through touch fibres, partly through relaxation. ";
        for (int a = 0; a < articles; a++) {
            web.html("/article/" + a, FakeSite.article("Bench article number " + a, (paragraph + a + " ").repeat(25)));
        }
        var feed = new StringBuilder("<?xml version=\"1.0\"?><rss version=\"2.0\" "
                + "xmlns:podcast=\"https://podcastindex.org/namespace/1.0\"><channel><title>Bench Show</title>");
        for (int e = 0; e < 20; e++) {
            feed.append("<item><title>Bench episode ").append(e).append("</title><guid>bench-").append(e)
                    .append("</guid><description>Notes ").append(e).append("</description><enclosure url=\"/audio/")
                    .append(e).append(".mp3\" type=\"audio/mpeg\"/><podcast:transcript url=\"/t/").append(e)
                    .append(".vtt\" type=\"text/vtt\"/></item>");
            var vtt = new StringBuilder("WEBVTT\n");
            for (int c = 0; c < 120; c++) {
                vtt.append(String.format("%n00:%02d:%02d.000 --> 00:%02d:%02d.500%nCue %d of episode %d talks about pain.%n",
                        c / 60, c % 60, c / 60, c % 60, c, e));
            }
            web.page("/t/" + e + ".vtt", "text/vtt", vtt.toString());
        }
        web.page("/podcast.xml", "application/rss+xml", feed.append("</channel></rss>").toString());
    }
}
