package org.painsearch.crawl;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.painsearch.corpus.CorpusStore;
import org.painsearch.corpus.Document;

/**
 * Runs extraction again over the raw responses under {@code corpus/.crawl/raw/}, without the network: after
 * painsearch's extraction improves, crawled documents are rewritten from what was fetched.
 */
public final class Reextractor {
    private Reextractor() {
    }

    /** Counts: stored responses re-read, documents written (new or changed), addresses that failed. */
    public record Result(int responses, int written, int failed) {
    }

    public static Result run(CorpusStore corpus, CrawlListener listener) throws IOException, InterruptedException {
        CrawlLock lock = CrawlLock.acquire(Crawler.crawlDir(corpus));
        try (lock) {
            var raw = new RawStore(Crawler.crawlDir(corpus));
            List<RawStore.Entry> entries = raw.all(RawStore.Role.PAGE);
            var written = new AtomicInteger();
            var failed = new AtomicInteger();
            var sink = new CrawlSink() {
                @Override
                public void enqueue(Task task) {
                }

                @Override
                public boolean claim(String url) {
                    return true;
                }

                @Override
                public void outcome(UrlOutcome o) {
                    if (o instanceof UrlOutcome.Failed) {
                        failed.incrementAndGet();
                    }
                    listener.outcome(o, new CrawlProgress(0, 0, 0, failed.get(), 0, 0));
                }

                @Override
                public void stored(Document d) {
                    written.incrementAndGet();
                    listener.stored(d);
                }
            };
            var processor = new TaskProcessor(new OfflineFetcher(raw), new CrawledDocuments(corpus), sink);
            for (RawStore.Entry e : entries) {
                var task = new Task(e.url(), 0, 0, UrlNormalizer.origin(e.url()) + "/");
                processor.process(task, new FetchResult.Fetched(e.url(), e.contentType(), e.body(),
                        e.robotsTag() == null ? "" : e.robotsTag(), false));
            }
            return new Result(entries.size(), written.get(), failed.get());
        }
    }
}
