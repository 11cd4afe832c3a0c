package org.painsearch.corpus;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The plain-file corpus: {@code articles/}, {@code podcasts/}, {@code notes/} of Markdown files, and {@code synonyms.txt}. */
public final class CorpusStore {
    private static final List<String> TRANSCRIPT_EXTENSIONS = List.of(".vtt", ".srt");
    /** The front matter key listing every address a document's text was found at. */
    public static final String URLS = "urls";

    private final Path root;

    public CorpusStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** The corpus folder. */
    public Path root() {
        return root;
    }

    /** The Solr-format synonym file used at query time. */
    public Path synonymsFile() {
        return root.resolve("synonyms.txt");
    }

    /** Every document file, sorted by path; hidden files and folders are left out. */
    public List<Path> documentFiles() throws IOException {
        var files = new ArrayList<Path>();
        for (DocType type : DocType.values()) {
            Path dir = root.resolve(type.folder());
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> s = Files.list(dir)) {
                s.filter(p -> p.getFileName().toString().endsWith(".md"))
                        .filter(p -> !p.getFileName().toString().startsWith("."))
                        .filter(Files::isRegularFile)
                        .forEach(files::add);
            }
        }
        files.sort(null);
        return files;
    }

    /**
     * True when {@code file} is where a document lives: a visible {@code .md} file directly inside a type folder.
     * Nothing under {@code .trash/}, {@code .conflicts/} or {@code .crawl/} is a document, so none of it is indexed.
     */
    public boolean isDocumentFile(Path file) {
        Path p = file.toAbsolutePath().normalize();
        String name = p.getFileName() == null ? "" : p.getFileName().toString();
        if (!name.endsWith(".md") || name.startsWith(".")) {
            return false;
        }
        for (DocType type : DocType.values()) {
            if (root.resolve(type.folder()).equals(p.getParent())) {
                return true;
            }
        }
        return false;
    }

    /** Reads one document file, with its transcript beside it when there is one. */
    public Document read(Path file) throws CorpusException {
        Path transcript = transcriptBeside(file);
        try {
            byte[] text = TextFiles.readBytes(file, TextFiles.DEFAULT_MAX_BYTES);
            byte[] cues = transcript == null ? null : TextFiles.readBytes(transcript, TextFiles.DEFAULT_MAX_BYTES);
            return decode(file, text, transcript, cues);
        } catch (IOException e) {
            throw new CorpusException(file, e.getMessage());
        }
    }

    /**
     * A document file read once: the document, the content version of exactly the bytes it was read from, and the
     * stamp of its files taken before they were read (null when too recent to trust, see {@link FileStamp#settled}).
     */
    public record Snapshot(Document document, String version, FileStamp stamp) {
    }

    /**
     * Reads one document file as {@link #read} does, with its content version and stamp, reading each of its files
     * once (a rebuild and the file watcher index what they read, under the version of what they read).
     */
    public Snapshot snapshot(Path file) throws CorpusException {
        Path transcript = transcriptBeside(file);
        try {
            // The stamp before the bytes: a file edited meanwhile is recorded as older than it is, so the next
            // comparison hashes it again rather than trust it.
            FileStamp stamp = FileStamp.settled(file, transcript);
            byte[] text = TextFiles.readBytes(file, TextFiles.DEFAULT_MAX_BYTES);
            byte[] cues = transcript == null ? null : TextFiles.readBytes(transcript, TextFiles.DEFAULT_MAX_BYTES);
            return new Snapshot(decode(file, text, transcript, cues), ContentVersion.ofDocument(text, transcript, cues),
                    stamp);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new CorpusException(file, "the file was removed while it was being read");
        } catch (IOException e) {
            throw new CorpusException(file, e.getMessage());
        }
    }

    private Document decode(Path file, byte[] text, Path transcript, byte[] transcriptBytes)
            throws IOException, CorpusException {
        try {
            List<TimedText.Cue> cues = List.of();
            if (transcript != null) {
                try {
                    cues = TimedText.cues(TextFiles.decodeUtf8(transcriptBytes, transcript.toString()));
                } catch (IllegalArgumentException e) {
                    throw new CorpusException(transcript, e.getMessage());
                }
            }
            Document d = DocumentCodec.decode(TextFiles.decodeUtf8(text, file.toString()), file, folderType(file), cues);
            String fileId = DocumentCodec.stripExtension(file.getFileName().toString());
            if (!d.id().equals(fileId)) {
                throw new CorpusException(file, "id '" + d.id() + "' does not match the file name (expected id: " + fileId + ")");
            }
            return d;
        } catch (IllegalArgumentException e) {
            throw new CorpusException(file, e.getMessage());
        }
    }

    /** The file a document of this type and id lives in. */
    public Path pathFor(DocType type, String id) {
        return root.resolve(type.folder()).resolve(id + ".md");
    }

    /**
     * Writes a document atomically, and its transcript beside it when given.
     *
     * @param transcriptExtension ".vtt" or ".srt", or null when {@code transcript} is null
     * @return the document as written, with its path
     */
    public Document write(Document d, String transcript, String transcriptExtension) throws IOException {
        return write(d, List.of(), transcript, transcriptExtension);
    }

    /**
     * Writes a document as {@link #write(Document, String, String)} does, recording every address its text was found
     * at (a crawl's documents) as an {@code urls:} list after {@code url:}; readers that do not know the key ignore it.
     */
    public Document write(Document d, List<String> urls, String transcript, String transcriptExtension) throws IOException {
        Path file = pathFor(d.type(), d.id());
        if (transcript != null) {
            if (!TRANSCRIPT_EXTENSIONS.contains(transcriptExtension)) {
                throw new IllegalArgumentException("transcript extension must be .vtt or .srt");
            }
            for (String ext : TRANSCRIPT_EXTENSIONS) {
                if (!ext.equals(transcriptExtension)) {
                    Files.deleteIfExists(file.resolveSibling(d.id() + ext));
                }
            }
            AtomicFiles.write(file.resolveSibling(d.id() + transcriptExtension), transcript.getBytes(StandardCharsets.UTF_8));
        }
        AtomicFiles.write(file, encode(d, urls).getBytes(StandardCharsets.UTF_8));
        return d.withId(d.id(), file);
    }

    /**
     * Writes a transcript beside a document already in the corpus, atomically, leaving its {@code .md} file (and
     * any {@code urls:} a crawl recorded there) as it is; a transcript of the other format is removed.
     *
     * @return the document read back with the transcript's passages
     */
    public Document writeTranscript(DocType type, String id, String transcript, String transcriptExtension)
            throws IOException, CorpusException {
        if (!TRANSCRIPT_EXTENSIONS.contains(transcriptExtension)) {
            throw new IllegalArgumentException("transcript extension must be .vtt or .srt");
        }
        Path file = pathFor(type, id);
        if (!Files.isRegularFile(file)) {
            throw new CorpusException(file, "no such document to add a transcript to");
        }
        AtomicFiles.write(file.resolveSibling(id + transcriptExtension), transcript.getBytes(StandardCharsets.UTF_8));
        for (String ext : TRANSCRIPT_EXTENSIONS) {
            if (!ext.equals(transcriptExtension)) {
                Files.deleteIfExists(file.resolveSibling(id + ext));
            }
        }
        return read(file);
    }

    /** The file text of a document, with its {@code urls:} list when {@code urls} is not empty. */
    public static String encode(Document d, List<String> urls) {
        String text = DocumentCodec.encode(d);
        if (urls.isEmpty()) {
            return text;
        }
        var parts = FrontMatter.parse(text);
        var fields = new java.util.LinkedHashMap<String, Object>();
        parts.fields().forEach((k, v) -> {
            fields.put(k, v);
            if (k.equals("url")) {
                fields.put(URLS, List.copyOf(urls));
            }
        });
        fields.putIfAbsent(URLS, List.copyOf(urls));
        return FrontMatter.render(fields, parts.body());
    }

    /** The transcript beside a document's Markdown file ({@code .vtt} first, then {@code .srt}), or null. */
    static Path transcriptBeside(Path mdFile) {
        String base = DocumentCodec.stripExtension(mdFile.getFileName().toString());
        for (String ext : TRANSCRIPT_EXTENSIONS) {
            Path t = mdFile.resolveSibling(base + ext);
            if (Files.isRegularFile(t)) {
                return t;
            }
        }
        return null;
    }

    private DocType folderType(Path file) {
        String folder = file.getParent() == null ? "" : file.getParent().getFileName().toString();
        for (DocType t : DocType.values()) {
            if (t.folder().equals(folder)) {
                return t;
            }
        }
        return DocType.ARTICLE;
    }
}
