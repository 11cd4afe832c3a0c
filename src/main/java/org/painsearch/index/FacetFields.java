package org.painsearch.index;

import java.io.IOException;
import org.apache.lucene.document.Document;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;

/**
 * The facets a search counts (type, tag, source, year), indexed with Lucene's facet module into one sorted-set
 * doc-values field, so one pass over a search's hits counts them all. Filters do not use this field: each facet
 * keeps its own keyword field for {@code tag:}, {@code type:} and the like.
 */
public final class FacetFields {
    /** The dimensions counted, in the order the page shows them. */
    public static final java.util.List<String> DIMENSIONS = java.util.List.of(Fields.TYPE, Fields.TAG, Fields.SOURCE,
            Fields.YEAR);
    /** The doc-values field holding every dimension's values. */
    public static final String FIELD = "facets";
    /** How the dimensions are indexed: flat, tags multi-valued, no drill-down terms (the keyword fields filter). */
    public static final FacetsConfig CONFIG = config();

    private FacetFields() {
    }

    /**
     * Adds {@code value} under {@code dimension} to {@code doc}; a blank value is no value. A value holding the facet
     * module's path separator (a control character a hand-edited file might hold) is left out of the counts rather
     * than fail the whole document; its keyword field still filters by it.
     */
    static void add(Document doc, String dimension, String value) {
        if (value != null && !value.isBlank() && value.indexOf(FacetsConfig.DELIM_CHAR) < 0) {
            doc.add(new SortedSetDocValuesFacetField(dimension, value));
        }
    }

    /** {@code doc} with its facet values turned into the fields that index them. */
    static Document build(Document doc) {
        try {
            return CONFIG.build(doc);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e); // only a taxonomy writer does I/O here, and there is none
        }
    }

    private static FacetsConfig config() {
        var config = new FacetsConfig();
        for (String dim : DIMENSIONS) {
            config.setIndexFieldName(dim, FIELD);
            config.setDrillDownTermsIndexing(dim, FacetsConfig.DrillDownTermsIndexing.NONE);
        }
        config.setMultiValued(Fields.TAG, true);
        return config;
    }
}
