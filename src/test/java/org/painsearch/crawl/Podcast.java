package org.painsearch.crawl;

/** The podcast part of the fake site: an RSS feed with VTT, SRT and JSON transcripts and JSON chapters, a malformed feed and an XXE attempt. */
final class Podcast {
    private Podcast() {
    }

    static void build(FakeWeb web) {
        web.page("/podcast.xml", "application/rss+xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"
                     xmlns:podcast="https://podcastindex.org/namespace/1.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
                <channel>
                  <title>Pain Talk</title><link>%1$s/</link><itunes:author>Dr. Hana Ortiz</itunes:author>
                  <item>
                    <title>Why pain persists</title><link>%1$s/episodes/1</link><guid>pain-talk-1</guid>
                    <pubDate>Tue, 14 May 2019 08:00:00 GMT</pubDate><itunes:duration>1805</itunes:duration>
                    <itunes:episode>1</itunes:episode><itunes:keywords>chronic pain, sensitisation</itunes:keywords>
                    <content:encoded><![CDATA[<p>We talk about <b>sensitisation</b>.</p><ul><li>Guest: a physiotherapist</li></ul>]]></content:encoded>
                    <enclosure url="/audio/1.mp3" type="audio/mpeg" length="1000"/>
                    <podcast:transcript url="/transcripts/1.json" type="application/json"/>
                    <podcast:transcript url="/transcripts/1.vtt" type="text/vtt"/>
                    <podcast:chapters url="/chapters/1.json" type="application/json+chapters"/>
                  </item>
                  <item>
                    <title>Touch and the brain</title><link>%1$s/episodes/2</link><guid>pain-talk-2</guid>
                    <pubDate>Tue, 21 May 2019 08:00:00 GMT</pubDate><itunes:duration>41:10</itunes:duration>
                    <description>Slow stroking and C-tactile afferents.</description>
                    <enclosure url="%1$s/audio/2.mp3" type="audio/mpeg" length="1000"/>
                    <podcast:transcript url="/transcripts/2.srt" type="application/x-subrip"/>
                  </item>
                </channel></rss>
                """.formatted(web.origin()));
        web.page("/transcripts/1.vtt", "text/vtt", """
                WEBVTT

                00:00:01.000 --> 00:00:05.000
                <v Hana>Welcome to Pain Talk. Today we ask why pain can outlast the injury that started it, what the
                nervous system learns along the way, and why a calm explanation of that learning is often the first
                treatment a person with persistent pain receives from a thoughtful clinician or therapist.

                00:12:30.000 --> 00:12:36.000
                <v Guest>Allodynia means an ordinary touch is felt as painful, a hallmark of sensitisation.
                """);
        web.page("/transcripts/1.json", "application/json", """
                {"version":"1.0.0","segments":[{"speaker":"Hana","startTime":1,"endTime":5,"body":"Never chosen."}]}""");
        web.page("/chapters/1.json", "application/json+chapters", """
                {"version":"1.2.0","chapters":[{"startTime":0,"title":"Introduction"},{"startTime":750,"title":"Allodynia explained"}]}""");
        web.page("/transcripts/2.srt", "application/x-subrip", """
                1
                00:00:02,000 --> 00:00:06,000
                Today: the skin's slow touch fibres.

                2
                00:05:00,000 --> 00:05:08,000
                Stroking at three centimetres per second feels most pleasant and eases pain.
                """);
        web.page("/bad-feed.xml", "application/rss+xml", """
                <?xml version="1.0"?><rss version="2.0"><channel><title>Broken</title><item><title>x</title></channel></rss>""");
        web.page("/xxe.xml", "application/rss+xml", """
                <?xml version="1.0"?>
                <!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/passwd"><!ENTITY probe SYSTEM "%s/xxe-probe">]>
                <rss version="2.0"><channel><title>&secret;&probe;</title>
                <item><title>Leak</title><description>&secret;</description></item></channel></rss>
                """.formatted(web.origin()));
        web.page("/xxe-probe", "text/plain", "the XML parser fetched an external entity");
    }
}
