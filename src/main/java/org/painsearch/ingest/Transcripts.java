package org.painsearch.ingest;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.painsearch.corpus.TimedText;
import org.painsearch.corpus.Timestamps;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a {@code podcast:transcript} in WebVTT, SRT, Podcasting 2.0 JSON or HTML into a transcript file the corpus
 * keeps beside an episode: VTT and SRT as they are, JSON and HTML converted to WebVTT.
 */
public final class Transcripts {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    // Cues without an end time in the source last until the next one, or this long for the last one.
    private static final double LAST_CUE_SECONDS = 5;

    private Transcripts() {
    }

    /** A transcript ready to store: its text and file extension ({@code .vtt} or {@code .srt}). */
    public record Converted(String text, String extension) {
    }

    /** How well painsearch reads a transcript type: lower is better, so feeds offering several give the best one. */
    public static int preference(String type, String url) {
        return switch (format(type, url)) {
            case "vtt" -> 0;
            case "srt" -> 1;
            case "json" -> 2;
            case "html" -> 3;
            default -> 9;
        };
    }

    /**
     * Converts a transcript; {@code type} is the media type from the feed or the server (may be null).
     *
     * @throws IllegalArgumentException when it holds no timed text painsearch can read
     */
    public static Converted convert(byte[] body, String type, String url) {
        String text = new String(body, StandardCharsets.UTF_8);
        text = text.startsWith("\uFEFF") ? text.substring(1) : text;
        String format = format(type, url);
        if (format.equals("unknown") || format.equals("text")) {
            format = text.stripLeading().startsWith("WEBVTT") ? "vtt" : text.contains("-->") ? "srt" : format;
        }
        return switch (format) {
            case "vtt" -> checked(text, ".vtt");
            case "srt" -> checked(text, ".srt");
            case "json" -> checked(toVtt(fromJson(text)), ".vtt");
            case "html" -> checked(toVtt(fromHtml(text)), ".vtt");
            default -> throw new IllegalArgumentException("transcripts of type " + (type == null ? "unknown" : type)
                    + " are not read (VTT, SRT, JSON and HTML are)");
        };
    }

    private static String format(String type, String url) {
        String t = type == null ? "" : type.toLowerCase(Locale.ROOT).replaceFirst(";.*", "").strip();
        String u = url == null ? "" : url.toLowerCase(Locale.ROOT).replaceFirst("[?#].*", "");
        if (t.equals("text/vtt") || u.endsWith(".vtt")) {
            return "vtt";
        }
        if (t.equals("application/x-subrip") || t.equals("application/srt") || t.equals("text/srt") || u.endsWith(".srt")) {
            return "srt";
        }
        if (t.equals("application/json") || u.endsWith(".json")) {
            return "json";
        }
        if (t.equals("text/html") || u.endsWith(".html") || u.endsWith(".htm")) {
            return "html";
        }
        return t.equals("text/plain") ? "text" : "unknown";
    }

    private static Converted checked(String text, String extension) {
        TimedText.parseCues(text); // throws when there is no timed cue
        return new Converted(text, extension);
    }

    private static List<Cue> fromJson(String text) {
        JsonNode segments;
        try {
            segments = JSON.readTree(text).path("segments");
        } catch (JacksonException e) {
            throw new IllegalArgumentException("the JSON transcript is not valid JSON");
        }
        var cues = new ArrayList<Cue>();
        for (JsonNode s : segments) {
            String body = s.path("body").asString("").strip();
            if (!body.isEmpty() && s.path("startTime").isNumber()) {
                String speaker = s.path("speaker").asString("").strip();
                double start = s.path("startTime").asDouble();
                double end = s.path("endTime").isNumber() ? s.path("endTime").asDouble() : -1;
                cues.add(new Cue(start, end, speaker.isEmpty() ? body : speaker + ": " + body));
            }
        }
        return cues;
    }

    // Podcasting 2.0 HTML transcripts: <cite>Speaker:</cite> <time>00:01:02</time> <p>words</p>, repeated.
    private static List<Cue> fromHtml(String html) {
        var cues = new ArrayList<Cue>();
        String speaker = "";
        double start = 0;
        for (Element e : Jsoup.parse(html).body().select("cite, time, p")) {
            switch (e.tagName()) {
                case "cite" -> speaker = e.text().replaceFirst(":\\s*$", "").strip();
                case "time" -> {
                    long s = Timestamps.parseSeconds(e.text());
                    start = s >= 0 ? s : start;
                }
                default -> {
                    if (!e.text().isBlank()) {
                        cues.add(new Cue(start, -1, speaker.isEmpty() ? e.text() : speaker + ": " + e.text()));
                    }
                }
            }
        }
        return cues;
    }

    private record Cue(double start, double end, String text) {
    }

    private static String toVtt(List<Cue> cues) {
        var out = new StringBuilder("WEBVTT\n");
        for (int i = 0; i < cues.size(); i++) {
            Cue c = cues.get(i);
            double end = c.end() > c.start() ? c.end()
                    : i + 1 < cues.size() ? Math.max(cues.get(i + 1).start(), c.start()) : c.start() + LAST_CUE_SECONDS;
            out.append('\n').append(time(c.start())).append(" --> ").append(time(end)).append('\n')
                    .append(c.text().replace("-->", "->").replaceAll("\\R+", " ")).append('\n');
        }
        return out.toString();
    }

    private static String time(double seconds) {
        long millis = Math.round(seconds * 1000);
        return Timestamps.format(millis / 1000) + String.format(Locale.ROOT, ".%03d", millis % 1000);
    }
}
