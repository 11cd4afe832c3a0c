package org.painsearch.bench;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;

/**
 * What every part of a run shares: the configuration, the scratch folder and corpus, how to start child JVMs,
 * the queries, and the progress output.
 */
record Bench(BenchConfig config, Path work, Path corpus, Child.Jvm jvm, QuerySet queries, PrintWriter out,
             long startedNanos) {
    /** Prints a progress line with the time elapsed since the run started. */
    void say(String format, Object... args) {
        long s = (System.nanoTime() - startedNanos) / 1_000_000_000;
        out.printf(Locale.ROOT, "[%02d:%02d] %s%n", s / 60, s % 60, String.format(Locale.ROOT, format, args));
        out.flush();
    }
}
