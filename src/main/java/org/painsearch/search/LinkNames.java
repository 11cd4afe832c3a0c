package org.painsearch.search;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.search.IndexSearcher;
import org.painsearch.corpus.Link;

/**
 * How a link reads where a person reads it (citing sentences, snippets): its label when it has one, else the title
 * of the document it points at, in quotes, else what was written (a link to nothing yet). Never a raw id.
 */
final class LinkNames {
    private static final String MARK_TAG = "(?:</?mark>)*";

    // The title of the document a link key points at, or null.
    private final java.util.function.Function<String, String> lookup;
    // Resolved once per link key for this searcher; null values are links that point at nothing.
    private final Map<String, String> titles = new HashMap<>();

    LinkNames(IndexSearcher searcher) {
        // Link keys resolved once per index reader, not per search.
        var cache = ReaderCache.of(searcher);
        this.lookup = key -> {
            NoteLinks.Target t = cache.targetUnchecked(searcher, key);
            return t == null ? null : t.title();
        };
    }

    /** Names for links resolved by {@code titleOfKey}: a link key to its document's title, or null. */
    LinkNames(java.util.function.Function<String, String> titleOfKey) {
        this.lookup = titleOfKey;
    }

    /** The words standing for {@code link} in text a person reads. */
    String name(Link link) {
        if (link.label() != null) {
            return link.label();
        }
        String title = title(link);
        return title == null ? link.target() : "“" + title + "”";
    }

    /**
     * A snippet of a document's indexed text (escaped HTML, matches in {@code <mark>}) with each unlabelled link's
     * target, which the index holds as written, replaced by the name of what it points at. {@code markdown} is
     * the document's body as written, which says where its links are.
     */
    String inSnippet(String snippet, String markdown) {
        if (markdown == null || !markdown.contains("[[")) {
            return snippet;
        }
        String out = snippet;
        for (Link link : Link.parseAll(markdown)) {
            String name = name(link);
            if (link.label() != null || name.equals(link.target())) {
                continue;
            }
            out = replaceTarget(out, Snippets.escape(link.target()), Snippets.escape(name));
        }
        return out;
    }

    // The target may have marks inside it (a query word matched part of an id): they are dropped, and the name is
    // marked as a whole instead; a mark opening or closing across the target's edge is kept at that edge.
    private static String replaceTarget(String snippet, String target, String name) {
        if (!withoutMarks(snippet).contains(target)) {
            return snippet; // the usual case: the target is not in this snippet, whatever marks it may hold
        }
        var pattern = new StringBuilder("(?<![\\w-])");
        for (int i = 0; i < target.length(); i++) {
            pattern.append(MARK_TAG).append(Pattern.quote(String.valueOf(target.charAt(i))));
        }
        pattern.append(MARK_TAG).append("(?![\\w-])");
        Matcher m = Pattern.compile(pattern.toString()).matcher(snippet);
        var out = new StringBuilder();
        while (m.find()) {
            String region = m.group();
            int firstOpen = region.indexOf("<mark>");
            int firstClose = region.indexOf("</mark>");
            boolean closesFirst = firstClose >= 0 && (firstOpen < 0 || firstClose < firstOpen);
            boolean opensLast = region.lastIndexOf("<mark>") > region.lastIndexOf("</mark>");
            boolean marked = firstOpen >= 0 && region.indexOf("</mark>", firstOpen) >= 0;
            String replacement = (closesFirst ? "</mark>" : "") + (marked ? "<mark>" + name + "</mark>" : name)
                    + (opensLast ? "<mark>" : "");
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String withoutMarks(String snippet) {
        if (snippet.indexOf('<') < 0) {
            return snippet;
        }
        return snippet.replace(Snippets.MARK_OPEN, "").replace(Snippets.MARK_CLOSE, "");
    }

    private String title(Link link) {
        return titles.computeIfAbsent(link.key(), lookup);
    }
}
