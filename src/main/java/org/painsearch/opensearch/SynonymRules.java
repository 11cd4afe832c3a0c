package org.painsearch.opensearch;

import java.io.IOException;
import java.text.ParseException;
import java.util.List;
import org.painsearch.index.Synonyms;

/**
 * The query-time synonym rules as the index settings carry them: the lines of {@code synonyms.txt} that are rules
 * (comments and blank lines dropped), accepted only when Lucene's Solr-format parser, the one the embedded engine
 * uses, accepts them, so both backends read the same file the same way.
 */
public record SynonymRules(List<String> lines) {
    /** No synonyms: the query analyzer is then the index chain. */
    public static final SynonymRules NONE = new SynonymRules(List.of());

    public SynonymRules {
        lines = List.copyOf(lines);
        for (String line : lines) {
            if (line.isBlank() || line.contains("\n") || line.contains("\r") || line.startsWith("#")) {
                throw new IllegalArgumentException("a synonym rule is one non-blank line that is not a comment: '"
                        + line + "'");
            }
        }
    }

    /** The rules in {@code text} (Solr format), or an {@link IllegalArgumentException} saying which line is wrong. */
    public static SynonymRules parse(String text) {
        try {
            Synonyms.parse(text);
        } catch (ParseException e) {
            String cause = e.getCause() != null && e.getCause().getMessage() != null ? ": " + e.getCause().getMessage() : "";
            throw new IllegalArgumentException("synonym rules: " + e.getMessage() + cause, e);
        } catch (IOException e) {
            throw new IllegalArgumentException("synonym rules could not be read: " + e.getMessage(), e);
        }
        // The parser's own test for a comment or an empty line, so exactly the lines it read as rules are kept.
        return new SynonymRules(text.lines().filter(l -> !l.isEmpty() && l.charAt(0) != '#').toList());
    }
}
