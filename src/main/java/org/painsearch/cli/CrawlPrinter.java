package org.painsearch.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.painsearch.crawl.CrawlListener;
import org.painsearch.crawl.CrawlProgress;
import org.painsearch.crawl.CrawlSummary;
import org.painsearch.crawl.UrlOutcome;

/**
 * Shows a crawl in the terminal: a line per address on standard output, and on an interactive terminal a live
 * status line (fetched, queued, skipped, failed, rate) on standard error; a summary at the end.
 */
final class CrawlPrinter {
    private final PrintWriter out;
    private final boolean live = interactive();

    CrawlPrinter(PrintWriter out) {
        this.out = out;
    }

    synchronized void outcome(UrlOutcome o, CrawlProgress p) {
        if (live) {
            System.err.print("\r\u001b[K");
        }
        out.printf("%-9s %s  %s%n", o.status(), o.url(), o.reason());
        out.flush();
        if (live) {
            System.err.print(status(p));
            System.err.flush();
        }
    }

    void summary(CrawlSummary s, String logFile) {
        if (live) {
            System.err.print("\r\u001b[K");
            System.err.flush();
        }
        CrawlProgress p = s.progress();
        if (s.resumed()) {
            out.println("Resumed the unfinished crawl left by an earlier run.");
        }
        out.printf(Locale.ROOT, "Crawl %s in %.1f s: %d fetched, %d unchanged, %d skipped, %d failed (%.1f per second); "
                        + "%d document(s) new or changed.%n", s.remaining() > 0 ? "stopped" : "finished",
                p.elapsedMillis() / 1000.0, p.fetched(), p.unchanged(), p.skipped(), p.failed(), p.rate(), s.stored());
        if (s.remaining() > 0) {
            out.printf("%d address(es) are still queued (the --max-pages budget was spent, or the crawl was stopped); "
                    + "run painsearch crawl again to continue.%n", s.remaining());
        }
        out.println("Every outcome is in " + logFile);
        out.flush();
    }

    /** The listener that prints outcomes and then hands documents to {@code indexing}. */
    CrawlListener listener(CrawlIndexing indexing) {
        return new CrawlListener() {
            @Override
            public void outcome(UrlOutcome o, CrawlProgress p) {
                CrawlPrinter.this.outcome(o, p);
            }

            @Override
            public void stored(org.painsearch.corpus.Document d) {
                indexing.index(d);
            }
        };
    }

    private static String status(CrawlProgress p) {
        return String.format(Locale.ROOT, "crawling: %d fetched · %d unchanged · %d queued · %d skipped · %d failed · %.1f/s",
                p.fetched(), p.unchanged(), p.queued(), p.skipped(), p.failed(), p.rate());
    }

    // JDK 22+ returns a Console for redirected streams too; only a real terminal gets the live line.
    private static boolean interactive() {
        var console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }
}
