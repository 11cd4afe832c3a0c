package org.painsearch.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A query as typed, split into free text (for the query parser) and painsearch's own filters:
 * {@code type:podcast}, {@code tag:crps}, {@code author:"Moseley"}, {@code source:Pain},
 * {@code year:2019}, {@code year:2019..2023}, {@code year:..2010}, {@code cited:yes} (sources some note links to),
 * {@code linked:ID} (what links to or from ID), {@code is:bookmarked}, {@code is:note}, {@code is:private};
 * a leading {@code -} excludes. Filters are read into {@link Filter}s here, once, for every backend.
 */
public record UserQuery(String text, List<Filter> filters, List<String> problems) {
    private static final Pattern FILTER = Pattern.compile(
            "(?<![\\S])(-?)(type|tag|author|source|year|cited|linked|is):(\"[^\"]*\"|\\S+)", Pattern.CASE_INSENSITIVE);

    public UserQuery {
        filters = List.copyOf(filters);
        problems = List.copyOf(problems);
    }

    /** A query whose filters all read. */
    public UserQuery(String text, List<Filter> filters) {
        this(text, filters, List.of());
    }

    /** Splits {@code raw} into text and filters; a filter that cannot be read is left out and said in a problem. */
    public static UserQuery parse(String raw) {
        var filters = new ArrayList<Filter>();
        var problems = new ArrayList<String>();
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
                String field = m.group(2).toLowerCase(Locale.ROOT);
                try {
                    filters.add(Filter.parse(field, value.strip(), !m.group(1).isEmpty()));
                } catch (IllegalArgumentException e) {
                    problems.add("Ignored the filter '" + field + ":" + value.strip() + "': " + e.getMessage() + ".");
                }
            }
            m.appendReplacement(text, " ");
        }
        m.appendTail(text);
        return new UserQuery(text.toString().replaceAll("\\s+", " ").strip(), filters, problems);
    }
}
