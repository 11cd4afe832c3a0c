package org.painsearch.bench;

import java.util.List;

/**
 * One measured figure, painsearch's beside its baseline's: the value reported is the median of the rounds (each
 * round ran painsearch then its baseline, alternately), and the ratio is painsearch's value over the baseline's.
 *
 * @param section   the group the figure belongs to (reindex, search, http, vectors)
 * @param unit      what the numbers are in, e.g. "docs/s" or "ms"
 * @param baseline  what the bare figure measured, or null when the figure has none
 * @param note      anything the reader must know to read the figure right, or null
 */
public record Figure(String section, String name, String unit, List<Double> painsearch, List<Double> bare,
                     String baseline, String note) {
    public Figure {
        if (section == null || section.isBlank() || name == null || name.isBlank() || unit == null || unit.isBlank()) {
            throw new IllegalArgumentException("a figure needs a section, a name and a unit");
        }
        painsearch = List.copyOf(painsearch);
        bare = bare == null ? List.of() : List.copyOf(bare);
        if (painsearch.isEmpty()) {
            throw new IllegalArgumentException("figure '" + name + "' has no painsearch value");
        }
        if (bare.isEmpty() != (baseline == null)) {
            throw new IllegalArgumentException("figure '" + name + "' needs both bare values and a baseline, or neither");
        }
    }

    /** A figure without a baseline. */
    public static Figure alone(String section, String name, String unit, List<Double> painsearch, String note) {
        return new Figure(section, name, unit, painsearch, List.of(), null, note);
    }

    /** painsearch's value: the median of its rounds. */
    public double value() {
        return median(painsearch);
    }

    /** The baseline's value (the median of its rounds), or null. */
    public Double bareValue() {
        return bare.isEmpty() ? null : median(bare);
    }

    /** painsearch's value over the baseline's, or null without a baseline or with a zero one. */
    public Double ratio() {
        Double b = bareValue();
        return b == null || b == 0 ? null : value() / b;
    }

    static double median(List<Double> values) {
        var sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
