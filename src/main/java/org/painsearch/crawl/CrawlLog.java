package org.painsearch.crawl;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import tools.jackson.databind.json.JsonMapper;

/** Appends one JSON line per address outcome to {@code corpus/.crawl/log.jsonl}: time, address, outcome, reason, documents. */
final class CrawlLog implements AutoCloseable {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final BufferedWriter out;

    CrawlLog(Path file) throws IOException {
        org.painsearch.corpus.OwnerOnly.createFile(file);
        out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    synchronized void append(UrlOutcome o) {
        var line = new LinkedHashMap<String, Object>();
        line.put("time", Instant.now().toString());
        line.put("url", o.url());
        line.put("outcome", o.status());
        switch (o) {
            case UrlOutcome.Fetched f -> line.put("kind", f.kind());
            case UrlOutcome.Unchanged u -> line.put("kind", u.kind());
            case UrlOutcome.Skipped k when k.kind() != null -> line.put("kind", k.kind());
            default -> {
            }
        }
        line.put("reason", o.reason());
        if (!o.documents().isEmpty()) {
            line.put("documents", o.documents());
        }
        try {
            out.write(JSON.writeValueAsString(line));
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to the crawl log: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() throws IOException {
        out.close();
    }
}
