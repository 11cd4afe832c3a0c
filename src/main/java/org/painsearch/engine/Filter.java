package org.painsearch.engine;

import java.util.Locale;
import java.util.regex.Pattern;
import org.painsearch.corpus.DocType;

/**
 * One filter on a search, typed in the query ({@code type:podcast}, {@code -tag:crps}) or chosen outside it (a
 * facet). Each backend translates these to its own queries; {@code exclude} turns a filter into an exclusion.
 */
public sealed interface Filter {
    /** True when documents matching the filter are left out rather than kept. */
    boolean exclude();

    /** Documents of one type. */
    record TypeIs(DocType type, boolean exclude) implements Filter {
        public TypeIs {
            if (type == null) {
                throw new IllegalArgumentException("type must be article, podcast or note");
            }
        }
    }

    /** Documents with a tag (compared lowercased, spaces as dashes). */
    record TagIs(String tag, boolean exclude) implements Filter {
        public TagIs {
            tag = requireText(tag, "tag").toLowerCase(Locale.ROOT).replace(' ', '-');
        }
    }

    /** Documents from a source (exact name). */
    record SourceIs(String source, boolean exclude) implements Filter {
        public SourceIs {
            source = requireText(source, "source");
        }
    }

    /** Documents by an author (the name as a phrase). */
    record AuthorIs(String author, boolean exclude) implements Filter {
        public AuthorIs {
            author = requireText(author, "author");
        }
    }

    /** Documents published from year {@code from} to {@code to}, both included. */
    record YearIn(int from, int to, boolean exclude) implements Filter {
        public YearIn {
            if (from > to) {
                throw new IllegalArgumentException("a year range runs from the earlier year (got: " + from + ".." + to + ")");
            }
        }
    }

    /** Documents some note links to ({@code cited} true), or that no note links to. */
    record Cited(boolean cited, boolean exclude) implements Filter {
    }

    /** Documents linking to or linked from the document {@code id}. */
    record LinksTo(String id, boolean exclude) implements Filter {
        public LinksTo {
            id = requireText(id, "linked");
        }
    }

    /** Documents bookmarked right now. */
    record Bookmarked(boolean exclude) implements Filter {
    }

    /** Private notes. */
    record IsPrivate(boolean exclude) implements Filter {
    }

    /** A type filter from its name; throws {@link IllegalArgumentException} naming the types for anything else. */
    static Filter type(String name) {
        DocType t = DocType.parse(name);
        if (t == null) {
            throw new IllegalArgumentException("type must be article, podcast or note (got: " + name + ")");
        }
        return new TypeIs(t, false);
    }

    /**
     * Reads a typed filter, {@code field:value}, for the fields painsearch knows (type, tag, author, source, year,
     * cited, linked, is).
     *
     * @throws IllegalArgumentException saying what the value should look like
     */
    static Filter parse(String field, String value, boolean exclude) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        return switch (field.toLowerCase(Locale.ROOT)) {
            case "type" -> {
                DocType t = DocType.parse(v);
                if (t == null) {
                    throw new IllegalArgumentException("type must be article, podcast or note (got: " + value + ")");
                }
                yield new TypeIs(t, exclude);
            }
            case "tag" -> new TagIs(value, exclude);
            case "source" -> new SourceIs(value, exclude);
            case "author" -> new AuthorIs(value, exclude);
            case "year" -> year(value, exclude);
            case "cited" -> switch (v) {
                case "yes", "true" -> new Cited(true, exclude);
                case "no", "false" -> new Cited(false, exclude);
                default -> throw new IllegalArgumentException("cited must be yes or no (got: " + value + ")");
            };
            case "linked" -> new LinksTo(value, exclude);
            case "is" -> switch (v) {
                case "bookmarked" -> new Bookmarked(exclude);
                case "private" -> new IsPrivate(exclude);
                default -> {
                    DocType t = DocType.parse(v);
                    if (t == null) {
                        throw new IllegalArgumentException(
                                "is: takes bookmarked, private, note, article or podcast (got: " + value + ")");
                    }
                    yield new TypeIs(t, exclude);
                }
            };
            default -> throw new IllegalArgumentException("unknown filter: " + field);
        };
    }

    /**
     * A year filter from {@code 2019}, {@code 2019..2023}, {@code ..2010} or {@code 2015..}.
     *
     * @throws IllegalArgumentException when the value is none of those
     */
    static YearIn year(String value, boolean exclude) {
        // 2019, 2019..2023, ..2010 or 2015..: read rarely (a typed filter, a facet), so compiled where it is used.
        var m = Pattern.compile("(\\d{4})?(?:\\.\\.(\\d{4})?)?").matcher(value.strip());
        if (!m.matches() || (m.group(1) == null && m.group(2) == null)) {
            throw new IllegalArgumentException("year must look like 2019, 2019..2023, ..2010 or 2015.. (got: "
                    + value + ")");
        }
        boolean range = value.contains("..");
        int from = m.group(1) == null ? 0 : Integer.parseInt(m.group(1));
        int to = m.group(2) == null ? (range ? 9999 : from) : Integer.parseInt(m.group(2));
        return new YearIn(Math.min(from, to), Math.max(from, to), exclude);
    }

    private static String requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + ": needs a value");
        }
        return value.strip();
    }
}
