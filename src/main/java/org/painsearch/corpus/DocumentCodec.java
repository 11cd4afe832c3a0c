package org.painsearch.corpus;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Converts between a document and the Markdown-with-front-matter text of its corpus file. */
public final class DocumentCodec {
    // "- 00:12:30 Topic" or "- [12:30] Topic": the timed topics of a podcast's show notes.
    private static final Pattern SEGMENT_LINE =
            Pattern.compile("^\\s*[-*]\\s*\\[?((?:\\d{1,2}:)?\\d{1,2}:\\d{2})]?\\s*[-–—:]?\\s+(.+)$");
    private static final Pattern TAG_SPACES = Pattern.compile("[\\s_]+");
    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    private static final Pattern YEAR_MONTH = Pattern.compile("\\d{4}-\\d{1,2}");
    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}.*");

    private DocumentCodec() {
    }

    /**
     * Reads a document from its file text; {@code transcript} cues (may be empty) are added to its segments.
     *
     * @throws IllegalArgumentException with a readable reason when a field is missing or malformed
     */
    public static Document decode(String text, Path path, DocType folderType, List<TimedText.Cue> transcript) {
        var parts = FrontMatter.parse(text);
        Map<String, Object> f = parts.fields();
        String fileId = path == null ? null : stripExtension(path.getFileName().toString());
        String id = string(f, "id");
        if (id == null) {
            id = fileId;
        }
        DocType type = f.containsKey("type") ? DocType.parse(string(f, "type")) : folderType;
        if (type == null) {
            throw new IllegalArgumentException("unknown type '" + string(f, "type") + "' (use article, podcast or note)");
        }
        String title = string(f, "title");
        if (title == null) {
            throw new IllegalArgumentException("front matter has no 'title'");
        }
        LocalDate published = date(f, type == DocType.NOTE && !f.containsKey("published") ? "created" : "published");
        var podcast = type == DocType.PODCAST
                ? new Document.PodcastInfo(string(f, "show"), string(f, "episode"), string(f, "audio"), string(f, "duration"))
                : null;
        var segments = new ArrayList<Segment>();
        if (type == DocType.PODCAST) {
            segments.addAll(segmentsFromBody(parts.body()));
            segments.addAll(TimedText.segments(transcript));
        }
        var note = type == DocType.NOTE
                ? new Document.NoteInfo(string(f, "updated"), Boolean.parseBoolean(String.valueOf(f.get("private"))))
                : null;
        return new Document(id, type, title, string(f, "url"), list(f, "authors"), published,
                string(f, "source") != null ? string(f, "source") : string(f, "show"),
                normalizeTags(list(f, "tags")), string(f, "doi"), string(f, "pmid"), podcast, parts.body(), segments, path,
                note);
    }

    /** Renders a document as file text (front matter then body); segments live in the body or a transcript file. */
    public static String encode(Document d) {
        var f = new LinkedHashMap<String, Object>();
        f.put("id", d.id());
        f.put("type", d.type().label());
        f.put("title", d.title());
        f.put("url", d.url());
        f.put("authors", d.authors().isEmpty() ? null : d.authors());
        f.put(d.type() == DocType.NOTE ? "created" : "published", d.published() == null ? null : d.published().toString());
        f.put("source", d.source());
        if (d.podcast() != null) {
            f.put("show", d.podcast().show());
            f.put("episode", d.podcast().episode());
            f.put("audio", d.podcast().audio());
            f.put("duration", d.podcast().duration());
        }
        if (d.note() != null) {
            f.put("updated", d.note().updated());
            f.put("private", d.note().isPrivate() ? Boolean.TRUE : null);
        }
        f.put("tags", d.tags().isEmpty() ? null : d.tags());
        f.put("doi", d.doi());
        f.put("pmid", d.pmid());
        return FrontMatter.render(f, d.body());
    }

    /** The timed topic lines of a podcast body. */
    public static List<Segment> segmentsFromBody(String body) {
        var out = new ArrayList<Segment>();
        for (String line : body.split("\\R")) {
            var m = SEGMENT_LINE.matcher(line);
            if (m.matches()) {
                long s = Timestamps.parseSeconds(m.group(1));
                if (s >= 0) {
                    out.add(new Segment(s, m.group(2)));
                }
            }
        }
        return out;
    }

    /** Tags as lowercase kebab-case words, in order, without repeats. */
    public static List<String> normalizeTags(Collection<String> tags) {
        return tags.stream()
                .map(t -> TAG_SPACES.matcher(t.strip().toLowerCase(java.util.Locale.ROOT)).replaceAll("-"))
                .filter(t -> !t.isEmpty())
                .distinct()
                .toList();
    }

    static String stripExtension(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private static String string(Map<String, Object> f, String key) {
        Object v = f.get(key);
        if (v == null) {
            return null;
        }
        if (v instanceof Collection<?> c) {
            return c.isEmpty() ? null : String.valueOf(c.iterator().next());
        }
        String s = String.valueOf(v).strip();
        return s.isEmpty() ? null : s;
    }

    private static List<String> list(Map<String, Object> f, String key) {
        Object v = f.get(key);
        if (v == null) {
            return List.of();
        }
        if (v instanceof Collection<?> c) {
            return c.stream().filter(java.util.Objects::nonNull).map(o -> String.valueOf(o).strip())
                    .filter(s -> !s.isEmpty()).toList();
        }
        // "a, b" in a scalar is a common hand-written form of a list.
        return java.util.Arrays.stream(String.valueOf(v).split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static LocalDate date(Map<String, Object> f, String key) {
        String s = string(f, key);
        if (s == null) {
            return null;
        }
        return parseDate(s, key);
    }

    /** Parses {@code 2019}, {@code 2019-05} or {@code 2019-05-14} (a leading date of a timestamp is taken). */
    public static LocalDate parseDate(String s, String what) {
        String t = s.strip();
        try {
            if (YEAR.matcher(t).matches()) {
                return LocalDate.of(Integer.parseInt(t), 1, 1);
            }
            if (YEAR_MONTH.matcher(t).matches()) {
                String[] p = t.split("-");
                return LocalDate.of(Integer.parseInt(p[0]), Integer.parseInt(p[1]), 1);
            }
            if (DAY.matcher(t).matches()) {
                return LocalDate.parse(t.substring(0, 10));
            }
        } catch (java.time.DateTimeException e) {
            // fall through to the readable message below
        }
        throw new IllegalArgumentException("'" + what + "' is not a date like 2019-05-14 (got: " + s + ")");
    }
}
