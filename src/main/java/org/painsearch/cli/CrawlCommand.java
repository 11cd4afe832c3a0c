package org.painsearch.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.painsearch.corpus.CorpusStore;
import org.painsearch.crawl.CrawlConfig;
import org.painsearch.crawl.CrawlSummary;
import org.painsearch.crawl.Crawler;
import org.painsearch.crawl.Seed;
import org.painsearch.crawl.SourcesFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code painsearch crawl [URL...]}: brings the pages and podcast feeds of corpus/sources.yaml (and URLs given) in. */
@Command(name = "crawl", mixinStandardHelpOptions = true,
        description = {"Crawl the seeds, feeds and sitemaps in corpus/sources.yaml plus any URLs given, politely: "
                + "robots.txt, at least 1 s between requests to a host, one connection per host.",
                "New and changed documents are indexed as they arrive. A crawl that is stopped (Ctrl+C, --max-pages) "
                        + "resumes where it stopped on the next run; a recrawl asks servers only for what changed."},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:the crawl ran (addresses that failed are listed and logged)", "1:the crawl could not run"})
final class CrawlCommand implements Callable<Integer> {
    private static final int DEFAULT_DEPTH = 1;

    @Mixin
    private StoreOptions store;

    @Parameters(arity = "0..*", paramLabel = "URL",
            description = "Pages or podcast feeds to crawl besides corpus/sources.yaml (a feed is recognised by its content).")
    private List<String> urls = List.of();

    @Option(names = "--max-pages", paramLabel = "N", defaultValue = "1000",
            description = "Visit at most N addresses this run; the rest stay queued for the next (default: ${DEFAULT-VALUE}).")
    private int maxPages;

    @Option(names = "--max-depth", paramLabel = "D",
            description = "Follow links D steps from each seed (default: the seed's max-depth in sources.yaml, else "
                    + DEFAULT_DEPTH + ").")
    private Integer maxDepth;

    @Option(names = "--delay", paramLabel = "SECONDS", defaultValue = "1",
            description = "Seconds between requests to one host (default: ${DEFAULT-VALUE}); below 1 only for this "
                    + "machine's own addresses (127.0.0.1, localhost). robots.txt may ask for more (up to 30 s).")
    private double delay;

    @Option(names = "--allow-private", description = "Allow loopback, private and link-local addresses (refused by default).")
    private boolean allowPrivate;

    @Option(names = "--save", description = "Add the URLs given to corpus/sources.yaml (as a feed or a seed).")
    private boolean save;

    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        var out = spec.commandLine().getOut();
        if (!(delay >= 0) || delay > 3600) {
            throw new IllegalArgumentException("--delay must be between 0 and 3600 seconds (got: " + delay + ")");
        }
        if (maxDepth != null && maxDepth < 0) {
            throw new IllegalArgumentException("--max-depth must be 0 or more (got: " + maxDepth + ")");
        }
        var corpus = new CorpusStore(store.corpusDir());
        Path sourcesFile = corpus.root().resolve(SourcesFile.NAME);
        var given = new ArrayList<Seed>();
        for (String url : urls) {
            given.add(new Seed(url, Seed.Scope.HOST, maxDepth != null ? maxDepth : DEFAULT_DEPTH));
        }
        var seeds = new ArrayList<Seed>();
        for (Seed s : SourcesFile.read(sourcesFile).crawlSeeds()) {
            seeds.add(maxDepth != null && s.maxDepth() > 0 ? new Seed(s.url(), s.scope(), maxDepth) : s);
        }
        seeds.addAll(given);
        if (seeds.isEmpty() && !Crawler.hasUnfinishedRun(corpus)) {
            out.println("Nothing to crawl: give addresses (painsearch crawl https://example.org/) or list seeds and feeds in "
                    + sourcesFile + " (see painsearch crawl --help and the README).");
            return 1;
        }
        if (delay < 1) {
            out.println("Note: a delay under 1 s applies to this machine's own addresses only; other hosts still get 1 s.");
        }
        var config = CrawlConfig.defaults().withMaxPages(maxPages).withAllowPrivate(allowPrivate)
                .withDelay(Duration.ofMillis(Math.round(delay * 1000)));
        CrawlSummary summary;
        try (var indexing = CrawlIndexing.open(store, out)) {
            var printer = new CrawlPrinter(out);
            var crawler = new Crawler(corpus, config, printer.listener(indexing));
            summary = runStoppable(crawler, seeds);
            printer.summary(summary, Crawler.crawlDir(corpus).resolve("log.jsonl").toString());
        }
        if (save) {
            save(sourcesFile, given, summary, out);
        }
        return 0;
    }

    // Ctrl+C stops the crawl gracefully: requests in flight finish and the journal keeps the rest for the next run.
    private static CrawlSummary runStoppable(Crawler crawler, List<Seed> seeds) throws IOException, InterruptedException {
        var done = new CountDownLatch(1);
        var hook = new Thread(() -> {
            crawler.stop();
            try {
                done.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "painsearch-crawl-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return crawler.run(seeds);
        } finally {
            done.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // already shutting down: the hook is what is waiting for us
            }
        }
    }

    private static void save(Path sourcesFile, List<Seed> given, CrawlSummary summary, java.io.PrintWriter out)
            throws IOException {
        var seeds = new ArrayList<Seed>();
        var feeds = new ArrayList<String>();
        for (Seed s : given) {
            String kind = summary.kinds().get(s.url());
            if (kind == null) {
                out.println("Not saved (it could not be fetched): " + s.url());
            } else if (kind.equals("feed")) {
                feeds.add(s.url());
            } else {
                seeds.add(s);
            }
        }
        int added = SourcesFile.add(sourcesFile, seeds, feeds);
        out.printf("Saved %d new source(s) to %s.%n", added, sourcesFile);
    }
}
