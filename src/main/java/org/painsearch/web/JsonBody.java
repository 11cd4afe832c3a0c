package org.painsearch.web;

import io.javalin.http.Context;
import java.util.Collection;
import java.util.stream.Collectors;
import org.painsearch.corpus.SafeText;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a request's JSON body into its record, checked before anything uses it: it must be an object, hold no
 * null inside a list and no text that cannot be saved (NUL, half a surrogate pair), and match the record's types.
 * Every refusal is an {@link IllegalArgumentException} naming the field and showing the expected shape, never a
 * Java type.
 */
final class JsonBody {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private JsonBody() {
    }

    /** The body as {@code type}; {@code example} is the shape to show when it is not that. */
    static <T> T read(Context ctx, Class<T> type, String example) {
        JsonNode node;
        try {
            node = JSON.readTree(ctx.body());
        } catch (JacksonException e) {
            throw new IllegalArgumentException("the body must be JSON like " + example);
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("the body must be a JSON object like " + example);
        }
        check(node, "");
        try {
            return JSON.treeToValue(node, type);
        } catch (JacksonException e) {
            String field = e.getPath().stream().map(r -> r.getPropertyName() != null ? r.getPropertyName()
                    : "[" + r.getIndex() + "]").collect(Collectors.joining(".")).replace(".[", "[");
            throw new IllegalArgumentException((field.isEmpty() ? "the body" : "the field '" + field + "'")
                    + " has the wrong kind of value; send an object like " + example);
        }
    }

    /** Refuses nulls inside lists and unsavable text anywhere, naming where. */
    private static void check(JsonNode node, String where) {
        if (node.isString()) {
            SafeText.require(where.isEmpty() ? "the body" : "the field '" + where + "'", node.asString());
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                if (node.get(i).isNull()) {
                    throw new IllegalArgumentException("the field '" + where + "' holds null at position " + (i + 1)
                            + "; give a value there or leave it out");
                }
                check(node.get(i), where + "[" + i + "]");
            }
        } else if (node.isObject()) {
            for (var e : node.properties()) {
                SafeText.require("a field name", e.getKey());
                check(e.getValue(), where.isEmpty() ? e.getKey() : where + "." + e.getKey());
            }
        }
    }

    /** A list given in a body, refused when missing or empty, with {@code example} in the message. */
    static <T> Collection<T> required(Collection<T> values, String message) {
        if (values == null || values.isEmpty()) {
            throw new IllegalArgumentException(message);
        }
        return values;
    }
}
