package org.painsearch.crawl;

import crawlercommons.sitemaps.AbstractSiteMap;
import crawlercommons.sitemaps.SiteMap;
import crawlercommons.sitemaps.SiteMapIndex;
import crawlercommons.sitemaps.SiteMapParser;
import crawlercommons.sitemaps.SiteMapURL;
import crawlercommons.sitemaps.UnknownFormatException;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import org.painsearch.corpus.TimedText;
import org.painsearch.ingest.WebDocuments;

/**
 * Visits one frontier address: fetches it and, by what the content turns out to be, hands it to the page or feed
 * handler, queues a sitemap's addresses, or stores plain text and bare transcripts; anything else is skipped.
 */
final class TaskProcessor {
    private final Fetcher fetcher;
    private final CrawledDocuments documents;
    private final CrawlSink sink;
    private final PageHandler pages;
    private final FeedHandler feeds;

    TaskProcessor(Fetcher fetcher, CrawledDocuments documents, CrawlSink sink) {
        this.fetcher = fetcher;
        this.documents = documents;
        this.sink = sink;
        this.pages = new PageHandler(documents, sink);
        this.feeds = new FeedHandler(fetcher, documents, sink);
    }

    /**
     * Visits the task's address.
     *
     * @return the address it redirected to and was handled under (now done as well), or null
     */
    String process(Task task) throws InterruptedException {
        FetchResult r = fetcher.fetch(task.url(), RawStore.Role.PAGE);
        if (!(r instanceof FetchResult.Fetched f)) {
            sink.outcome(notFetched(task.url(), r));
            return null;
        }
        if (f.url().equals(task.url())) {
            process(task, f);
            return null;
        }
        if (!sink.claim(f.url())) {
            sink.outcome(new UrlOutcome.Skipped(task.url(), "redirects to " + f.url() + ", which this crawl visits on its own"));
            return null;
        }
        process(task, f);
        return f.url();
    }

    /** Handles content already fetched (also used when re-extracting from the raw store). */
    void process(Task task, FetchResult.Fetched f) throws InterruptedException {
        ContentKind kind = ContentKind.of(f.contentType(), f.body());
        try {
            switch (kind) {
                case HTML -> pages.handle(task, f);
                case FEED -> feeds.handle(task, f);
                case SITEMAP -> sitemap(task, f);
                case TEXT -> text(task, f);
                case VTT, SRT -> transcript(task, f, kind == ContentKind.VTT ? ".vtt" : ".srt");
                case OTHER -> sink.outcome(new UrlOutcome.Skipped(task.url(), "content type "
                        + (f.contentType() == null ? "unknown" : ContentKind.mediaType(f.contentType()))
                        + " is not kept (pages, feeds, plain text, VTT and SRT are)"));
            }
        } catch (IOException e) {
            sink.outcome(new UrlOutcome.Failed(task.url(), "cannot write to the corpus: " + e.getMessage()));
        }
    }

    /** The outcome of an address that was not fetched, under the address asked for. */
    static UrlOutcome notFetched(String url, FetchResult r) {
        String where = r.url().equals(url) ? "" : " (at " + r.url() + ")";
        return switch (r) {
            case FetchResult.Skipped s -> new UrlOutcome.Skipped(url, s.reason() + where);
            case FetchResult.Failed f -> new UrlOutcome.Failed(url, f.reason() + where);
            case FetchResult.Fetched f -> throw new IllegalArgumentException("fetched: " + f.url());
        };
    }

    private void sitemap(Task task, FetchResult.Fetched f) {
        var parser = new SiteMapParser(false);
        parser.setAllowDocTypeDefinitions(false);
        AbstractSiteMap map;
        try {
            map = parser.parseSiteMap(f.contentType() == null ? "text/xml" : ContentKind.mediaType(f.contentType()),
                    f.body(), URI.create(f.url()).toURL());
        } catch (UnknownFormatException | IOException | IllegalArgumentException e) {
            sink.outcome(new UrlOutcome.Failed(task.url(), "not a readable sitemap (" + e.getMessage() + ")"));
            return;
        }
        String sameSite = UrlNormalizer.origin(f.url()) + "/";
        int listed = 0;
        if (map instanceof SiteMapIndex index) {
            for (AbstractSiteMap child : index.getSitemaps()) {
                listed += queue(UrlNormalizer.normalize(child.getUrl().toString()), task, sameSite);
            }
        } else if (map instanceof SiteMap sitemap) {
            for (SiteMapURL u : sitemap.getSiteMapUrls()) {
                listed += queue(UrlNormalizer.normalize(u.getUrl().toString()), task, sameSite);
            }
        }
        String what = "lists " + listed + " address(es) on this site";
        sink.outcome(f.unchanged() ? new UrlOutcome.Unchanged(task.url(), "sitemap", what + "; not modified (HTTP 304)", List.of())
                : new UrlOutcome.Fetched(task.url(), "sitemap", what, List.of()));
    }

    // A sitemap's addresses are fetched at the sitemap's own depth: listing them is not following a link.
    private int queue(String url, Task sitemap, String sameSite) {
        if (url == null || !url.startsWith(sameSite)) {
            return 0;
        }
        sink.enqueue(new Task(url, sitemap.depth(), sitemap.maxDepth(), sameSite));
        return 1;
    }

    private void text(Task task, FetchResult.Fetched f) throws IOException {
        String known = documents.idFor(f.url());
        if (f.unchanged() && known != null) {
            sink.outcome(new UrlOutcome.Unchanged(task.url(), "text", "not modified since the last crawl (HTTP 304)", List.of(known)));
            return;
        }
        try {
            var d = WebDocuments.text(ContentDecoder.decode(f.body(), f.contentType()), f.url());
            stored(task, "text", documents.store(f.url(), d, List.of(f.url()), null, null));
        } catch (IllegalArgumentException e) {
            sink.outcome(new UrlOutcome.Skipped(task.url(), e.getMessage()));
        }
    }

    private void transcript(Task task, FetchResult.Fetched f, String ext) throws IOException {
        String known = documents.idFor(f.url());
        if (f.unchanged() && known != null) {
            sink.outcome(new UrlOutcome.Unchanged(task.url(), "transcript", "not modified since the last crawl (HTTP 304)", List.of(known)));
            return;
        }
        String text = ContentDecoder.decode(f.body(), f.contentType());
        try {
            TimedText.parseCues(text);
        } catch (IllegalArgumentException e) {
            sink.outcome(new UrlOutcome.Failed(task.url(), e.getMessage()));
            return;
        }
        stored(task, "transcript", documents.store(f.url(), WebDocuments.transcriptOnly(f.url()), List.of(f.url()), text, ext));
    }

    private void stored(Task task, String kind, CrawledDocuments.Stored s) {
        if (s.written() != null) {
            sink.stored(s.written());
        }
        sink.outcome(PageHandler.outcome(task.url(), kind, s));
    }
}
