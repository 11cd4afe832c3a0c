package org.painsearch.index;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.FilterDirectory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexOutput;
import org.apache.lucene.store.Lock;
import org.painsearch.corpus.OwnerOnly;

/**
 * An index folder only its owner can read: the index holds note text in clear, as the note files do. The folder is
 * 0700 and every file Lucene writes 0600, whatever the umask.
 */
final class OwnerOnlyDirectory extends FilterDirectory {
    private final Path path;

    private OwnerOnlyDirectory(FSDirectory in) {
        super(in);
        this.path = in.getDirectory();
    }

    /** Opens {@code dir} (created 0700 when missing), making what is already there owner-only too. */
    static OwnerOnlyDirectory open(Path dir) throws IOException {
        OwnerOnly.createDirectories(dir);
        OwnerOnly.restrictTree(dir);
        return new OwnerOnlyDirectory(FSDirectory.open(dir));
    }

    @Override
    public IndexOutput createOutput(String name, IOContext context) throws IOException {
        IndexOutput out = super.createOutput(name, context);
        OwnerOnly.restrict(path.resolve(out.getName()));
        return out;
    }

    @Override
    public Lock obtainLock(String name) throws IOException {
        Lock lock = super.obtainLock(name);
        OwnerOnly.restrict(path.resolve(name));
        return lock;
    }

    @Override
    public IndexOutput createTempOutput(String prefix, String suffix, IOContext context) throws IOException {
        IndexOutput out = super.createTempOutput(prefix, suffix, context);
        OwnerOnly.restrict(path.resolve(out.getName()));
        return out;
    }
}
