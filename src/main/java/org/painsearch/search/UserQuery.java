package org.painsearch.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A query as typed, split into free text (for the query parser) and painsearch's own filters:
 * {@code type:podcast}, {@code tag:crps}, {@code author:"Moseley"}, {@code source:Pain},
 * {@code year:2019}, {@code year:2019..2023}, {@code year:..2010}, {@code cited:yes} (sources some note links to),
 * {@code linked:ID} (what links to or from ID), {@code is:bookmarked}, {@code is:note}, {@code is:private};
 * a leading {@code -} excludes.
 */
public record UserQuery(String text, List<Filter> filters) {
    private static final Pattern FILTER = Pattern.compile(
            "(?<![\\S])(-?)(type|tag|author|source|year|cited|linked|is):(\"[^\"]*\"|\\S+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern YEAR_RANGE = Pattern.compile("(\\d{4})?(?:\\.\\.(\\d{4})?)?");

    public UserQuery {
        filters = List.copyOf(filters);
    }

    /** One filter; for {@code year} the value is a range {@code from..to} with either end open. */
    public record Filter(String field, String value, boolean exclude) {
    }

    /** Splits {@code raw} into text and filters. */
    public static UserQuery parse(String raw) {
        var filters = new ArrayList<Filter>();
        var m = FILTER.matcher(raw == null ? "" : raw);
        var text = new StringBuilder();
        while (m.find()) {
            String value = m.group(3);
            if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                value = value.substring(1, value.length() - 1);
            } else {
                value = value.replace("\"", ""); // an unclosed quote (source:" or tag:"crps) is a typo, not syntax
            }
            if (!value.isBlank()) {
                filters.add(new Filter(m.group(2).toLowerCase(Locale.ROOT), value.strip(), !m.group(1).isEmpty()));
            }
            m.appendReplacement(text, " ");
        }
        m.appendTail(text);
        return new UserQuery(text.toString().replaceAll("\\s+", " ").strip(), filters);
    }

    /** Years {from, to} of a {@code year:} value, with 0 and 9999 for open ends; null when malformed. */
    public static int[] yearRange(String value) {
        var m = YEAR_RANGE.matcher(value.strip());
        if (!m.matches() || (m.group(1) == null && m.group(2) == null)) {
            return null;
        }
        boolean range = value.contains("..");
        int from = m.group(1) == null ? 0 : Integer.parseInt(m.group(1));
        int to = m.group(2) == null ? (range ? 9999 : from) : Integer.parseInt(m.group(2));
        return from <= to ? new int[] {from, to} : new int[] {to, from};
    }
}
