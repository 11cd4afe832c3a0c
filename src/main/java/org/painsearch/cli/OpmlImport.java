package org.painsearch.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.painsearch.corpus.TextFiles;
import org.painsearch.crawl.SourcesFile;
import org.painsearch.ingest.Opml;

/** {@code painsearch import feeds.opml}: adds the feeds of podcast subscriptions to corpus/sources.yaml. */
final class OpmlImport {
    private OpmlImport() {
    }

    /** Adds the feeds of each OPML file, printing one line per file; returns how many files failed. */
    static int addFeeds(List<Path> files, Path corpusDir, PrintWriter out) throws IOException {
        int failed = 0;
        Path sources = corpusDir.resolve(SourcesFile.NAME);
        for (Path file : files) {
            try {
                if (!Files.isRegularFile(file)) {
                    throw new IOException("no such file");
                }
                var feeds = new ArrayList<String>();
                for (var outline : Opml.parse(TextFiles.readBytes(file, TextFiles.DEFAULT_MAX_BYTES))) {
                    feeds.add(outline.feedUrl());
                }
                int added = SourcesFile.add(sources, List.of(), feeds);
                out.printf("%-9s %s: %d feed(s), %d new in %s%n", "imported", file, feeds.size(), added, sources);
            } catch (IOException | IllegalArgumentException e) {
                failed++;
                out.printf("%-9s %s: %s%n", "failed", file, e.getMessage());
            }
            out.flush();
        }
        return failed;
    }
}
