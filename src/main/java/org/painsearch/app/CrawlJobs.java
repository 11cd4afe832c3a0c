package org.painsearch.app;

import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.painsearch.corpus.Document;
import org.painsearch.crawl.AddressGuard;
import org.painsearch.crawl.CrawlConfig;
import org.painsearch.crawl.CrawlListener;
import org.painsearch.crawl.CrawlProgress;
import org.painsearch.crawl.Crawler;
import org.painsearch.crawl.Seed;
import org.painsearch.crawl.SourcesFile;
import org.painsearch.crawl.UrlOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sources added from the page: each address is crawled in the background (one crawl at a time, as the corpus
 * allows), its documents indexed as they arrive, its per-address outcomes kept for the page to show, and the
 * address saved to sources.yaml as a seed or a feed once it is known which it is.
 */
public final class CrawlJobs implements Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(CrawlJobs.class);
    // Outcomes kept per job for the page; a huge site still shows its counts, just not every line.
    private static final int MAX_OUTCOMES = 2000;
    private static final int DEPTH = 1;

    private final Library library;
    private final CrawlConfig config;
    private final AddressGuard guard;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
        var t = new Thread(r, "painsearch-crawl-jobs");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final AtomicLong nextId = new AtomicLong(1);

    public CrawlJobs(Library library, CrawlConfig config) {
        this.library = library;
        this.config = config;
        this.guard = new AddressGuard(config.allowPrivate(), config.allowedHosts());
    }

    /** One address's outcome as the page shows it. */
    public record OutcomeView(String url, String status, String reason, List<String> documents) {
    }

    /**
     * A job as the page sees it.
     *
     * @param state queued, running, done or failed
     * @param error why a failed job failed, or null
     */
    public record JobView(String id, String url, String state, String error, CrawlProgress progress, int stored,
                          String savedAs, List<OutcomeView> outcomes) {
    }

    /**
     * Queues a crawl of {@code url} (its page and the pages it links to on the same site, or every episode of a feed).
     *
     * @throws IllegalArgumentException saying why the address is not crawled (not http(s), a private address, ...)
     */
    public JobView start(String url) {
        Seed seed = new Seed(url == null ? "" : url.strip(), Seed.Scope.HOST, DEPTH);
        try {
            String refusal = guard.refusal(URI.create(seed.url()));
            if (refusal != null) {
                throw new IllegalArgumentException(refusal.replace("needs --allow-private",
                        "needs a server started with --allow-private"));
            }
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("cannot find the host " + URI.create(seed.url()).getHost() + " (DNS lookup failed)");
        }
        var job = new Job(String.valueOf(nextId.getAndIncrement()), seed);
        jobs.put(job.id, job);
        runner.submit(job::run);
        return job.view();
    }

    public Optional<JobView> find(String id) {
        return Optional.ofNullable(jobs.get(id)).map(Job::view);
    }

    /** The job once it has finished, or as it is after {@code wait}. */
    public Optional<JobView> await(String id, Duration wait) throws InterruptedException {
        Job job = jobs.get(id);
        if (job == null) {
            return Optional.empty();
        }
        try {
            job.finished.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | java.util.concurrent.ExecutionException e) {
            // not finished yet: the view says how far it got
        }
        return Optional.of(job.view());
    }

    @Override
    public void close() {
        jobs.values().forEach(j -> j.crawler.stop());
        runner.shutdown();
        try {
            runner.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One background crawl. */
    private final class Job implements CrawlListener {
        private final String id;
        private final Seed seed;
        private final Crawler crawler;
        private final List<OutcomeView> outcomes = new ArrayList<>();
        private final CompletableFuture<Void> finished = new CompletableFuture<>();
        private volatile String state = "queued";
        private volatile String error;
        private volatile String savedAs;
        private volatile CrawlProgress progress = new CrawlProgress(0, 0, 0, 0, 0, 0);
        private volatile int stored;

        Job(String id, Seed seed) {
            this.id = id;
            this.seed = seed;
            this.crawler = new Crawler(library.corpus(), config, this);
        }

        void run() {
            state = "running";
            try {
                var summary = crawler.run(List.of(seed));
                stored = summary.stored();
                String kind = summary.kinds().get(seed.url());
                if (kind != null) {
                    boolean feed = kind.equals("feed");
                    SourcesFile.add(library.corpus().root().resolve(SourcesFile.NAME),
                            feed ? List.of() : List.of(seed), feed ? List.of(seed.url()) : List.of());
                    savedAs = feed ? "feed" : "seed";
                }
                state = "done";
            } catch (IOException | RuntimeException e) {
                LOG.warn("crawl of {} failed", seed.url(), e);
                error = e.getMessage();
                state = "failed";
            } catch (InterruptedException e) {
                error = "the server stopped during the crawl; it resumes with the next one";
                state = "failed";
                Thread.currentThread().interrupt();
            } finally {
                try {
                    library.engine().flush(); // the end of a batch: committed and searchable
                } catch (IOException | RuntimeException e) {
                    LOG.warn("could not commit the index after crawling {}: {}", seed.url(), e.getMessage());
                }
                finished.complete(null);
            }
        }

        @Override
        public void outcome(UrlOutcome o, CrawlProgress p) {
            progress = p;
            synchronized (outcomes) {
                if (outcomes.size() < MAX_OUTCOMES) {
                    outcomes.add(new OutcomeView(o.url(), o.status(), o.reason(), o.documents()));
                }
            }
        }

        @Override
        public void stored(Document d) {
            try {
                library.syncFile(d.path());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        JobView view() {
            synchronized (outcomes) {
                return new JobView(id, seed.url(), state, error, progress, stored, savedAs, List.copyOf(outcomes));
            }
        }
    }
}
