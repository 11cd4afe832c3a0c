package org.painsearch.vectors;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Vectors already computed, keyed by a hash of the model name and the exact text, so a reindex embeds only text
 * that changed. Kept in one append-only file: a record is the 32-byte key then the vector's floats; a record cut
 * short by a crash is ignored.
 */
public final class EmbeddingCache implements AutoCloseable {
    private final Path file;
    private final int dimension;
    private final Map<String, float[]> vectors = new ConcurrentHashMap<>();
    private DataOutputStream out;

    private EmbeddingCache(Path file, int dimension) {
        this.file = file;
        this.dimension = dimension;
    }

    /** Opens (creating) the cache file {@code file} for vectors of {@code dimension}. */
    public static EmbeddingCache open(Path file, int dimension) throws IOException {
        var cache = new EmbeddingCache(file, dimension);
        org.painsearch.corpus.OwnerOnly.createDirectories(file.toAbsolutePath().getParent());
        if (Files.exists(file)) {
            cache.load();
        }
        return cache;
    }

    /** A cache held in memory only, for tests and one-off runs. */
    public static EmbeddingCache inMemory(int dimension) {
        return new EmbeddingCache(null, dimension);
    }

    /** The cache key of {@code text} for model {@code model}: SHA-256, hex. */
    public static String key(String model, String text) {
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            digest.update(model.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** The vector stored for {@code key}, or null. */
    public float[] get(String key) {
        return vectors.get(key);
    }

    /** Number of vectors held. */
    public int size() {
        return vectors.size();
    }

    /** Stores a vector and appends it to the file. */
    public synchronized void put(String key, float[] vector) throws IOException {
        if (vector.length != dimension) {
            throw new IllegalArgumentException("vector of " + vector.length + " floats, expected " + dimension);
        }
        if (vectors.putIfAbsent(key, vector) != null || file == null) {
            return;
        }
        if (out == null) {
            org.painsearch.corpus.OwnerOnly.createFile(file);
            out = new DataOutputStream(new java.io.BufferedOutputStream(Files.newOutputStream(file,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND)));
        }
        out.write(HexFormat.of().parseHex(key));
        for (float f : vector) {
            out.writeFloat(f);
        }
    }

    /** Writes what was added to disk. */
    public synchronized void flush() throws IOException {
        if (out != null) {
            out.flush();
        }
    }

    private void load() throws IOException {
        long good = 0;
        try (var in = new DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(file)))) {
            byte[] key = new byte[32];
            while (true) {
                float[] v = new float[dimension];
                try {
                    in.readFully(key);
                    for (int i = 0; i < dimension; i++) {
                        v[i] = in.readFloat();
                    }
                } catch (EOFException e) {
                    break;
                }
                vectors.put(HexFormat.of().formatHex(key), v);
                good += 32 + 4L * dimension;
            }
        }
        // A record cut short would shift every record appended after it; drop the stub first.
        if (Files.size(file) != good) {
            try (var ch = java.nio.channels.FileChannel.open(file, StandardOpenOption.WRITE)) {
                ch.truncate(good);
            }
        }
    }

    @Override
    public synchronized void close() throws IOException {
        if (out != null) {
            out.close();
            out = null;
        }
    }
}
