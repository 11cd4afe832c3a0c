package org.painsearch.corpus;

import java.util.LinkedHashMap;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/** Splits a Markdown text into its YAML front matter and body, and writes them back. */
public final class FrontMatter {
    private static final String FENCE = "---";

    private FrontMatter() {
    }

    /** The two parts of a document file. */
    public record Parts(Map<String, Object> fields, String body) {
    }

    /**
     * Parses {@code text}; a text without a leading {@code ---} line has empty fields.
     *
     * @throws IllegalArgumentException with a readable reason when the YAML is malformed
     */
    public static Parts parse(String text) {
        String t = text.startsWith("\uFEFF") ? text.substring(1) : text;
        if (!t.startsWith(FENCE + "\n") && !t.startsWith(FENCE + "\r\n")) {
            return new Parts(new LinkedHashMap<>(), t);
        }
        int start = t.indexOf('\n') + 1;
        int end = findClosingFence(t, start);
        if (end < 0) {
            throw new IllegalArgumentException("front matter starts with '---' but has no closing '---' line");
        }
        String yaml = t.substring(start, end);
        int bodyStart = t.indexOf('\n', end);
        String body = bodyStart < 0 ? "" : t.substring(bodyStart + 1);
        Object loaded;
        try {
            loaded = new Load(LoadSettings.builder().setLabel("front matter").build()).loadFromString(yaml);
        } catch (YamlEngineException e) {
            throw new IllegalArgumentException("front matter is not valid YAML: " + firstLine(e.getMessage()));
        }
        if (loaded == null) {
            return new Parts(new LinkedHashMap<>(), body);
        }
        if (!(loaded instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("front matter must be a YAML mapping of keys to values");
        }
        var fields = new LinkedHashMap<String, Object>();
        map.forEach((k, v) -> fields.put(String.valueOf(k), v));
        return new Parts(fields, body);
    }

    /** Renders fields and body as a Markdown file with front matter; null values are left out. */
    public static String render(Map<String, Object> fields, String body) {
        var clean = new LinkedHashMap<String, Object>();
        fields.forEach((k, v) -> {
            if (v != null && !(v instanceof String s && s.isBlank())) {
                clean.put(k, v);
            }
        });
        var settings = DumpSettings.builder().setDefaultFlowStyle(FlowStyle.BLOCK).setWidth(1000).build();
        String yaml = new Dump(settings).dumpToString(clean);
        String b = body == null ? "" : body.strip() + "\n";
        return FENCE + "\n" + yaml + FENCE + "\n" + b;
    }

    private static int findClosingFence(String t, int from) {
        int pos = from;
        while (pos < t.length()) {
            int eol = t.indexOf('\n', pos);
            String line = (eol < 0 ? t.substring(pos) : t.substring(pos, eol)).stripTrailing();
            if (line.equals(FENCE) || line.equals("...")) {
                return pos;
            }
            if (eol < 0) {
                return -1;
            }
            pos = eol + 1;
        }
        return -1;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        return message.lines().map(String::strip).filter(s -> !s.isEmpty()).reduce((a, b) -> a + " " + b)
                .orElse(message);
    }
}
