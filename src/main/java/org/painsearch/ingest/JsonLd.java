package org.painsearch.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Element;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads schema.org metadata from a page's JSON-LD blocks: the first article-like or episode-like object. */
final class JsonLd {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> TYPES = Set.of("article", "scholarlyarticle", "newsarticle", "blogposting",
            "medicalscholarlyarticle", "report", "webpage", "podcastepisode", "creativework");

    private JsonLd() {
    }

    /** The best schema.org object on the page, or null; broken JSON blocks are ignored. */
    static JsonNode find(org.jsoup.nodes.Document page) {
        JsonNode best = null;
        int bestRank = Integer.MAX_VALUE;
        var all = new ArrayList<JsonNode>();
        for (Element script : page.select("script[type=application/ld+json]")) {
            try {
                all.addAll(flatten(JSON.readTree(script.data())));
            } catch (JacksonException e) {
                // a broken block is skipped; the others still count
            }
        }
        var byId = new java.util.HashMap<String, JsonNode>();
        for (JsonNode node : all) {
            if (node.has("@id") && node.size() > 1) {
                byId.putIfAbsent(node.get("@id").asString(), node);
            }
        }
        for (JsonNode node : all) {
            String type = typeOf(node);
            if (TYPES.contains(type)) {
                int rank = type.equals("webpage") || type.equals("creativework") ? 1 : 0;
                if (rank < bestRank) {
                    best = node;
                    bestRank = rank;
                }
            }
        }
        return best == null ? null : resolveReferences(best, byId);
    }

    // Graphs written by site generators give authors and publishers as {"@id": ...} pointing elsewhere in the graph.
    private static JsonNode resolveReferences(JsonNode node, java.util.Map<String, JsonNode> byId) {
        if (!(node instanceof tools.jackson.databind.node.ObjectNode object)) {
            return node;
        }
        var copy = object.deepCopy();
        for (String field : java.util.List.copyOf(copy.propertyNames())) {
            JsonNode v = copy.get(field);
            if (v.isArray()) {
                var arr = JSON.createArrayNode();
                v.forEach(item -> arr.add(dereference(item, byId)));
                copy.set(field, arr);
            } else {
                copy.set(field, dereference(v, byId));
            }
        }
        return copy;
    }

    private static JsonNode dereference(JsonNode v, java.util.Map<String, JsonNode> byId) {
        if (v.isObject() && v.size() == 1 && v.has("@id")) {
            return byId.getOrDefault(v.get("@id").asString(), v);
        }
        return v;
    }

    static String text(JsonNode node, String field) {
        if (node == null) {
            return null;
        }
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isArray()) {
            v = v.isEmpty() ? null : v.get(0);
        }
        if (v != null && v.isObject()) {
            v = v.get("name");
        }
        return v == null || !v.isValueNode() ? null : v.asString().strip();
    }

    static List<String> names(JsonNode node, String field) {
        var out = new ArrayList<String>();
        if (node == null || node.get(field) == null) {
            return out;
        }
        JsonNode v = node.get(field);
        for (JsonNode item : v.isArray() ? v : List.of(v)) {
            String name = item.isObject() ? (item.has("name") ? item.get("name").asString() : null)
                    : item.isValueNode() ? item.asString() : null;
            if (name != null && !name.isBlank()) {
                out.add(name.strip());
            }
        }
        return out;
    }

    private static List<JsonNode> flatten(JsonNode root) {
        var out = new ArrayList<JsonNode>();
        if (root == null) {
            return out;
        }
        if (root.isArray()) {
            root.forEach(n -> out.addAll(flatten(n)));
        } else if (root.isObject()) {
            out.add(root);
            if (root.has("@graph")) {
                out.addAll(flatten(root.get("@graph")));
            }
        }
        return out;
    }

    private static String typeOf(JsonNode node) {
        JsonNode t = node.get("@type");
        if (t == null) {
            return "";
        }
        if (t.isArray()) {
            for (JsonNode each : t) {
                String s = each.asString().toLowerCase(java.util.Locale.ROOT);
                if (TYPES.contains(s)) {
                    return s;
                }
            }
            return "";
        }
        return t.asString().toLowerCase(java.util.Locale.ROOT);
    }
}
