package org.painsearch.bench;

/** The machine's one-minute load average during a run: at its start, the highest seen, and at its end. */
public record LoadAverage(double start, double max, double end) {
}
