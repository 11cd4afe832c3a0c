package org.painsearch.corpus;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One corpus document: an article, a podcast episode or a note, as read from its Markdown file.
 *
 * @param path     the file it was read from, or null before it is written
 * @param segments timed podcast parts (listed topics and transcript cues); empty for other types
 * @param note     note-only metadata; null for other types
 */
public record Document(
        String id,
        DocType type,
        String title,
        String url,
        List<String> authors,
        LocalDate published,
        String source,
        List<String> tags,
        String doi,
        String pmid,
        PodcastInfo podcast,
        String body,
        List<Segment> segments,
        Path path,
        NoteInfo note) {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,119}");

    public Document {
        Objects.requireNonNull(type, "type");
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("id must be lowercase letters, digits, '.', '_' or '-' (got: " + id + ")");
        }
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("title must not be blank");
        }
        title = title.strip();
        authors = authors == null ? List.of() : List.copyOf(authors);
        tags = tags == null ? List.of() : List.copyOf(tags);
        body = body == null ? "" : body;
        segments = segments == null ? List.of() : List.copyOf(segments);
    }

    /** A document without note metadata (articles and podcasts). */
    public Document(String id, DocType type, String title, String url, List<String> authors, LocalDate published,
                    String source, List<String> tags, String doi, String pmid, PodcastInfo podcast, String body,
                    List<Segment> segments, Path path) {
        this(id, type, title, url, authors, published, source, tags, doi, pmid, podcast, body, segments, path, null);
    }

    /** True when {@code id} is a valid document id. */
    public static boolean isValidId(String id) {
        return id != null && ID.matcher(id).matches();
    }

    /** The links written in this document's body (notes link to sources). */
    public List<Link> links() {
        return Link.parseAll(body);
    }

    /** A copy with another id and path, for imports that reuse or allocate an id. */
    public Document withId(String newId, Path newPath) {
        return new Document(newId, type, title, url, authors, published, source, tags, doi, pmid, podcast, body,
                segments, newPath, note);
    }

    /**
     * Note-only metadata.
     *
     * @param updated   when the note last changed, as written (a date or an ISO date-time); may be null
     * @param isPrivate marked {@code private: true}: it talks about clients
     */
    public record NoteInfo(String updated, boolean isPrivate) {
    }

    /** Podcast-only metadata: the show, episode number, audio file and running time. */
    public record PodcastInfo(String show, String episode, String audio, String duration) {
    }
}
