package org.painsearch.crawl;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** One crawl at a time per corpus: two would interleave their state journals and documents. */
public final class CrawlLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private CrawlLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** True when a crawl (in this process or another) holds the lock of {@code crawlDir} now. */
    public static boolean isHeld(Path crawlDir) throws IOException {
        Path file = crawlDir.resolve("crawl.lock");
        if (!Files.exists(file)) {
            return false;
        }
        try (var channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            FileLock probe = channel.tryLock();
            if (probe == null) {
                return true;
            }
            probe.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true;
        }
    }

    static CrawlLock acquire(Path crawlDir) throws IOException {
        org.painsearch.corpus.OwnerOnly.createFile(crawlDir.resolve("crawl.lock"));
        var channel = FileChannel.open(crawlDir.resolve("crawl.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            throw new IOException("another crawl is running on " + crawlDir.getParent()
                    + "; wait for it to finish (or stop it), then try again");
        }
        return new CrawlLock(channel, lock);
    }

    @Override
    public void close() throws IOException {
        lock.release();
        channel.close();
    }
}
