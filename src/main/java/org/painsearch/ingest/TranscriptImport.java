package org.painsearch.ingest;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.painsearch.corpus.DocType;
import org.painsearch.corpus.Document;

/**
 * Turns a transcript file found on its own into its podcast episode: title, show and episode number from the file
 * name and from the files beside it. When the corpus already holds that episode (from a feed: same audio file, same
 * show and number, or same title), the transcript joins it instead of making a second document.
 */
final class TranscriptImport {
    /** What to do with a transcript: make a new episode document, or add it to one already in the corpus. */
    sealed interface Plan {
        /** A new podcast document for the transcript. */
        record NewEpisode(Document document) implements Plan {
        }

        /** The corpus episode the transcript belongs to. */
        record JoinEpisode(Document episode) implements Plan {
        }
    }

    // Podcast documents already in the corpus, by id, to join transcripts to.
    private final Map<String, Document> podcasts = new LinkedHashMap<>();

    /** Notes a corpus document, so a transcript of it found later can join it. */
    void remember(Document d) {
        if (d.type() == DocType.PODCAST && d.podcast() != null) {
            podcasts.put(d.id(), d);
        } else {
            podcasts.remove(d.id());
        }
    }

    /** The plan for transcript {@code file}, whose address as a document would be {@code source}. */
    Plan plan(Path file, String source) {
        EpisodeName name = EpisodeName.of(file.getFileName().toString());
        SiblingMetadata beside = SiblingMetadata.beside(file, name);
        String title = beside.title() != null ? beside.title() : name.title();
        EpisodeName full = new EpisodeName(title, name.show(), name.episode()).orElse(beside.show(), beside.episode());
        String mediaFile = file.getFileName().toString().replaceFirst("\\.[^.]+$", "");
        for (Document p : podcasts.values()) {
            if (isFeedEpisode(p) && belongs(p, full, mediaFile, beside)) {
                return new Plan.JoinEpisode(p);
            }
        }
        var info = new Document.PodcastInfo(full.show(), full.episode(), beside.audio(), null);
        return new Plan.NewEpisode(new Document(full.id(), DocType.PODCAST, full.title(), source, List.of(),
                beside.published(), full.show(), List.of(), null, null, info,
                beside.notes() == null ? "" : beside.notes(), List.of(), null));
    }

    // Episodes from feeds or the web have a web address; transcripts imported before have the file's own.
    private static boolean isFeedEpisode(Document p) {
        String url = p.url() == null ? "" : p.url().toLowerCase(java.util.Locale.ROOT);
        return url.startsWith("http://") || url.startsWith("https://");
    }

    // The same audio file is certain; the same show and number, or the same title within the show (when the numbers
    // do not differ), is enough.
    private static boolean belongs(Document p, EpisodeName name, String mediaFile, SiblingMetadata beside) {
        String audio = p.podcast().audio();
        if (audio != null && (SiblingMetadata.lastPart(audio).equalsIgnoreCase(mediaFile)
                || beside.audio() != null && SiblingMetadata.lastPart(audio).equalsIgnoreCase(
                        SiblingMetadata.lastPart(beside.audio())))) {
            return true;
        }
        String show = p.podcast().show() != null ? p.podcast().show() : p.source();
        boolean sameShow = name.show() != null && show != null && Headline.key(show).equals(Headline.key(name.show()));
        if (sameShow && name.episode() != null && name.episode().equals(p.podcast().episode())) {
            return true;
        }
        boolean numbersDiffer = name.episode() != null && p.podcast().episode() != null
                && !name.episode().equals(p.podcast().episode());
        boolean showAllows = (name.show() == null || sameShow) && !numbersDiffer;
        return showAllows && Headline.key(p.title()).equals(Headline.key(name.title()))
                && !Headline.key(name.title()).isEmpty();
    }
}
