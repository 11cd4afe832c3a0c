package org.painsearch.corpus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
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
        FileStamp now = of(md);
        long clock = TimeUnit.MILLISECONDS.toNanos(System.currentTimeMillis());
        return now == null || now.modified > clock - SETTLED_NANOS ? null : now;
    }

    /** The stamp of {@code md} and its transcript as they are now; null when the file is gone. */
    public static FileStamp of(Path md) throws IOException {
        try {
            var attrs = Files.readAttributes(md, BasicFileAttributes.class);
            long size = attrs.size();
            long modified = attrs.lastModifiedTime().to(TimeUnit.NANOSECONDS);
            String base = md.getFileName().toString().replaceFirst("\\.md$", "");
            for (String ext : List.of(".vtt", ".srt")) {
                Path t = md.resolveSibling(base + ext);
                if (Files.exists(t)) {
                    var ta = Files.readAttributes(t, BasicFileAttributes.class);
                    // The transcript's kind counts too: .vtt replaced by an .srt of the same size and time differs.
                    size += ta.size() + (ext.equals(".srt") ? 1L << 40 : 0);
                    modified = Math.max(modified, ta.lastModifiedTime().to(TimeUnit.NANOSECONDS));
                    break;
                }
            }
            return new FileStamp(size, modified);
        } catch (NoSuchFileException e) {
            return null;
        }
    }
}
