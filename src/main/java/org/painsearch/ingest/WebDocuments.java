package org.painsearch.ingest;

import java.util.List;
import org.painsearch.corpus.DocType;
import org.painsearch.corpus.Document;
import org.painsearch.corpus.DocumentCodec;
import org.painsearch.corpus.Segment;

/**
 * Turns what a crawl fetched into corpus documents: web pages and plain text as articles, feed episodes and bare
 * transcripts as podcasts. Ids are slugs of the title; the caller makes them unique.
 */
public final class WebDocuments {
    private WebDocuments() {
    }

    /** The article in a page's main content, with its metadata (as {@link Importer} does for saved pages). */
    public static PageDocument page(String html, String url) {
        Extracted x = HtmlExtractor.extract(html, url);
        if (x.kind() instanceof PageKind.NotArticle not) {
            return new PageDocument.NotArticle(not);
        }
        String title = x.title() == null || x.title().isBlank() ? "Untitled page" : x.title();
        return new PageDocument.Article(new Document(Importer.slug(title), DocType.ARTICLE, title, x.url(), x.authors(),
                x.published(), x.source(), x.tags(), x.doi(), x.pmid(), null, x.markdown(), List.of(), null));
    }

    /**
     * An article from plain text: a short first line is its title.
     *
     * @throws IllegalArgumentException when the text is empty
     */
    public static Document text(String text, String url) {
        String stripped = text.strip();
        if (stripped.isEmpty()) {
            throw new IllegalArgumentException("the text is empty");
        }
        int nl = stripped.indexOf('\n');
        String first = (nl < 0 ? stripped : stripped.substring(0, nl)).strip();
        boolean firstIsTitle = nl > 0 && first.length() <= 200;
        String title = firstIsTitle ? first : lastPathPart(url);
        String body = firstIsTitle ? stripped.substring(nl + 1).strip() : stripped;
        return new Document(Importer.slug(title), DocType.ARTICLE, title, url, List.of(), null, null, List.of(), null, null,
                null, body, List.of(), null);
    }

    /** A podcast document for a transcript found on its own: title, show and number from its address's file name. */
    public static Document transcriptOnly(String url) {
        EpisodeName name = EpisodeName.of(url);
        return new Document(name.id(), DocType.PODCAST, name.title(), url, List.of(), null, name.show(), List.of(), null,
                null, new Document.PodcastInfo(name.show(), name.episode(), null, null), "", List.of(), null);
    }

    /**
     * A podcast document for one episode: show notes as clean text, chapters as timed topic lines (which the corpus
     * reads back as segments), and the show's and episode's metadata.
     */
    public static Document episode(Feed feed, Feed.Episode e, List<Segment> chapters, String url) {
        var body = new StringBuilder(notes(e.notesHtml(), e.title()));
        if (!chapters.isEmpty()) {
            body.append(body.isEmpty() ? "" : "\n\n").append("## Chapters\n\n");
            for (Segment c : chapters) {
                body.append("- ").append(c.timestamp()).append(' ').append(c.text().replaceAll("\\R", " ")).append('\n');
            }
        }
        String id = Importer.slug(feed.title() + " " + e.title());
        return new Document(id, DocType.PODCAST, e.title(), url, e.author() == null ? List.of() : List.of(e.author()),
                e.published(), feed.title(), DocumentCodec.normalizeTags(e.keywords()), null, null,
                new Document.PodcastInfo(feed.title(), e.episode(), e.audioUrl(), e.duration()), body.toString().strip(),
                List.of(), null);
    }

    // Show notes are HTML in most feeds and plain text in some; both become the same clean text.
    static String notes(String notes, String title) {
        if (notes.isBlank()) {
            return "";
        }
        if (!notes.contains("<")) {
            return notes.strip();
        }
        return HtmlExtractor.fragment(notes, title);
    }

    private static String lastPathPart(String url) {
        String path = url.replaceFirst("[?#].*", "").replaceAll("/+$", "");
        String last = path.substring(path.lastIndexOf('/') + 1);
        return last.isBlank() ? url : java.net.URLDecoder.decode(last, java.nio.charset.StandardCharsets.UTF_8)
                .replace('-', ' ').replace('_', ' ');
    }
}
