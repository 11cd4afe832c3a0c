package org.painsearch.corpus;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads text files strictly: refuses binary content, invalid UTF-8 and files over a size cap, saying where. */
public final class TextFiles {
    /** The largest file read by default: 10 MB. */
    public static final long DEFAULT_MAX_BYTES = 10L * 1024 * 1024;

    private TextFiles() {
    }

    /** Reads a whole file as UTF-8, with a readable {@link IOException} for each way it can be unfit. */
    public static String readUtf8(Path file, long maxBytes) throws IOException {
        return decodeUtf8(readBytes(file, maxBytes), file.toString());
    }

    /** Reads at most {@code maxBytes} bytes, refusing larger files before reading them. */
    public static byte[] readBytes(Path file, long maxBytes) throws IOException {
        long size = Files.size(file);
        if (size > maxBytes) {
            throw new IOException("file is too large (" + readableSize(size) + "; the limit is " + readableSize(maxBytes) + ")");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes((int) Math.min(maxBytes, Integer.MAX_VALUE - 8));
        }
    }

    /** A size as people read it: bytes, KB or MB. */
    static String readableSize(long bytes) {
        if (bytes < 1024) {
            return bytes + " bytes";
        }
        if (bytes < 1024 * 1024) {
            return String.format(java.util.Locale.ROOT, "%.1f KB", bytes / 1024.0);
        }
        return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / 1048576.0);
    }

    /** Decodes UTF-8 strictly; binary data and invalid byte sequences are refused with their offset. */
    public static String decodeUtf8(byte[] bytes, String where) throws IOException {
        int probe = Math.min(bytes.length, 8192);
        for (int i = 0; i < probe; i++) {
            if (bytes[i] == 0) {
                throw new IOException("looks like a binary file (NUL byte at offset " + i + "), not text");
            }
        }
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        var buf = ByteBuffer.wrap(bytes);
        try {
            String text = decoder.decode(buf).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (MalformedInputException e) {
            int offset = buf.position();
            throw new IOException("is not valid UTF-8 (bad byte sequence at byte " + offset + ", line "
                    + lineAt(bytes, offset) + ")");
        } catch (CharacterCodingException e) {
            throw new IOException("is not valid UTF-8: " + e.getMessage());
        }
    }

    private static int lineAt(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }
}
