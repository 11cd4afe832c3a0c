package org.painsearch.crawl;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.painsearch.corpus.Segment;
import org.painsearch.ingest.Chapters;
import org.painsearch.ingest.Feed;
import org.painsearch.ingest.FeedParser;
import org.painsearch.ingest.Importer;
import org.painsearch.ingest.Transcripts;
import org.painsearch.ingest.WebDocuments;

/**
 * Handles a fetched podcast feed: every episode becomes a podcast document with its show notes, its chapters as
 * timed topics and its best transcript (VTT, then SRT, JSON, HTML) beside it, so search hits link to the moment.
 */
final class FeedHandler {
    private final Fetcher fetcher;
    private final CrawledDocuments documents;
    private final CrawlSink sink;

    FeedHandler(Fetcher fetcher, CrawledDocuments documents, CrawlSink sink) {
        this.fetcher = fetcher;
        this.documents = documents;
        this.sink = sink;
    }

    void handle(Task task, FetchResult.Fetched f) throws IOException, InterruptedException {
        Feed feed;
        try {
            feed = FeedParser.parse(f.body(), ContentDecoder.headerCharset(f.contentType()), f.url());
        } catch (IllegalArgumentException e) {
            sink.outcome(new UrlOutcome.Failed(task.url(), e.getMessage()));
            return;
        }
        Map<String, Integer> linkUses = new HashMap<>();
        feed.episodes().forEach(e -> linkUses.merge(String.valueOf(e.link()), 1, Integer::sum));
        if (f.unchanged()) {
            // Unchanged only when every episode is in the corpus: a run killed half-way through the feed, after its
            // copy was kept, stores the rest from that copy.
            var known = new ArrayList<String>();
            for (Feed.Episode e : feed.episodes()) {
                String id = documents.idFor(episodeUrl(feed, e, f.url(), linkUses));
                if (id != null) {
                    known.add(id);
                }
            }
            if (known.size() == feed.episodes().size()) {
                sink.outcome(new UrlOutcome.Unchanged(task.url(), "feed", "not modified since the last crawl (HTTP 304)", known));
                return;
            }
        }
        var ids = new ArrayList<String>();
        int changed = 0;
        for (Feed.Episode e : feed.episodes()) {
            String url = episodeUrl(feed, e, f.url(), linkUses);
            List<Segment> chapters = chapters(e);
            Transcripts.Converted transcript = transcript(e);
            var d = WebDocuments.episode(feed, e, chapters, url);
            var stored = documents.store(url, d, List.of(url), transcript == null ? null : transcript.text(),
                    transcript == null ? null : transcript.extension());
            if (stored.written() != null) {
                sink.stored(stored.written());
                changed++;
            }
            sink.outcome(PageHandler.outcome(url, "episode", stored));
            ids.add(stored.id());
        }
        sink.outcome(new UrlOutcome.Fetched(task.url(), "feed", feed.title() + ": " + feed.episodes().size()
                + " episode(s), " + changed + " new or changed", ids));
    }

    // An episode's page when it has its own; shows that give every episode the same link get the audio address instead.
    private static String episodeUrl(Feed feed, Feed.Episode e, String feedUrl, Map<String, Integer> linkUses) {
        String link = UrlNormalizer.normalize(e.link());
        if (link != null && linkUses.get(e.link()) == 1 && !e.link().equals(feed.link())) {
            return link;
        }
        String audio = UrlNormalizer.normalize(e.audioUrl());
        return audio != null ? audio : feedUrl + "#" + Importer.slug(e.guid() == null ? e.title() : e.guid());
    }

    private List<Segment> chapters(Feed.Episode e) throws InterruptedException {
        String url = UrlNormalizer.normalize(e.chaptersUrl());
        if (url == null) {
            return List.of();
        }
        FetchResult r = fetcher.fetch(url, RawStore.Role.RESOURCE);
        if (!(r instanceof FetchResult.Fetched got)) {
            sink.outcome(TaskProcessor.notFetched(url, r));
            return List.of();
        }
        try {
            var chapters = Chapters.parse(got.body());
            resource(url, "chapters", got, chapters.size() + " chapter(s) of \"" + e.title() + "\"");
            return chapters;
        } catch (IllegalArgumentException ex) {
            sink.outcome(new UrlOutcome.Failed(url, ex.getMessage()));
            return List.of();
        }
    }

    // Tries the transcripts from the best-read format down; the first that reads is kept.
    private Transcripts.Converted transcript(Feed.Episode e) throws InterruptedException {
        var refs = new ArrayList<>(e.transcripts());
        refs.sort(Comparator.comparingInt(r -> Transcripts.preference(r.type(), r.url())));
        for (Feed.TranscriptRef ref : refs) {
            String url = UrlNormalizer.normalize(ref.url());
            if (url == null) {
                continue;
            }
            FetchResult r = fetcher.fetch(url, RawStore.Role.RESOURCE);
            if (!(r instanceof FetchResult.Fetched got)) {
                sink.outcome(TaskProcessor.notFetched(url, r));
                continue;
            }
            try {
                var converted = Transcripts.convert(got.body(), ref.type() != null ? ref.type() : got.contentType(), url);
                resource(url, "transcript", got, "transcript of \"" + e.title() + "\"");
                return converted;
            } catch (IllegalArgumentException ex) {
                sink.outcome(new UrlOutcome.Failed(url, ex.getMessage()));
            }
        }
        return null;
    }

    private void resource(String url, String kind, FetchResult.Fetched got, String what) {
        sink.outcome(got.unchanged()
                ? new UrlOutcome.Unchanged(url, kind, what + ", not modified (HTTP 304)", List.of())
                : new UrlOutcome.Fetched(url, kind, what, List.of()));
    }
}
