package org.painsearch.corpus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.TimeUnit;

/**
 * The size and modification time of a corpus document's files (its Markdown file and any transcript beside it),
 * recorded beside its content version so reconciliation hashes only files whose stamp changed.
 *
 * @param size     bytes of the files together
 * @param modified the latest modification time among them, in nanoseconds since the epoch
 */
public record FileStamp(long size, long modified) {
    /** What the index records in place of a stamp it does not trust. */
    public static final long NO_STAMP = -1;

    // A file modified this recently may be modified again within the same clock tick of its file system (ext4
    // ticks in milliseconds, FAT in two seconds) without its stamp changing: such a file gets no stamp, so it is
    // hashed next time rather than trusted.
    private static final long SETTLED_NANOS = TimeUnit.SECONDS.toNanos(3);

    /**
     * The stamp of {@code md}, taken before its content is read so that a later edit always changes it; null when
     * the file changed too recently to be trusted by its stamp alone, or is gone.
     */
    public static FileStamp settled(Path md) throws IOException {
        return settled(md, CorpusStore.transcriptBeside(md));
    }

    /** As {@link #settled(Path)}, for a document whose transcript (or null) is already known. */
    static FileStamp settled(Path md, Path transcript) throws IOException {
        FileStamp now = of(md, transcript);
        long clock = TimeUnit.MILLISECONDS.toNanos(System.currentTimeMillis());
        return now == null || now.modified > clock - SETTLED_NANOS ? null : now;
    }

    /** The stamp of {@code md} and its transcript as they are now; null when the file is gone. */
    public static FileStamp of(Path md) throws IOException {
        return of(md, CorpusStore.transcriptBeside(md));
    }

    private static FileStamp of(Path md, Path transcript) throws IOException {
        try {
            var attrs = Files.readAttributes(md, BasicFileAttributes.class);
            long size = attrs.size();
            long modified = attrs.lastModifiedTime().to(TimeUnit.NANOSECONDS);
            if (transcript != null) {
                var ta = Files.readAttributes(transcript, BasicFileAttributes.class);
                // The transcript's kind counts too: .vtt replaced by an .srt of the same size and time differs.
                size += ta.size() + (transcript.getFileName().toString().endsWith(".srt") ? 1L << 40 : 0);
                modified = Math.max(modified, ta.lastModifiedTime().to(TimeUnit.NANOSECONDS));
            }
            return new FileStamp(size, modified);
        } catch (NoSuchFileException e) {
            return null;
        }
    }
}
