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

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
