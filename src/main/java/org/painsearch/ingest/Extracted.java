package org.painsearch.ingest;

import java.time.LocalDate;
import java.util.List;

/**
 * The main content and metadata found in a web page, before it becomes a corpus document.
 *
 * @param kind whether the page is an article at all (a list of links or a sign-in page is not)
 */
public record Extracted(String title, String url, List<String> authors, LocalDate published, String source,
                        List<String> tags, String doi, String pmid, String markdown, PageKind kind) {
    public Extracted {
        markdown = markdown == null ? "" : markdown;
        kind = kind == null ? new PageKind.Article() : kind;
        authors = authors == null ? List.of() : List.copyOf(authors);
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
