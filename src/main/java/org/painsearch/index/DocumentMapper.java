package org.painsearch.index;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.IntField;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.text.TextContentRenderer;
import org.painsearch.corpus.Document;
import org.painsearch.corpus.Link;
import org.painsearch.corpus.Segment;

/** Turns a corpus document into its Lucene block: the document itself, then one child per podcast segment. */
public final class DocumentMapper {
    // Offsets in the postings let the UnifiedHighlighter find passages without re-analyzing the text.
    private static final FieldType TEXT_WITH_OFFSETS = textWithOffsets();
    // The spelling vocabulary needs only which words occur where: no positions, norms or stored text.
    private static final FieldType WORDS_ONLY = wordsOnly();
    private static final Parser MARKDOWN = Parser.builder().build();
    private static final TextContentRenderer PLAIN = TextContentRenderer.builder().build();
    // The text renderer keeps "- " and "1. " before list items; in snippets they are noise.
    private static final java.util.regex.Pattern LIST_MARKER = java.util.regex.Pattern.compile("(?m)^[ \\t]*(?:[-*•]|\\d{1,3}[.)])[ \\t]+");

    private DocumentMapper() {
    }

    /** The Lucene documents for {@code d}, parent last as block joins expect; all share {@link Fields#ROOT}. */
    public static List<org.apache.lucene.document.Document> toBlock(Document d) {
        return toBlock(d, List.of());
    }

    /** As {@link #toBlock(Document)}, with one passage child per vector in {@code passageVectors}. */
    public static List<org.apache.lucene.document.Document> toBlock(Document d, List<float[]> passageVectors) {
        return toBlock(d, passageVectors, null);
    }

    /** As {@link #toBlock(Document, List)}, recording the content version of its file (null when it has none). */
    public static List<org.apache.lucene.document.Document> toBlock(Document d, List<float[]> passageVectors,
                                                                    String version) {
        var block = new ArrayList<org.apache.lucene.document.Document>();
        for (float[] v : passageVectors) {
            var passage = new org.apache.lucene.document.Document();
            passage.add(new KeywordField(Fields.ROOT, d.id(), Field.Store.NO));
            passage.add(new KeywordField(Fields.KIND, Fields.KIND_PASSAGE, Field.Store.NO));
            passage.add(new KnnFloatVectorField(Fields.VECTOR, v, VectorSimilarityFunction.COSINE));
            block.add(passage);
        }
        for (Segment s : d.segments()) {
            var seg = new org.apache.lucene.document.Document();
            seg.add(new KeywordField(Fields.ROOT, d.id(), Field.Store.NO));
            seg.add(new KeywordField(Fields.KIND, Fields.KIND_SEGMENT, Field.Store.NO));
            seg.add(new IntField(Fields.START, (int) Math.min(Integer.MAX_VALUE, s.startSeconds()), Field.Store.YES));
            seg.add(new Field(Fields.BODY, s.text(), TEXT_WITH_OFFSETS));
            if (!s.marks().isEmpty()) {
                seg.add(new StoredField(Fields.CUE_MARKS, encodeMarks(s.marks())));
            }
            block.add(seg);
        }
        var parent = FacetFields.build(parent(d));
        if (version != null && !version.isEmpty()) {
            parent.add(new KeywordField(Fields.VERSION, version, Field.Store.NO));
        }
        block.add(parent);
        return block;
    }

    /** Cue marks as stored on a segment: {@code offset:seconds} pairs joined by commas. */
    public static String encodeMarks(List<Segment.Mark> marks) {
        return String.join(",", marks.stream().map(m -> m.offset() + ":" + m.seconds()).toList());
    }

    /** The cue marks stored by {@link #encodeMarks}; none when the value is missing or unreadable. */
    public static List<Segment.Mark> decodeMarks(String stored) {
        var out = new ArrayList<Segment.Mark>();
        if (stored == null || stored.isBlank()) {
            return out;
        }
        try {
            for (String pair : stored.split(",")) {
                int colon = pair.indexOf(':');
                out.add(new Segment.Mark(Integer.parseInt(pair.substring(0, colon)), Long.parseLong(pair.substring(colon + 1))));
            }
        } catch (RuntimeException e) {
            return List.of(); // an index from an older painsearch: the segment's start stands for all its words
        }
        return out;
    }

    /** Plain text of a Markdown body: markup removed, {@code [[links]]} shown as their labels. */
    public static String plainText(String markdown) {
        String withLabels = Link.replaceAll(markdown, l -> l.label() != null ? l.label() : l.target());
        return LIST_MARKER.matcher(PLAIN.render(MARKDOWN.parse(withLabels))).replaceAll("").strip();
    }

