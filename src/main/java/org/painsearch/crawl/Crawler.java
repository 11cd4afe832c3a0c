package org.painsearch.crawl;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import org.painsearch.corpus.CorpusStore;
import org.painsearch.corpus.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Crawls from seeds into the corpus: one worker per host (hosts in parallel, each host's requests one at a time and
 * spaced by its delay), every outcome logged, the frontier journaled so a stopped run resumes, and each document
 * handed to the listener as soon as it is written.
 */
public final class Crawler {
    private static final Logger LOG = LoggerFactory.getLogger(Crawler.class);
    /** The folder under the corpus that holds the crawl's raw responses, state and log. */
    public static final String DIR = ".crawl";

    private final CorpusStore corpus;
    private final CrawlConfig config;
    private final CrawlListener listener;
    private volatile Frontier frontier;
    private volatile boolean stopRequested;

    public Crawler(CorpusStore corpus, CrawlConfig config, CrawlListener listener) {
        this.corpus = corpus;
        this.config = config;
        this.listener = listener;
    }

    /** {@code corpus/.crawl}. */
    public static Path crawlDir(CorpusStore corpus) {
        return corpus.root().resolve(DIR);
    }

    /**
     * Crawls {@code seeds} plus whatever an earlier, unfinished run left queued.
     *
     * @throws IOException when another crawl holds the corpus, or the crawl state cannot be written
     */
    public CrawlSummary run(List<Seed> seeds) throws IOException, InterruptedException {
        Path dir = crawlDir(corpus);
        CrawlLock lock = CrawlLock.acquire(dir);
        try (lock; var log = new CrawlLog(dir.resolve("log.jsonl"))) {
            var state = Journal.load(dir.resolve("state.jsonl"));
            return new Run(log, new Journal(dir.resolve("state.jsonl")), state, seeds).execute();
        }
    }

    /** True when an earlier run stopped before its frontier was empty; the next run resumes it. */
    public static boolean hasUnfinishedRun(CorpusStore corpus) throws IOException {
        return !Journal.load(crawlDir(corpus).resolve("state.jsonl")).pending().isEmpty();
    }

    /** Lets the requests in flight finish and starts no new ones; the rest stays queued for the next run. */
    public void stop() {
        stopRequested = true;
        Frontier f = frontier;
        if (f != null) {
            f.stop();
        }
    }

    /** One run: the sink its handlers report to, and its workers. */
    private final class Run implements CrawlSink {
        private final CrawlLog log;
        private final Journal journal;
        private final Journal.State resumed;
        private final List<Seed> seeds;
        private final Set<String> seedUrls = new HashSet<>();
        private final ConcurrentHashMap<String, String> kinds = new ConcurrentHashMap<>();
        private final AtomicInteger fetched = new AtomicInteger();
        private final AtomicInteger unchanged = new AtomicInteger();
        private final AtomicInteger skipped = new AtomicInteger();
        private final AtomicInteger failed = new AtomicInteger();
        private final AtomicInteger stored = new AtomicInteger();
        private final Semaphore hostSlots = new Semaphore(config.parallelHosts());
        private final long started = System.nanoTime();
        private Frontier queue;
        private TaskProcessor processor;
        private ExecutorService workers;

        Run(CrawlLog log, Journal journal, Journal.State resumed, List<Seed> seeds) {
            this.log = log;
            this.journal = journal;
            this.resumed = resumed;
            this.seeds = seeds;
        }

        CrawlSummary execute() throws IOException, InterruptedException {
            queue = new Frontier(resumed.seen(), config.maxPages());
            frontier = queue;
            if (stopRequested) {
                queue.stop();
            }
            processor = new TaskProcessor(new PoliteClient(config, new RawStore(crawlDir(corpus))),
                    new CrawledDocuments(corpus), this);
            try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
                workers = pool;
                resumed.pending().forEach(t -> startWorker(queue.offer(t, true)));
                for (Seed seed : seeds) {
                    seedUrls.add(seed.url());
                    enqueue(Task.of(seed));
                }
                queue.awaitIdle();
            }
            int remaining = queue.queued();
            if (remaining == 0) {
                journal.finish();
            } else {
                journal.close();
            }
            return new CrawlSummary(progress(), stored.get(), remaining, !resumed.pending().isEmpty(), kinds);
        }

        @Override
        public void enqueue(Task task) {
            if (task == null || !queue.claim(task.url())) {
                return;
            }
            journal.queued(task);
            startWorker(queue.offer(task, true));
        }

        @Override
        public boolean claim(String url) {
            return queue.claim(url); // journaled as done with the address that led there (work)
        }

        @Override
        public void outcome(UrlOutcome o) {
            switch (o) {
                case UrlOutcome.Fetched f -> fetched.incrementAndGet();
                case UrlOutcome.Unchanged u -> unchanged.incrementAndGet();
                case UrlOutcome.Skipped s -> skipped.incrementAndGet();
                case UrlOutcome.Excluded x -> skipped.incrementAndGet();
                case UrlOutcome.Failed f -> failed.incrementAndGet();
            }
            if (seedUrls.contains(o.url())) {
                switch (o) {
                    case UrlOutcome.Fetched f -> kinds.putIfAbsent(o.url(), f.kind());
                    case UrlOutcome.Unchanged u -> kinds.putIfAbsent(o.url(), u.kind());
                    // A seed that is a list of links is a good seed: its links are what the crawl is for.
                    case UrlOutcome.Skipped k when k.kind() != null -> kinds.putIfAbsent(o.url(), k.kind());
                    default -> {
                    }
                }
            }
            log.append(o);
            listener.outcome(o, progress());
        }

        @Override
        public void stored(Document document) {
            stored.incrementAndGet();
            try {
                listener.stored(document);
            } catch (RuntimeException e) {
                LOG.error("indexing {} failed", document.id(), e);
                outcome(new UrlOutcome.Failed(document.url() == null ? document.id() : document.url(), "stored as "
                        + document.id() + " but not indexed (" + e.getMessage() + "); run: ./painsearch reindex"));
            }
        }

        private CrawlProgress progress() {
            return new CrawlProgress(fetched.get(), unchanged.get(), skipped.get(), failed.get(), queue.queued(),
                    (System.nanoTime() - started) / 1_000_000);
        }

        private void startWorker(String origin) {
            if (origin != null) {
                workers.submit(() -> work(origin));
            }
        }

        private void work(String origin) {
            try {
                hostSlots.acquire();
            } catch (InterruptedException e) {
                queue.release(origin);
                return;
            }
            try {
                for (Task t = queue.next(origin); t != null; t = queue.next(origin)) {
                    try {
                        String reached = processor.process(t);
                        if (reached != null) {
                            journal.done(reached);
                        }
                    } catch (RuntimeException e) {
                        LOG.error("crawling {} failed", t.url(), e);
                        outcome(new UrlOutcome.Failed(t.url(), "painsearch hit an internal error (" + e + "); the log has details"));
                    }
                    journal.done(t.url());
                }
            } catch (InterruptedException e) {
                queue.release(origin); // the task in hand stays queued in the journal for the next run
            } finally {
                hostSlots.release();
            }
        }
    }
}
