package org.painsearch.ingest;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzes what turns outside bytes into documents: the HTML extractor, RSS/Atom feeds, OPML and podcast transcripts
 * (VTT, SRT, JSON, HTML). Each gives a result or an {@link IllegalArgumentException} with a reason, never a crash.
 */
public class IngestFuzzTest {
    private static final String[] TRANSCRIPT_TYPES = {"text/vtt", "application/x-subrip", "application/json", "text/html", null};

    /** One input, sent to one of the readers chosen by its first byte. */
    public static void target(FuzzedDataProvider data) {
        int reader = data.consumeInt(0, 3);
        try {
            switch (reader) {
                case 0 -> HtmlExtractor.extract(data.consumeRemainingAsString(), "https://example.org/a/page.html");
                case 1 -> FeedParser.parse(data.consumeRemainingAsBytes(), "UTF-8", "https://example.org/feed.xml");
                case 2 -> Opml.parse(data.consumeRemainingAsBytes());
                default -> Transcripts.convert(data.consumeRemainingAsBytes(),
                        TRANSCRIPT_TYPES[data.consumeInt(0, TRANSCRIPT_TYPES.length - 1)], "https://example.org/t");
            }
        } catch (IllegalArgumentException refused) {
            // not a page, feed, OPML file or transcript painsearch reads: refused with a reason
        }
    }

    @FuzzTest(maxDuration = "30s")
    @DictionaryEntries({"<html>", "<head>", "<meta name=\"citation_title\" content=\"", "<article>", "<p>", "</p>",
            "<script type=\"application/ld+json\">", "\"@type\":\"ScholarlyArticle\"", "<?xml version=\"1.0\"?>",
            "<rss version=\"2.0\"><channel>", "<item>", "<enclosure url=\"", "<feed xmlns=\"http://www.w3.org/2005/Atom\">",
            "<entry>", "<opml>", "<outline xmlUrl=\"", "<!DOCTYPE", "<!ENTITY", "WEBVTT", " --> ", "\"segments\":[",
            "\"startTime\":", "<podcast:transcript", "<cite>", "<time>"})
    void ingest(FuzzedDataProvider data) {
        target(data);
    }
}
