package org.painsearch.corpus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A short fingerprint of a file's content: it changes with every save, from painsearch or any editor. */
public final class ContentVersion {
    private ContentVersion() {
    }

    /** The first 16 hex digits of the SHA-256 of the file's bytes. */
    public static String of(Path file) throws IOException {
        return of(Files.readAllBytes(file));
    }

    /** The first 16 hex digits of the SHA-256 of {@code bytes}. */
    static String of(byte[] bytes) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(bytes);
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /**
     * The version of a corpus document as the index records it: its Markdown file's, plus its transcript's when a
     * {@code .vtt} or {@code .srt} file sits beside it (a new transcript changes the document's segments).
     */
    public static String ofDocument(Path md) throws IOException {
        Path transcript = CorpusStore.transcriptBeside(md);
        return ofDocument(Files.readAllBytes(md), transcript, transcript == null ? null : Files.readAllBytes(transcript));
    }

    /** As {@link #ofDocument(Path)}, of bytes already read: the Markdown file's, and the transcript's (or null). */
    static String ofDocument(byte[] md, Path transcript, byte[] transcriptBytes) {
        if (transcript == null) {
            return of(md);
        }
        String name = transcript.getFileName().toString();
        return of(md) + name.substring(name.lastIndexOf('.')) + of(transcriptBytes);
    }
}
