package org.painsearch.search;

import java.io.IOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.StoredFieldVisitor;
import org.apache.lucene.search.DocIdSetIterator;
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
    private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("\\s+");

    private Snippets() {
    }

    /** Up to {@code perDoc} escaped, marked passages of {@code field} for each of {@code docIds}. */
    static List<List<String>> highlight(IndexSearcher searcher, Analyzer analyzer, String field, Query query,
                                        int[] docIds, int perDoc) throws IOException {
        return highlight(searcher, analyzer, field, query, docIds, perDoc, Set.of()).snippets();
    }

    /**
     * Snippets of a page of hits, and each hit's stored fields {@code alsoStored}, read in the same visit of its
     * stored document as the highlighted text (a stored document is decompressed whole, whatever fields are read).
     */
    record Highlighted(List<List<String>> snippets, List<Document> stored) {
    }

    /** As {@link #highlight(IndexSearcher, Analyzer, String, Query, int[], int)}, reading {@code alsoStored} too. */
    static Highlighted highlight(IndexSearcher searcher, Analyzer analyzer, String field, Query query, int[] docIds,
                                 int perDoc, Set<String> alsoStored) throws IOException {
        var captured = new HashMap<Integer, Document>();
        var highlighter = new ListHighlighter(UnifiedHighlighter.builder(searcher, analyzer)
                .withFormatter(new ListFormatter())
                .withMaxLength(200_000)
                // Sentences, never across a line: a heading stays out of the passage that follows it.
                .withBreakIterator(() -> new SplittingBreakIterator(BreakIterator.getSentenceInstance(Locale.ROOT), '\n'))
                .withMaxNoHighlightPassages(0), withField(alsoStored, field), captured);
        int[] maxPassages = {perDoc};
        Map<String, Object[]> result = highlighter.highlightFieldsAsObjects(new String[] {field}, query, docIds, maxPassages);
        var out = new ArrayList<List<String>>();
        var stored = new ArrayList<Document>();
        Object[] formatted = result.get(field);
        for (int i = 0; i < formatted.length; i++) {
            Document doc = captured.get(docIds[i]);
            if (doc == null) { // not visited by the highlighter: read on its own
                doc = searcher.storedFields().document(docIds[i], withField(alsoStored, field));
            }
            stored.add(doc);
            @SuppressWarnings("unchecked")
            List<String> passages = formatted[i] == null ? List.of() : (List<String>) formatted[i];
            if (passages.isEmpty()) {
                String text = doc.get(field);
                passages = text == null ? List.of() : lead(text);
            }
            out.add(passages);
        }
        return new Highlighted(out, stored);
    }

    private static Set<String> withField(Set<String> fields, String field) {
        var all = new HashSet<>(fields);
        all.add(field);
        return all;
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

    // Exposes the per-document objects the formatter builds (lists of passages) instead of joined strings, and keeps
    // the other stored fields asked for from the same visit of each document.
    private static final class ListHighlighter extends UnifiedHighlighter {
        private final Set<String> alsoStored;
        private final Map<Integer, Document> captured;

        ListHighlighter(Builder builder, Set<String> alsoStored, Map<Integer, Document> captured) {
            super(builder);
            this.alsoStored = alsoStored;
            this.captured = captured;
        }

        // The highlighter merges every segment's field list to look up the highlighted field, once per highlighter,
        // so once per search; merged once per index reader instead.
        @Override
        protected org.apache.lucene.index.FieldInfo getFieldInfo(String field) {
            return ReaderCache.of(searcher).fieldInfos(searcher).fieldInfo(field);
        }

        @Override
        public Map<String, Object[]> highlightFieldsAsObjects(String[] fields, Query query, int[] docIds,
                                                              int[] maxPassages) throws IOException {
            return super.highlightFieldsAsObjects(fields, query, docIds, maxPassages);
        }

        // As UnifiedHighlighter's own: documents in batches up to the threshold of characters (0: one at a time).
        @Override
        protected List<CharSequence[]> loadFieldValues(String[] fields, DocIdSetIterator docIter,
                                                       int cacheCharsThreshold) throws IOException {
            var out = new ArrayList<CharSequence[]>();
            var storedFields = searcher.storedFields();
            int chars = 0;
            for (int doc = docIter.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docIter.nextDoc()) {
                var visitor = new CapturingVisitor(fields, MULTIVAL_SEP_CHAR, getMaxLength(), alsoStored);
                storedFields.document(doc, visitor);
                captured.put(doc, visitor.captured);
                CharSequence[] values = visitor.values();
                out.add(values);
                for (CharSequence v : values) {
                    chars += v == null ? 0 : v.length();
                }
                if (chars > cacheCharsThreshold || cacheCharsThreshold == 0) {
                    break;
                }
            }
            return out;
        }

        // The highlighter's own visitor for the highlighted fields, which also keeps the fields in alsoStored.
        private static final class CapturingVisitor extends LimitedStoredFieldVisitor {
            private final Set<String> alsoStored;
            private final Document captured = new Document();
            private boolean highlighting;
            private boolean capturing;

            CapturingVisitor(String[] fields, char separator, int maxLength, Set<String> alsoStored) {
                super(fields, separator, maxLength);
                this.alsoStored = alsoStored;
                values = new CharSequence[fields.length];
                currentField = -1;
            }

            CharSequence[] values() {
                return values;
            }

            @Override
            public StoredFieldVisitor.Status needsField(FieldInfo fieldInfo) throws IOException {
                highlighting = super.needsField(fieldInfo) == StoredFieldVisitor.Status.YES;
                capturing = alsoStored.contains(fieldInfo.name);
                return highlighting || capturing ? StoredFieldVisitor.Status.YES : StoredFieldVisitor.Status.NO;
            }

            @Override
            public void stringField(FieldInfo fieldInfo, String value) throws IOException {
                if (highlighting) {
                    super.stringField(fieldInfo, value);
                }
                if (capturing) {
                    captured.add(new StoredField(fieldInfo.name, value));
                }
            }
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
                String text = SPACES.matcher(sb).replaceAll(" ").strip();
                if (!text.isEmpty()) {
                    list.add(text);
                }
            }
            return list;
        }
    }
}
