package org.painsearch.opensearch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.index.IndexableField;
import org.painsearch.index.FacetFields;
import org.painsearch.index.Fields;

/**
 * A document's block as the embedded index builds it ({@code index.Indexer#block}: passages, podcast segments, then
 * the document itself, all sharing {@link Fields#ROOT}) rendered as OpenSearch documents, so both engines index
 * the very same fields from one mapping of a corpus document. The document keeps its id; each podcast segment is
 * {@code ROOT#segment-N}, N its place in the block, so writing a document again overwrites its children in place;
 * passage vectors are nested in their document ({@link IndexDefinition#PASSAGES}).
 */
final class BlockSources {
    private BlockSources() {
    }

    /** One OpenSearch document: its {@code _id} and its {@code _source}. */
    record Source(String id, String root, Map<String, Object> fields) {
    }

    /** The sources of {@code block}, in its order; a field given several times becomes a list of values. */
    static List<Source> of(List<Document> block) {
        var out = new ArrayList<Source>(block.size());
        // Passage vectors become nested objects of their document (OpenSearch's block join): a document is as close
        // to a query as its closest passage, and a filter on the document narrows the nearest-passage search.
        var passages = new ArrayList<Map<String, Object>>();
        for (int i = 0; i < block.size(); i++) {
            Document doc = block.get(i);
            var fields = new LinkedHashMap<String, Object>();
            for (IndexableField field : doc.getFields()) {
                // The embedded index's facet field repeats type, tag, source and year for Lucene's facet module; the
                // cluster counts those keyword fields themselves (terms aggregations).
                if (!field.name().equals(FacetFields.FIELD)) {
                    add(fields, field.name(), value(field));
                }
            }
            String root = single(fields, Fields.ROOT);
            String kind = single(fields, Fields.KIND);
            if (Fields.KIND_PASSAGE.equals(kind)) {
                passages.add(Map.of(Fields.VECTOR, fields.get(Fields.VECTOR)));
                continue;
            }
            String id = Fields.KIND_DOC.equals(kind) ? single(fields, Fields.ID) : root + "#" + kind + "-" + i;
            // Where it stands in its block: the embedded index breaks ties between a document's parts by that order.
            fields.put(IndexDefinition.BLOCK_POSITION, i);
            if (Fields.KIND_DOC.equals(kind) && !passages.isEmpty()) {
                fields.put(IndexDefinition.PASSAGES, List.copyOf(passages));
            }
            out.add(new Source(id, root, fields));
        }
        return out;
    }

    private static Object value(IndexableField field) {
        if (field instanceof KnnFloatVectorField vector) {
            return vector.vectorValue();
        }
        if (field.numericValue() != null) {
            return field.numericValue();
        }
        if (field.stringValue() != null) {
            return field.stringValue();
        }
        if (field.binaryValue() != null) {
            return field.binaryValue().utf8ToString(); // keywords keep their value as UTF-8 bytes
        }
        throw new IllegalArgumentException("field " + field.name() + " has no value OpenSearch can store");
    }

    @SuppressWarnings("unchecked")
    private static void add(Map<String, Object> fields, String name, Object value) {
        Object before = fields.get(name);
        if (before == null) {
            fields.put(name, value);
        } else if (before instanceof List<?> list) {
            ((List<Object>) list).add(value);
        } else {
            var values = new ArrayList<>();
            values.add(before);
            values.add(value);
            fields.put(name, values);
        }
    }

    private static String single(Map<String, Object> fields, String name) {
        if (fields.get(name) instanceof String s) {
            return s;
        }
        throw new IllegalArgumentException("a block document needs exactly one " + name + " (has " + fields.get(name) + ")");
    }
}
