package org.painsearch.crawl;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The last answer for each address, gzip-compressed under {@code corpus/.crawl/raw/}: the body to re-extract
 * offline and the validators ({@code ETag}, {@code Last-Modified}) for conditional recrawls. One file per address,
 * written atomically: a JSON line of metadata, then the body.
 */
final class RawStore {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** What a stored answer was fetched as: a frontier address, robots.txt, or a feed's transcript or chapters. */
    enum Role { PAGE, ROBOTS, RESOURCE }

    /** One stored answer. */
    record Entry(String url, Role role, String contentType, String etag, String lastModified, String robotsTag,
                 Instant fetched, byte[] body) {
    }

    /** The metadata line, without the body. */
    private record Meta(String url, Role role, String contentType, String etag, String lastModified, String robotsTag,
                        String fetched) {
    }

    private final Path dir;

    RawStore(Path crawlDir) {
        this.dir = crawlDir.resolve("raw");
    }

    Optional<Entry> get(String url) {
        // A hash collision reads as never fetched.
        return read(fileFor(url)).filter(e -> e.url().equals(url));
    }

    private Optional<Entry> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            byte[] all = in.readAllBytes();
            int nl = indexOf(all, (byte) '\n');
            Meta m = JSON.readValue(new String(all, 0, nl, StandardCharsets.UTF_8), Meta.class);
            byte[] body = java.util.Arrays.copyOfRange(all, nl + 1, all.length);
            return Optional.of(new Entry(m.url(), m.role(), m.contentType(), m.etag(), m.lastModified(), m.robotsTag(),
                    Instant.parse(m.fetched()), body));
        } catch (IOException | JacksonException | java.time.format.DateTimeParseException | IndexOutOfBoundsException e) {
            return Optional.empty(); // a damaged copy is refetched in full
        }
    }

    void put(Entry e) throws IOException {
        var meta = new Meta(e.url(), e.role(), e.contentType(), e.etag(), e.lastModified(), e.robotsTag(),
                e.fetched().toString());
        var bytes = new ByteArrayOutputStream();
        try (var gz = new GZIPOutputStream(bytes)) {
            gz.write(JSON.writeValueAsString(meta).getBytes(StandardCharsets.UTF_8));
            gz.write('\n');
            gz.write(e.body());
        }
        // A raw copy is a cache: renamed into place whole, but not synced to disk (a copy lost in a crash is refetched).
        Path target = fileFor(e.url());
        org.painsearch.corpus.OwnerOnly.createDirectories(target.getParent());
        Path tmp = Files.createTempFile(target.getParent(), ".raw", ".tmp");
        try {
            Files.write(tmp, bytes.toByteArray());
            Files.move(tmp, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** The addresses stored with {@code role}, for re-extraction. */
    List<Entry> all(Role role) throws IOException {
        var out = new ArrayList<Entry>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".gz")).sorted().toList();
        }
        for (Path f : files) {
            read(f).filter(e -> e.role() == role).ifPresent(out::add);
        }
        out.sort(java.util.Comparator.comparing(Entry::url));
        return out;
    }

    private Path fileFor(String url) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(url.getBytes(StandardCharsets.UTF_8));
            return dir.resolve(HexFormat.of().formatHex(h, 0, 16) + ".gz");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int indexOf(byte[] a, byte b) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] == b) {
                return i;
            }
        }
        throw new IndexOutOfBoundsException("no metadata line");
    }
}
