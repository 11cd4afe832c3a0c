package org.painsearch.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.painsearch.corpus.TextFiles;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the files beside a transcript say about its episode: a {@code .json} of the same name (as podcast
 * downloaders and transcription tools write: title, series, episode number, date, address), or an RSS feed in the
 * same folder whose item has the transcript's audio file or title.
 *
 * @param audio the episode's audio file name or address, or null
 */
record SiblingMetadata(String title, String show, String episode, LocalDate published, String audio, String url,
                       String notes) {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final long MAX_SIBLING_BYTES = 10L * 1024 * 1024;
    private static final int MAX_FEEDS = 5;
    private static final SiblingMetadata NONE = new SiblingMetadata(null, null, null, null, null, null, null);

    /** The metadata beside {@code transcript}, or an empty record when there is none. */
    static SiblingMetadata beside(Path transcript, EpisodeName name) {
        String base = transcript.getFileName().toString().replaceFirst("\\.[^.]+$", ""); // "Title.mp3"
        String media = base.replaceFirst("(?i)\\.(mp3|m4a|m4b|mp4|m4v|wav|ogg|oga|opus|aac|flac|webm)$", "");
        for (String candidate : List.of(base + ".json", base + ".info.json", media + ".json", media + ".info.json")) {
            Path json = transcript.resolveSibling(candidate);
            if (Files.isRegularFile(json)) {
                SiblingMetadata m = fromJson(json);
                if (m != null) {
                    return m;
                }
            }
        }
        return fromFeeds(transcript, base, name);
    }

    boolean isEmpty() {
        return equals(NONE);
    }

    private static SiblingMetadata fromJson(Path file) {
        JsonNode n;
        try {
            n = JSON.readTree(TextFiles.readUtf8(file, MAX_SIBLING_BYTES));
        } catch (IOException | JacksonException | IllegalArgumentException e) {
            return null; // not metadata we can read: the file name alone names the episode
        }
        if (!n.isObject() || text(n, "title") == null) {
            return null;
        }
        String date = text(n, "upload_date", "release_date", "datePublished", "published", "pubDate", "date");
        return new SiblingMetadata(text(n, "title"), text(n, "series", "show", "podcast", "album", "channel", "uploader"),
                text(n, "episode_number", "episodeNumber", "episode", "track"), date == null ? null : PageDates.parse(date),
                text(n, "audio", "audio_url", "enclosure", "enclosureUrl"), text(n, "webpage_url", "url", "link"),
                text(n, "description", "summary"));
    }

    // An RSS or Atom file beside the transcript whose item has the same audio file or the same title.
    private static SiblingMetadata fromFeeds(Path transcript, String mediaFile, EpisodeName name) {
        Path folder = transcript.toAbsolutePath().getParent();
        List<Path> feeds;
        try (Stream<Path> files = Files.list(folder)) {
            feeds = files.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).matches(".*\\.(xml|rss|atom)"))
                    .filter(Files::isRegularFile).sorted().limit(MAX_FEEDS).toList();
        } catch (IOException e) {
            return NONE;
        }
        String titleKey = Headline.key(name.title());
        for (Path f : feeds) {
            Feed feed;
            try {
                feed = FeedParser.parse(TextFiles.readBytes(f, MAX_SIBLING_BYTES), null, f.toUri().toString());
            } catch (IOException | IllegalArgumentException e) {
                continue; // not a feed, or not a readable one
            }
            for (Feed.Episode e : feed.episodes()) {
                boolean sameAudio = e.audioUrl() != null && lastPart(e.audioUrl()).equalsIgnoreCase(mediaFile);
                if (sameAudio || Headline.key(e.title()).equals(titleKey)) {
                    return new SiblingMetadata(e.title(), feed.title(), e.episode(), e.published(), e.audioUrl(),
                            e.link(), e.notesHtml().isBlank() ? null : WebDocuments.notes(e.notesHtml(), e.title()));
                }
            }
        }
        return NONE;
    }

    static String lastPart(String address) {
        String path = address.replaceFirst("[?#].*$", "");
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static String text(JsonNode n, String... fields) {
        for (String f : fields) {
            JsonNode v = n.get(f);
            if (v != null && v.isValueNode() && !v.asString().isBlank()) {
                return v.asString().strip();
            }
            if (v != null && v.isObject() && v.has("url")) {
                return v.get("url").asString();
            }
        }
        return null;
    }
}
