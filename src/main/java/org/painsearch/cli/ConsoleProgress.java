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
                .setConsumer(new ConsoleProgressBarConsumer(System.err))
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

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
