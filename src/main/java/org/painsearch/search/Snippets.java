package org.painsearch.search;

import java.io.IOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;
import org.apache.lucene.search.uhighlight.SplittingBreakIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

/** Best-passage snippets with the matched words in {@code <mark>}, everything else HTML-escaped. */
final class Snippets {
    static final String MARK_OPEN = "<mark>";
    static final String MARK_CLOSE = "</mark>";
    private static final int LEAD_CHARS = 240;

    private Snippets() {
    }

    /** Up to {@code perDoc} escaped, marked passages of {@code field} for each of {@code docIds}. */
    static List<List<String>> highlight(IndexSearcher searcher, Analyzer analyzer, String field, Query query,
                                        int[] docIds, int perDoc) throws IOException {
        var highlighter = new ListHighlighter(UnifiedHighlighter.builder(searcher, analyzer)
                .withFormatter(new ListFormatter())
                .withMaxLength(200_000)
                // Sentences, never across a line: a heading stays out of the passage that follows it.
                .withBreakIterator(() -> new SplittingBreakIterator(BreakIterator.getSentenceInstance(Locale.ROOT), '\n'))
                .withMaxNoHighlightPassages(0));
        int[] maxPassages = {perDoc};
        Map<String, Object[]> result = highlighter.highlightFieldsAsObjects(new String[] {field}, query, docIds, maxPassages);
        var out = new ArrayList<List<String>>();
        Object[] formatted = result.get(field);
        for (int i = 0; i < formatted.length; i++) {
            @SuppressWarnings("unchecked")
            List<String> passages = formatted[i] == null ? List.of() : (List<String>) formatted[i];
            if (passages.isEmpty()) {
                String text = searcher.storedFields().document(docIds[i], java.util.Set.of(field)).get(field);
                passages = text == null ? List.of() : lead(text);
            }
            out.add(passages);
        }
        return out;
    }

    /** The opening of a text for a hit with no matched words in it: its first real paragraph, escaped. */
    static List<String> lead(String text) {
        String para = text.lines().map(String::strip).filter(l -> l.length() >= 40).findFirst()
                .orElse(text.strip());
        if (para.isEmpty()) {
            return List.of();
        }
        if (para.length() > LEAD_CHARS) {
            int cut = para.lastIndexOf(' ', LEAD_CHARS);
            para = para.substring(0, cut > 0 ? cut : LEAD_CHARS) + " …";
        }
        return List.of(escape(para));
    }

    /** Escapes text for HTML element content and attribute values. */
    static String escape(CharSequence s) {
        var out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    // Exposes the per-document objects the formatter builds (lists of passages) instead of joined strings.
    private static final class ListHighlighter extends UnifiedHighlighter {
        ListHighlighter(Builder builder) {
            super(builder);
        }

        @Override
        public Map<String, Object[]> highlightFieldsAsObjects(String[] fields, Query query, int[] docIds,
                                                              int[] maxPassages) throws IOException {
            return super.highlightFieldsAsObjects(fields, query, docIds, maxPassages);
        }
    }

    // Returns each passage separately, so the page can show them as a list.
    private static final class ListFormatter extends PassageFormatter {
        @Override
        public Object format(Passage[] passages, String content) {
            var list = new ArrayList<String>();
            for (Passage p : passages) {
                var sb = new StringBuilder();
                int pos = p.getStartOffset();
                for (int i = 0; i < p.getNumMatches(); i++) {
                    int start = p.getMatchStarts()[i];
                    int end = p.getMatchEnds()[i];
                    if (start < pos) {
                        continue; // overlapping match already marked
                    }
                    sb.append(escape(content.substring(pos, start)));
                    sb.append(MARK_OPEN).append(escape(content.substring(start, end))).append(MARK_CLOSE);
                    pos = end;
                }
                sb.append(escape(content.substring(pos, Math.max(pos, p.getEndOffset()))));
                String text = sb.toString().replaceAll("\\s+", " ").strip();
                if (!text.isEmpty()) {
                    list.add(text);
                }
            }
            return list;
        }
    }
}
