package org.painsearch.ingest;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.painsearch.corpus.Segment;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads Podcasting 2.0 JSON chapters ({@code podcast:chapters}) into timed topics. */
public final class Chapters {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Chapters() {
    }

    /**
     * The chapters in start order.
     *
     * @throws IllegalArgumentException when the text is not JSON chapters
     */
    public static List<Segment> parse(byte[] json) {
        JsonNode root;
        try {
            root = JSON.readTree(new String(json, StandardCharsets.UTF_8));
        } catch (JacksonException e) {
            throw new IllegalArgumentException("the chapters file is not valid JSON");
        }
        JsonNode chapters = root.path("chapters");
        if (!chapters.isArray()) {
            throw new IllegalArgumentException("the chapters file has no \"chapters\" list");
        }
        var out = new ArrayList<Segment>();
        for (JsonNode c : chapters) {
            String title = c.path("title").asString("").strip();
            if (!title.isEmpty() && c.path("startTime").isNumber() && c.path("startTime").asDouble() >= 0) {
                out.add(new Segment((long) c.path("startTime").asDouble(), title));
            }
        }
        out.sort(java.util.Comparator.comparingLong(Segment::startSeconds));
        return out;
    }
}
