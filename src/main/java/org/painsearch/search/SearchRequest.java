package org.painsearch.search;

import java.util.List;

/**
 * One search: the query text as typed (which may hold {@code type:} {@code tag:} {@code author:} {@code year:}
 * filters) plus filters chosen outside it (types, tags, sources, a year or year range), the order and the page.
 *
 * @param mode    how to rank; null means the library's default
 * @param explain add to each hit why it matched and how much each part weighed
 */
public record SearchRequest(String query, List<String> types, List<String> tags, List<String> sources, String year,
                            SortOrder sort, int page, int size, RankingMode mode, boolean explain) {
    /** The largest page size served. */
    public static final int MAX_SIZE = 100;
    /** How deep paging goes: the last page served ends at this result (every page before it is ranked too). */
    public static final int MAX_RESULTS = 1000;

    public SearchRequest {
        query = query == null ? "" : query.strip();
        types = types == null ? List.of() : List.copyOf(types);
        for (String t : types) {
            if (org.painsearch.corpus.DocType.parse(t) == null) {
                throw new IllegalArgumentException("type must be article, podcast or note (got: " + t + ")");
            }
        }
        tags = tags == null ? List.of() : List.copyOf(tags);
        sources = sources == null ? List.of() : List.copyOf(sources);
        year = year == null || year.isBlank() ? null : year.strip();
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

    /** A request ranked the library's default way, without explanations. */
    public SearchRequest(String query, List<String> types, List<String> tags, List<String> sources, String year,
                         SortOrder sort, int page, int size) {
        this(query, types, tags, sources, year, sort, page, size, null, false);
    }

    /** The same request ranked by {@code newMode}. */
    public SearchRequest withMode(RankingMode newMode) {
        return new SearchRequest(query, types, tags, sources, year, sort, page, size, newMode, explain);
    }

    /** A first page of ten results for {@code query}. */
    public static SearchRequest of(String query) {
        return new SearchRequest(query, List.of(), List.of(), List.of(), null, SortOrder.RELEVANCE, 1, 10);
    }
}
