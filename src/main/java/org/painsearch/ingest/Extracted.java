package org.painsearch.ingest;

import java.time.LocalDate;
import java.util.List;

/** The main content and metadata found in a web page, before it becomes a corpus document. */
public record Extracted(String title, String url, List<String> authors, LocalDate published, String source,
                        List<String> tags, String doi, String pmid, String markdown) {
    public Extracted {
        authors = authors == null ? List.of() : List.copyOf(authors);
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
