package org.painsearch.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * One search: the query text as typed (which may hold {@code type:} {@code tag:} {@code author:} {@code year:}
 * filters, read by the engine) plus filters chosen outside it (facets), the order and the page.
 *
 * @param filters chosen outside the query text: types and sources are alternatives, every other filter narrows
 * @param mode    how to rank; null means the library's default
 * @param explain add to each hit why it matched and how much each part weighed
 */
public record SearchRequest(String query, List<Filter> filters, SortOrder sort, int page, int size, RankingMode mode,
                            boolean explain) {
    /** The largest page size served. */
    public static final int MAX_SIZE = 100;
    /** How deep paging goes: the last page served ends at this result (every page before it is ranked too). */
    public static final int MAX_RESULTS = 1000;

    public SearchRequest {
        query = query == null ? "" : query.strip();
        filters = filters == null ? List.of() : List.copyOf(filters);
        sort = sort == null ? SortOrder.RELEVANCE : sort;
        if (page < 1) {
            throw new IllegalArgumentException("page must be 1 or more (got: " + page + ")");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("size must be between 1 and " + MAX_SIZE + " (got: " + size + ")");
        }
        if ((long) page * size > MAX_RESULTS) {
            throw new IllegalArgumentException("page " + page + " of " + size + " results goes past the first "
                    + MAX_RESULTS + " results, the deepest painsearch pages; narrow the search with more words or "
                    + "filters (with size " + size + ", the last page is " + MAX_RESULTS / size + ")");
        }
    }

    /**
     * A request with the facet choices as the page and the command line give them: type names, tags, source names
     * and a year or year range ({@code 2019}, {@code 2015..2023}); null or empty for none.
     *
     * @throws IllegalArgumentException for a type or year that cannot be a filter, saying what it should be
     */
    public SearchRequest(String query, List<String> types, List<String> tags, List<String> sources, String year,
                         SortOrder sort, int page, int size, RankingMode mode, boolean explain) {
        this(query, facets(types, tags, sources, year), sort, page, size, mode, explain);
    }

    /** As above, ranked the library's default way, without explanations. */
    public SearchRequest(String query, List<String> types, List<String> tags, List<String> sources, String year,
                         SortOrder sort, int page, int size) {
        this(query, types, tags, sources, year, sort, page, size, null, false);
    }

    /** The same request ranked by {@code newMode}. */
    public SearchRequest withMode(RankingMode newMode) {
        return new SearchRequest(query, filters, sort, page, size, newMode, explain);
    }

    /** A first page of ten results for {@code query}. */
    public static SearchRequest of(String query) {
        return new SearchRequest(query, List.of(), SortOrder.RELEVANCE, 1, 10, null, false);
    }

    private static List<Filter> facets(List<String> types, List<String> tags, List<String> sources, String year) {
        var out = new ArrayList<Filter>();
        (types == null ? List.<String>of() : types).forEach(t -> out.add(Filter.type(t)));
        (tags == null ? List.<String>of() : tags).stream().filter(t -> !t.isBlank())
                .forEach(t -> out.add(new Filter.TagIs(t, false)));
        (sources == null ? List.<String>of() : sources).stream().filter(s -> !s.isBlank())
                .forEach(s -> out.add(new Filter.SourceIs(s, false)));
        if (year != null && !year.isBlank()) {
            out.add(Filter.year(year, false));
        }
        return out;
    }
}
