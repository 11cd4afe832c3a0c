package org.painsearch.corpus;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * A whole library in one zip file: the documents and transcripts, notes (the trash and refused edits included),
 * bookmarks, sources and synonyms; not the crawler's cache, which a crawl rebuilds. A restore takes back only those
 * paths, each within its size limit, so an archive cannot write anywhere else.
 */
public final class CorpusArchive {
    /** The entry that marks a painsearch export. */
    public static final String MARKER = "painsearch-export.txt";
    // Files at the top of the corpus that belong to the library.
    private static final List<String> TOP_FILES = List.of("bookmarks.json", "sources.yaml", "synonyms.txt");
    private static final List<String> FOLDERS = List.of("articles", "podcasts", "notes", ".trash/notes", ".conflicts");
    // A path an archive may restore: a known top file, or a plain file name directly inside a known folder.
    private static final Pattern ENTRY = Pattern.compile(
            "(bookmarks\\.json|sources\\.yaml|synonyms\\.txt|(articles|podcasts|notes|\\.trash/notes|\\.conflicts)"
                    + "/[A-Za-z0-9][A-Za-z0-9._-]{0,200})");
    private static final int MAX_ENTRIES = 200_000;

    private CorpusArchive() {
    }

    /** What a restore did: files written, and entries left out with the reason. */
    public record Restored(List<String> written, List<String> refused) {
    }

    /** Writes the library under {@code corpus} to {@code zip} (owner-only: it holds private notes); returns the count. */
    public static int export(Path corpus, Path zip) throws IOException {
        var files = new ArrayList<String>();
        for (String top : TOP_FILES) {
            if (Files.isRegularFile(corpus.resolve(top), LinkOption.NOFOLLOW_LINKS)) {
                files.add(top);
            }
        }
        for (String folder : FOLDERS) {
            Path dir = corpus.resolve(folder);
            if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            try (Stream<Path> list = Files.list(dir)) {
                list.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                        .map(p -> folder + "/" + p.getFileName())
                        .filter(name -> ENTRY.matcher(name).matches())
                        .sorted().forEach(files::add);
            }
        }
        Path parent = zip.toAbsolutePath().getParent();
        OwnerOnly.createDirectories(parent);
        Path tmp = Files.createTempFile(parent, "." + zip.getFileName(), ".tmp");
        try {
            OwnerOnly.restrict(tmp);
            try (var out = new ZipOutputStream(Files.newOutputStream(tmp))) {
                out.putNextEntry(new ZipEntry(MARKER));
                out.write(("painsearch library export\nfiles: " + files.size() + "\n").getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
                for (String name : files) {
                    out.putNextEntry(new ZipEntry(name));
                    Files.copy(corpus.resolve(name), out);
                    out.closeEntry();
                }
            }
            Files.move(tmp, zip, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
        return files.size();
    }

    /**
     * Restores an export into {@code corpus}: each file is written atomically over the one there. Entries that are
     * not library files, too large, or not text are left out and listed.
     *
     * @throws IOException when the file is not a zip, or not a painsearch export
     */
    public static Restored restore(Path zip, Path corpus) throws IOException {
        var written = new ArrayList<String>();
        var refused = new ArrayList<String>();
        try (var archive = new ZipFile(zip.toFile(), StandardCharsets.UTF_8)) {
            if (archive.getEntry(MARKER) == null) {
                throw new IOException(zip + " is not a painsearch export (it has no " + MARKER + "); "
                        + "make one with: ./painsearch export FILE.zip");
            }
            if (archive.size() > MAX_ENTRIES) {
                throw new IOException(zip + " has " + archive.size() + " entries; an export has at most " + MAX_ENTRIES);
            }
            for (var entries = archive.entries(); entries.hasMoreElements(); ) {
                ZipEntry e = entries.nextElement();
                String name = e.getName();
                if (e.isDirectory() || name.equals(MARKER)) {
                    continue;
                }
                if (!ENTRY.matcher(name).matches() || name.contains("..")) {
                    refused.add(name + ": not a file of a painsearch library; left out");
                    continue;
                }
                byte[] bytes;
                try (InputStream in = archive.getInputStream(e)) {
                    // Read one byte past the limit: the size in the entry's header is the archive's word, not proof.
                    bytes = in.readNBytes((int) TextFiles.DEFAULT_MAX_BYTES + 1);
                }
                if (bytes.length > TextFiles.DEFAULT_MAX_BYTES) {
                    refused.add(name + ": larger than " + TextFiles.readableSize(TextFiles.DEFAULT_MAX_BYTES) + "; left out");
                    continue;
                }
                try {
                    TextFiles.decodeUtf8(bytes, name);
                } catch (IOException notText) {
                    refused.add(name + ": " + notText.getMessage() + "; left out");
                    continue;
                }
                AtomicFiles.write(corpus.resolve(name), bytes);
                written.add(name);
            }
        } catch (java.util.zip.ZipException e) {
            throw new IOException(zip + " is not a readable zip file (" + e.getMessage() + ")");
        }
        return new Restored(written, refused);
    }
}
