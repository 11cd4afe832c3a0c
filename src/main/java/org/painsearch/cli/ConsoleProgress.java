package org.painsearch.cli;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.painsearch.app.Library;

/** A terminal progress bar on standard error for long operations: one bar per stage, counting documents. */
final class ConsoleProgress implements Library.Progress, AutoCloseable {
    // Stage names are padded to one width, so the bars of successive stages line up.
    private static final int NAME_WIDTH = 26;
    // How often a bar over background work reads its progress.
    private static final long BAR_REFRESH_MILLIS = 200;

    // Whether standard error is a terminal, as the launcher found (absent: taken as one). Redrawing a bar in place
    // only works there; into a log file or a pipe each redraw would pile up on one endless line.
    private static final boolean TERMINAL = !"false".equals(System.getProperty("painsearch.terminal"));
    // Off a terminal, a progress line at most this often, and the last one at the end.
    private static final long LOG_LINE_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(10);

    private final String task;
    private final String unit;
    private ProgressBar bar;

    /** Bars named {@code task} until a stage names itself, counting documents. */
    ConsoleProgress(String task) {
        this(task, " documents");
    }

    /** Bars counting {@code unit} ("" for plain steps). */
    ConsoleProgress(String task, String unit) {
        this.task = task;
        this.unit = unit;
    }

    @Override
    public void start(int total) {
        stage(task, total);
    }

    @Override
    public void stage(String name, int total) {
        close();
        bar = new ProgressBarBuilder()
                .setTaskName(String.format("%-" + NAME_WIDTH + "s", name))
                .setInitialMax(total)
                .setUnit(unit, 1)
                .setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(200)
                .setConsumer(TERMINAL ? new ConsoleProgressBarConsumer(System.err) : new LogLines())
                .continuousUpdate()
                .build();
    }

    @Override
    public void step(int done) {
        if (bar != null) {
            bar.stepTo(done);
        }
    }

    /**
     * Waits, with a bar, until every document this command wrote has its meaning vectors, which are computed in the
     * background: a command that ends would otherwise leave them to the next start of the server.
     */
    static void finishVectors(Library library) {
        var done = library.engine().vectorsDone();
        if (done.isDone()) {
            return;
        }
        try (var bar = new ConsoleProgress("Computing meaning vectors")) {
            var p = library.engine().vectorBacklog();
            bar.stage("Computing meaning vectors", p.total());
            while (!done.isDone()) {
                try {
                    done.get(BAR_REFRESH_MILLIS, java.util.concurrent.TimeUnit.MILLISECONDS);
                } catch (java.util.concurrent.TimeoutException e) {
                    p = library.engine().vectorBacklog();
                    bar.bar.maxHint(p.total());
                    bar.step(p.done());
                } catch (java.util.concurrent.ExecutionException e) {
                    return; // the documents keep their flag; the next start of the server finishes them
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            bar.step(library.engine().vectorBacklog().total());
        }
    }

    /** Progress as whole lines for a log file or a pipe: the first, one every ten seconds, and the last. */
    static final class LogLines implements me.tongfei.progressbar.ProgressBarConsumer {
        private final java.io.PrintStream out;
        private long printedAt;
        private String unprinted;

        LogLines() {
            this(System.err);
        }

        LogLines(java.io.PrintStream out) {
            this.out = out;
        }

        @Override
        public int getMaxRenderedLength() {
            return 100;
        }

        @Override
        public synchronized void accept(String rendered) {
            long now = System.nanoTime();
            if (printedAt == 0 || now - printedAt >= LOG_LINE_NANOS) {
                out.println(rendered.strip());
                out.flush();
                printedAt = now;
                unprinted = null;
            } else {
                unprinted = rendered;
            }
        }

        @Override
        public synchronized void close() {
            if (unprinted != null) {
                out.println(unprinted.strip());
                out.flush();
                unprinted = null;
            }
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
