package org.painsearch.crawl;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** One crawl at a time per corpus: two would interleave their state journals and documents. */
final class CrawlLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private CrawlLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static CrawlLock acquire(Path crawlDir) throws IOException {
        Files.createDirectories(crawlDir);
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
