package org.painsearch.web;

import java.util.Map;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * Facet counts on the wire as ordered lists of {@code {"value", "count"}}: a JSON object would lose the server's
 * order in the browser, which puts number-like keys (years) first and ascending.
 */
final class FacetJson {
    private FacetJson() {
    }

    /** Mixed into the search answer: each dimension's counts written as a list, in the order they were counted. */
    abstract static class SearchResponseFacets {
        @JsonSerialize(contentUsing = CountsAsList.class)
        abstract Map<String, Map<String, Long>> facets();
    }

    /** One dimension's counts as a list, keeping the map's order. */
    static final class CountsAsList extends ValueSerializer<Map<String, Long>> {
        @Override
        public void serialize(Map<String, Long> counts, JsonGenerator gen, SerializationContext ctxt) {
            gen.writeStartArray();
            for (var e : counts.entrySet()) {
                gen.writeStartObject();
                gen.writeStringProperty("value", e.getKey());
                gen.writeNumberProperty("count", e.getValue());
                gen.writeEndObject();
            }
            gen.writeEndArray();
        }
    }
}