    private static org.apache.lucene.document.Document parent(Document d) {
        var doc = new org.apache.lucene.document.Document();
        doc.add(new KeywordField(Fields.ID, d.id(), Field.Store.YES));
        doc.add(new KeywordField(Fields.ROOT, d.id(), Field.Store.NO));
        doc.add(new KeywordField(Fields.KIND, Fields.KIND_DOC, Field.Store.NO));
        doc.add(new StringField(Fields.TYPE, d.type().label(), Field.Store.YES));
        FacetFields.add(doc, Fields.TYPE, d.type().label());
        doc.add(new Field(Fields.TITLE, d.title(), TEXT_WITH_OFFSETS));
        String plain = plainText(d.body());
        doc.add(new Field(Fields.BODY, plain, TEXT_WITH_OFFSETS));
        // Transcript passages are not in the body; the document must match words spoken in the episode too.
        String spoken = String.join("\n", d.segments().stream().map(Segment::text).filter(t -> !plain.contains(t)).toList());
        if (!spoken.isEmpty()) {
            doc.add(new Field(Fields.BODY, spoken, TEXT_WITH_OFFSETS));
        }
        doc.add(new Field(Fields.SPELL, d.title() + "\n" + plain + (spoken.isEmpty() ? "" : "\n" + spoken), WORDS_ONLY));
        doc.add(new StoredField(Fields.BODY_MARKDOWN, d.body()));
        for (String tag : d.tags()) {
            doc.add(new StringField(Fields.TAG, tag, Field.Store.YES));
            FacetFields.add(doc, Fields.TAG, tag);
        }
        doc.add(new TextField(Fields.TAGS_TEXT, String.join(" ", d.tags()).replace('-', ' '), Field.Store.NO));
        for (String author : d.authors()) {
            doc.add(new KeywordField(Fields.AUTHOR, author, Field.Store.YES));
        }
        doc.add(new TextField(Fields.AUTHORS_TEXT, String.join(" ; ", d.authors()), Field.Store.NO));
        if (d.source() != null) {
            doc.add(new StringField(Fields.SOURCE, d.source(), Field.Store.YES));
            FacetFields.add(doc, Fields.SOURCE, d.source());
        }
        if (d.published() != null) {
            int year = d.published().getYear();
            doc.add(new StringField(Fields.YEAR, Integer.toString(year), Field.Store.NO));
            FacetFields.add(doc, Fields.YEAR, Integer.toString(year));
            doc.add(new IntField(Fields.YEAR_NUMBER, year, Field.Store.NO));
            doc.add(new LongField(Fields.PUBLISHED, d.published().toEpochDay(), Field.Store.NO));
            doc.add(new StoredField(Fields.PUBLISHED_TEXT, d.published().toString()));
        } else {
            // Undated documents sort after dated ones when sorting by date.
            doc.add(new LongField(Fields.PUBLISHED, Long.MIN_VALUE, Field.Store.NO));
        }
        if (d.url() != null) {
            doc.add(new StoredField(Fields.URL, d.url()));
            doc.add(new KeywordField(Fields.URL_KEY, Link.urlKey(d.url()), Field.Store.NO));
        }
        addKeyword(doc, Fields.DOI, d.doi() == null ? null : d.doi().toLowerCase(Locale.ROOT));
        addKeyword(doc, Fields.PMID, d.pmid());
        // Link keys, not resolved ids: a link to a DOI or an address finds its document by the same keys whenever
        // that document arrives, without reindexing the note.
        for (String key : Link.locateAll(d.body()).stream().map(l -> l.link().key()).distinct().toList()) {
            doc.add(new KeywordField(Fields.LINKS, key, Field.Store.YES));
        }
        if (d.note() != null && d.note().isPrivate()) {
            doc.add(new KeywordField(Fields.PRIVATE, "true", Field.Store.YES));
        }
        if (d.podcast() != null) {
            addStored(doc, Fields.SHOW, d.podcast().show());
            addStored(doc, Fields.EPISODE, d.podcast().episode());
            addStored(doc, Fields.AUDIO, d.podcast().audio());
            addStored(doc, Fields.DURATION, d.podcast().duration());
        }
        addStored(doc, Fields.PATH, d.path() == null ? null : d.path().toString());
        return doc;
    }

    private static void addKeyword(org.apache.lucene.document.Document doc, String field, String value) {
        if (value != null && !value.isBlank()) {
            doc.add(new KeywordField(field, value, Field.Store.YES));
        }
    }

    private static void addStored(org.apache.lucene.document.Document doc, String field, String value) {
        if (value != null && !value.isBlank()) {
            doc.add(new StoredField(field, value));
        }
    }

    private static FieldType wordsOnly() {
        var type = new FieldType();
        type.setTokenized(true);
        type.setOmitNorms(true);
        type.setIndexOptions(IndexOptions.DOCS);
        type.freeze();
        return type;
    }

    private static FieldType textWithOffsets() {
        var type = new FieldType(TextField.TYPE_STORED);
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        type.freeze();
        return type;
    }
}
