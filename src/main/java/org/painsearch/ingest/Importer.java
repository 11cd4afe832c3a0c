package org.painsearch.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.painsearch.corpus.CorpusException;
import org.painsearch.corpus.CorpusStore;
import org.painsearch.corpus.DocType;
import org.painsearch.corpus.Document;
import org.painsearch.corpus.DocumentCodec;
import org.painsearch.corpus.FrontMatter;
import org.painsearch.corpus.Ids;
import org.painsearch.corpus.Link;
import org.painsearch.corpus.TextFiles;
import org.painsearch.corpus.TimedText;

/**
 * Imports files and folders of {@code .md}, {@code .html}/{@code .htm}, {@code .txt}, {@code .vtt} and
 * {@code .srt} into the corpus. A source imported again (same address, or same id) replaces its earlier
 * document rather than adding a second one. Each file's outcome is reported; one bad file never stops the rest.
 */
public final class Importer {
    private static final List<String> SUPPORTED = List.of(".md", ".markdown", ".html", ".htm", ".txt", ".vtt", ".srt");

    private final CorpusStore store;
    private final long maxBytes;
    private final ImportWalk walk;
    // Address key -> id of documents already in the corpus, so a re-import finds its earlier self.
    private final Map<String, String> idsByUrl = new HashMap<>();
    private final Map<String, DocType> typesById = new HashMap<>();
    private final TranscriptImport transcripts = new TranscriptImport();

    public Importer(CorpusStore store, long maxBytes) throws IOException {
        this(store, maxBytes, List.of());
    }

    /**
     * An importer that also never reads from {@code ownFolders} (the index; the corpus's trash, conflicts and crawl
     * folders are always left out).
     */
    public Importer(CorpusStore store, long maxBytes, List<Path> ownFolders) throws IOException {
        this.store = store;
        this.maxBytes = maxBytes;
        var forbidden = new ArrayList<>(ownFolders);
        for (String own : List.of(".trash", ".conflicts", ".crawl")) {
            forbidden.add(store.root().resolve(own));
        }
        this.walk = new ImportWalk(maxBytes, java.util.Set.copyOf(SUPPORTED), forbidden);
        for (Path file : store.documentFiles()) {
            try {
                Document d = store.read(file);
                remember(d);
            } catch (CorpusException e) {
                // A broken corpus file is reported by reindex; here it only cannot be matched against.
                typesById.put(file.getFileName().toString().replaceFirst("\\.md$", ""), DocType.ARTICLE);
            }
        }
    }

    /** Imports every supported file under {@code paths}, telling {@code listener} each outcome as it happens. */
    public List<ImportOutcome> importAll(List<Path> paths, Consumer<ImportOutcome> listener) {
        var outcomes = new ArrayList<ImportOutcome>();
        for (Path p : paths) {
            for (ImportWalk.Entry entry : walk.entries(p)) {
                ImportOutcome o = switch (entry) {
                    case ImportWalk.Take take -> importFile(take.path());
                    case ImportWalk.Decided decided -> decided.outcome();
                };
                outcomes.add(o);
                listener.accept(o);
            }
        }
        return outcomes;
    }

    /** Imports one file. */
    public ImportOutcome importFile(Path file) {
        String ext = extension(file);
        if (!SUPPORTED.contains(ext)) {
            return new ImportOutcome.Skipped(file, "unsupported file type '" + (ext.isEmpty() ? file.getFileName() : ext)
                    + "' (supported: " + String.join(" ", SUPPORTED) + ")");
        }
        if (!Files.isRegularFile(file)) {
            return new ImportOutcome.Failed(file, Files.exists(file) ? "not a regular file" : "no such file or folder");
        }
        try {
            if ((ext.equals(".vtt") || ext.equals(".srt")) && Files.exists(sibling(file, ".md"))) {
                return new ImportOutcome.Skipped(file, "imported as the transcript of " + sibling(file, ".md").getFileName());
            }
            byte[] bytes = TextFiles.readBytes(file, maxBytes);
            String source = file.toAbsolutePath().toUri().toString();
            return switch (ext) {
                case ".html", ".htm" -> fromHtml(file, HtmlText.decode(bytes, file.toString()), source);
                case ".txt" -> save(file, fromText(TextFiles.decodeUtf8(bytes, file.toString()), file, source), null, null);
                case ".vtt", ".srt" -> fromTranscriptOnly(file, TextFiles.decodeUtf8(bytes, file.toString()), ext, source);
                default -> fromMarkdown(file, TextFiles.decodeUtf8(bytes, file.toString()), source);
            };
        } catch (IOException | IllegalArgumentException e) {
            return new ImportOutcome.Failed(file, e.getMessage());
        }
    }

