package org.painsearch.crawl;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.painsearch.corpus.Document;
import org.painsearch.ingest.PageDocument;
import org.painsearch.ingest.WebDocuments;

/**
 * Handles a fetched web page: queues its links (unless nofollow), honours noindex and rel=canonical, and stores its
 * main content as an article.
 */
final class PageHandler {
    private final CrawledDocuments documents;
    private final CrawlSink sink;

    PageHandler(CrawledDocuments documents, CrawlSink sink) {
        this.documents = documents;
        this.sink = sink;
    }

    void handle(Task task, FetchResult.Fetched f) throws IOException {
        String html = ContentDecoder.decode(f.body(), f.contentType());
        var signals = PageSignals.read(html, f.url(), f.robotsTag());
        if (!signals.nofollow()) {
            signals.links().forEach(link -> sink.enqueue(task.link(link)));
        }
        if (signals.noindex()) {
            sink.outcome(new UrlOutcome.Excluded(task.url(), "the page asks not to be indexed (robots noindex)"));
            return;
        }
        String canonical = signals.canonical();
        if (canonical != null && !canonical.equals(f.url()) && canonical.startsWith(task.prefix())) {
            documents.alias(canonical, f.url());
            sink.enqueue(new Task(canonical, task.depth(), task.maxDepth(), task.prefix()));
            sink.outcome(new UrlOutcome.Excluded(task.url(), "its canonical address is " + canonical
                    + ", which is kept instead (this address is recorded on it)"));
            return;
        }
        String known = documents.idFor(f.url());
        if (f.unchanged() && known != null) {
            sink.outcome(new UrlOutcome.Unchanged(task.url(), "page", "not modified since the last crawl (HTTP 304)",
                    List.of(known)));
            return;
        }
        Document d;
        switch (WebDocuments.page(html, f.url())) {
            case PageDocument.Article a -> d = a.document();
            case PageDocument.NotArticle n -> {
                if (f.unchanged()) {
                    sink.outcome(new UrlOutcome.Unchanged(task.url(), "page", "not modified since the last crawl (HTTP 304)",
                            List.of()));
                    return;
                }
                // Its links were queued above: an index or list of links leads to the articles it lists.
                sink.outcome(new UrlOutcome.Skipped(task.url(), "page", n.kind().describe()
                        + (signals.nofollow() ? "" : "; its links are followed")));
                return;
            }
        }
        var urls = new ArrayList<String>();
        urls.add(d.url() == null ? f.url() : d.url());
        if (!urls.contains(f.url())) {
            urls.add(f.url());
        }
        report(task.url(), "page", documents.store(f.url(), d, urls, null, null));
    }

    /** Reports a stored document as the outcome of {@code url}, and hands a written one on for indexing. */
    static UrlOutcome outcome(String url, String kind, CrawledDocuments.Stored s) {
        var ids = List.of(s.id());
        return switch (s.change()) {
            case NEW -> new UrlOutcome.Fetched(url, kind, "stored as " + s.id(), ids);
            case UPDATED -> new UrlOutcome.Fetched(url, kind, "changed; updated " + s.id(), ids);
            case UNCHANGED -> new UrlOutcome.Unchanged(url, kind, "same content as before", ids);
            case ALIAS -> new UrlOutcome.Fetched(url, kind, "same text as " + s.id() + "; this address is recorded on it", ids);
        };
    }

    private void report(String url, String kind, CrawledDocuments.Stored s) {
        if (s.written() != null) {
            sink.stored(s.written());
        }
        sink.outcome(outcome(url, kind, s));
    }
}
