package org.painsearch.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.painsearch.corpus.DocType;
import org.painsearch.corpus.Segment;
import org.painsearch.corpus.TimedText;

class FeedParserTest {
    private static Feed parse(String xml) {
        return FeedParser.parse(xml.getBytes(StandardCharsets.UTF_8), null, "https://pod.example.org/feeds/main.xml");
    }

    @Test
    void readsAtomWithItunesAndPodcastingElements() {
        var feed = parse("""
                <feed xmlns="http://www.w3.org/2005/Atom" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"
                      xmlns:podcast="https://podcastindex.org/namespace/1.0">
                  <title>Body Signals</title><link href="https://pod.example.org/"/><author><name>Ines Roy</name></author>
                  <entry>
                    <title>Interoception</title><id>urn:uuid:1</id><published>2021-03-04T10:00:00+01:00</published>
                    <link rel="alternate" href="/episodes/interoception"/>
                    <link rel="enclosure" href="../audio/i.mp3" type="audio/mpeg"/>
                    <content type="html">&lt;p&gt;How the body reads &lt;em&gt;itself&lt;/em&gt;.&lt;/p&gt;</content>
                    <category term="interoception"/><itunes:duration>62:05</itunes:duration><itunes:episode>7</itunes:episode>
                    <podcast:transcript url="t.html" type="text/html"/>
                  </entry>
                </feed>""");
        assertThat(feed.title()).isEqualTo("Body Signals");
        assertThat(feed.link()).isEqualTo("https://pod.example.org/");
        var e = feed.episodes().get(0);
        assertThat(e).isEqualTo(new Feed.Episode("urn:uuid:1", "Interoception", "https://pod.example.org/episodes/interoception",
                java.time.LocalDate.of(2021, 3, 4), "01:02:05", "7", "Ines Roy", List.of("interoception"),
                "<p>How the body reads <em>itself</em>.</p>", "https://pod.example.org/audio/i.mp3", null,
                List.of(new Feed.TranscriptRef("https://pod.example.org/feeds/t.html", "text/html"))));
        var doc = WebDocuments.episode(feed, e, List.of(new Segment(0, "Hello"), new Segment(65, "Maps")), e.link());
        assertThat(doc.type()).isEqualTo(DocType.PODCAST);
        assertThat(doc.id()).isEqualTo("body-signals-interoception");
        assertThat(doc.body()).isEqualTo("How the body reads itself.\n\n## Chapters\n\n- 00:00:00 Hello\n- 00:01:05 Maps");
    }

    @Test
    void normalizesDurations() {
        assertThat(FeedParser.duration("3725")).isEqualTo("01:02:05");
        assertThat(FeedParser.duration("45:10")).isEqualTo("00:45:10");
        assertThat(FeedParser.duration("1:02:05")).isEqualTo("01:02:05");
        assertThat(FeedParser.duration("about an hour")).isNull();
    }

    @Test
    void refusesDtdsMalformedXmlAndOtherDocuments() {
        assertThatThrownBy(() -> parse("""
                <?xml version="1.0"?><!DOCTYPE rss SYSTEM "http://127.0.0.1:1/x.dtd"><rss><channel><title>t</title></channel></rss>"""))
                .hasMessageStartingWith("refused: the feed declares a DTD");
        assertThatThrownBy(() -> parse("<rss><channel><title>t</title>")).hasMessageStartingWith("not a well-formed feed");
        assertThatThrownBy(() -> parse("<html><body/></html>"))
                .hasMessage("not an RSS or Atom feed (the root element is <html>)");
        assertThatThrownBy(() -> parse("<rss version=\"2.0\"><channel><item><title>x</title></item></channel></rss>"))
                .hasMessage("the feed has no title");
    }

    @Test
    void readsAFeedMislabelledAsUtf8WithTheServersCharset() {
        byte[] latin = "<rss><channel><title>Caf\u00e9 du corps</title></channel></rss>".getBytes(Charset.forName("ISO-8859-1"));
        assertThat(FeedParser.parse(latin, "ISO-8859-1", "https://x.example/f").title()).isEqualTo("Café du corps");
    }

    @Test
    void convertsJsonAndHtmlTranscriptsToTimedVtt() {
        var json = Transcripts.convert("""
                {"version":"1.0.0","segments":[{"speaker":"Ana","startTime":0.5,"endTime":2.25,"body":"Hello there."},
                {"startTime":75,"body":"Pain is a protector."}]}""".getBytes(StandardCharsets.UTF_8), "application/json", "x");
        assertThat(json.extension()).isEqualTo(".vtt");
        assertThat(json.text()).isEqualTo("""
                WEBVTT

                00:00:00.500 --> 00:00:02.250
                Ana: Hello there.

                00:01:15.000 --> 00:01:20.000
                Pain is a protector.
                """);
        var html = Transcripts.convert("""
                <cite>Ana:</cite><time>00:00:03</time><p>First words.</p><cite>Ben:</cite><time>1:00</time><p>Reply.</p>"""
                .getBytes(StandardCharsets.UTF_8), "text/html", "x");
        assertThat(TimedText.parseCues(html.text())).containsExactly(new Segment(3, "Ana: First words."),
                new Segment(60, "Ben: Reply."));
        assertThat(Transcripts.convert("1\n00:00:01,000 --> 00:00:02,000\nHi\n".getBytes(StandardCharsets.UTF_8), null,
                "https://x/t").extension()).isEqualTo(".srt");
        assertThatThrownBy(() -> Transcripts.convert("just words".getBytes(StandardCharsets.UTF_8), "text/plain", "x"))
                .hasMessage("transcripts of type text/plain are not read (VTT, SRT, JSON and HTML are)");
        assertThat(Transcripts.preference("text/vtt", "a")).isLessThan(Transcripts.preference(null, "b.srt"));
    }

    @Test
    void chaptersAreSortedAndUntitledOnesLeftOut() {
        var chapters = Chapters.parse("""
                {"chapters":[{"startTime":90.5,"title":"Second"},{"startTime":0,"title":"First"},{"startTime":10}]}"""
                .getBytes(StandardCharsets.UTF_8));
        assertThat(chapters).containsExactly(new Segment(0, "First"), new Segment(90, "Second"));
        assertThatThrownBy(() -> Chapters.parse("{}".getBytes(StandardCharsets.UTF_8)))
                .hasMessage("the chapters file has no \"chapters\" list");
    }

    @Test
    void opmlListsNestedFeeds() {
        var outlines = Opml.parse("""
                <opml version="2.0"><body><outline text="Group"><outline text="A" xmlUrl="https://a.example/feed"/>
                </outline><outline title="B" text="b" xmlUrl="https://b.example/rss"/><outline text="no feed"/></body></opml>"""
                .getBytes(StandardCharsets.UTF_8));
        assertThat(outlines).containsExactly(new Opml.Outline("https://a.example/feed", "A"),
                new Opml.Outline("https://b.example/rss", "B"));
        assertThatThrownBy(() -> Opml.parse("<rss/>".getBytes(StandardCharsets.UTF_8)))
                .hasMessage("not an OPML file (the root element is <rss>, expected <opml>)");
    }
}