    private ImportOutcome fromMarkdown(Path file, String text, String source) throws IOException {
        var parts = FrontMatter.parse(text);
        String body = MarkdownCleaner.clean(parts.body());
        if (parts.fields().get("title") == null) {
            String heading = body.lines().filter(l -> l.startsWith("# ")).findFirst().orElse(null);
            String title = heading != null ? heading.substring(2).strip() : titleFromFileName(file);
            if (heading != null) {
                body = body.replaceFirst("(?m)^# .*\\n?", "").strip();
            }
            parts.fields().put("title", title);
        }
        parts.fields().putIfAbsent("url", source);
        Object id = parts.fields().get("id");
        if (id == null || !Document.isValidId(String.valueOf(id))) {
            parts.fields().put("id", slug(String.valueOf(parts.fields().get("title"))));
        }
        String transcript = null;
        String transcriptExt = null;
        for (String ext : List.of(".vtt", ".srt")) {
            if (Files.isRegularFile(sibling(file, ext), java.nio.file.LinkOption.NOFOLLOW_LINKS)) { // never via a link
                transcript = TextFiles.readUtf8(sibling(file, ext), maxBytes);
                TimedText.parseCues(transcript); // refuse a broken transcript before writing anything
                transcriptExt = ext;
                parts.fields().putIfAbsent("type", "podcast");
                break;
            }
        }
        String normalized = FrontMatter.render(parts.fields(), body);
        Document d = DocumentCodec.decode(normalized, null, DocType.ARTICLE, List.of());
        return save(file, d, transcript, transcriptExt);
    }

    private ImportOutcome fromTranscriptOnly(Path file, String text, String ext, String source) throws IOException {
        TimedText.parseCues(text);
        return switch (transcripts.plan(file, source)) {
            case TranscriptImport.Plan.NewEpisode n -> save(file, n.document(), text, ext);
            case TranscriptImport.Plan.JoinEpisode j -> {
                try {
                    Document joined = store.writeTranscript(j.episode().type(), j.episode().id(), text, ext);
                    remember(joined);
                    yield new ImportOutcome.Imported(file, joined, true);
                } catch (CorpusException e) {
                    yield new ImportOutcome.Failed(file, e.getMessage());
                }
            }
        };
    }

    private ImportOutcome fromHtml(Path file, String html, String source) throws IOException {
        return switch (WebDocuments.page(html, source)) {
            case PageDocument.Article a -> save(file, a.document(), null, null);
            case PageDocument.NotArticle n -> new ImportOutcome.Skipped(file, n.kind().describe());
        };
    }

    private Document fromText(String text, Path file, String source) {
        String stripped = text.strip();
        if (stripped.isEmpty()) {
            throw new IllegalArgumentException("the file is empty");
        }
        int nl = stripped.indexOf('\n');
        String first = (nl < 0 ? stripped : stripped.substring(0, nl)).strip();
        boolean firstIsTitle = first.length() <= 200 && nl > 0;
        String title = firstIsTitle ? first : titleFromFileName(file);
        String body = firstIsTitle ? stripped.substring(nl + 1).strip() : stripped;
        return new Document(slug(title), DocType.ARTICLE, title, source, List.of(), null, null, List.of(), null, null,
                null, body, List.of(), null);
    }

    private ImportOutcome save(Path file, Document d, String transcript, String transcriptExt) throws IOException {
        String key = d.url() == null || d.url().isBlank() ? null : Link.urlKey(d.url());
        String existing = key == null ? null : idsByUrl.get(key);
        boolean updated = existing != null || (typesById.containsKey(d.id()) && idOwnedBy(d.id(), key));
        String id = existing != null ? existing : updated ? d.id() : freeId(Document.isValidId(d.id()) ? d.id() : slug(d.title()));
        DocType oldType = typesById.get(id);
        if (oldType != null && oldType != d.type()) {
            Files.deleteIfExists(store.pathFor(oldType, id));
        }
        Document written = store.write(d.withId(id, null), transcript, transcriptExt);
        remember(written);
        return new ImportOutcome.Imported(file, written, updated);
    }

    // The id is taken by a document without an address, or with this address: the same source again.
    private boolean idOwnedBy(String id, String key) {
        return idsByUrl.entrySet().stream().noneMatch(e -> e.getValue().equals(id) && !e.getKey().equals(key));
    }

    private String freeId(String base) {
        String id = base;
        for (int n = 2; typesById.containsKey(id); n++) {
            id = base + "-" + n;
        }
        return id;
    }

    private void remember(Document d) {
        transcripts.remember(d);
        typesById.put(d.id(), d.type());
        String key = d.url() == null || d.url().isBlank() ? null : Link.urlKey(d.url());
        if (key != null) {
            idsByUrl.put(key, d.id());
        }
    }

    /** A filesystem-safe id from a title (see {@link Ids#slug}). */
    public static String slug(String title) {
        return Ids.slug(title);
    }

    private static String titleFromFileName(Path file) {
        String title = EpisodeName.clean(file.getFileName().toString().replaceFirst("\\.[^.]+$", ""));
        return title.isBlank() ? "Untitled" : title;
    }

    private static Path sibling(Path file, String ext) {
        return file.resolveSibling(file.getFileName().toString().replaceFirst("\\.[^.]+$", "") + ext);
    }

    private static String extension(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot);
    }
}
