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
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
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
        String base = md.getFileName().toString().replaceFirst("\\.md$", "");
        for (String ext : java.util.List.of(".vtt", ".srt")) {
            Path t = md.resolveSibling(base + ext);
            if (Files.exists(t)) {
                return of(md) + ext + of(t);
            }
        }
        return of(md);
    }
}
