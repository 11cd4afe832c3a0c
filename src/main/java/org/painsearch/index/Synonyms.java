package org.painsearch.index;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.text.ParseException;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.painsearch.corpus.TextFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The query analyzer with synonyms from a Solr-format file, reloaded when the file changes, so editing
 * {@code corpus/synonyms.txt} takes effect on the next search without a reindex. A broken file keeps the
 * last good rules and reports the problem.
 */
public final class Synonyms {
    private static final Logger LOG = LoggerFactory.getLogger(Synonyms.class);

    private final Path file;
    private volatile Loaded current = new Loaded(null, Analysis.queryAnalyzer(null), null);

    public Synonyms(Path file) {
        this.file = file;
        reloadIfChanged();
    }

    private record Loaded(FileTime stamp, Analyzer analyzer, String problem) {
    }

    /** The query analyzer with the newest good rules. */
    public Analyzer queryAnalyzer() {
        reloadIfChanged();
        return current.analyzer();
    }

    /** Why the synonym file could not be used, or null when it is fine. */
    public String problem() {
        return current.problem();
    }

    private void reloadIfChanged() {
        FileTime stamp;
        try {
            stamp = Files.isRegularFile(file) ? Files.getLastModifiedTime(file) : null;
        } catch (IOException e) {
            stamp = null;
        }
        Loaded seen = current;
        if (java.util.Objects.equals(stamp, seen.stamp())) {
            return;
        }
        synchronized (this) {
            if (!java.util.Objects.equals(stamp, current.stamp())) {
                current = load(stamp);
            }
        }
    }

    private Loaded load(FileTime stamp) {
        if (stamp == null) {
            return new Loaded(null, Analysis.queryAnalyzer(null), null);
        }
        try {
            SynonymMap map = parse(TextFiles.readUtf8(file, TextFiles.DEFAULT_MAX_BYTES));
            // The old analyzer is left to the garbage collector, not closed: a search may still be using it.
            return new Loaded(stamp, Analysis.queryAnalyzer(map), null);
        } catch (IOException | ParseException | IllegalArgumentException e) {
            String problem = file + ": " + e.getMessage();
            LOG.warn("synonyms not reloaded: {}", problem);
            return new Loaded(stamp, current.analyzer(), problem);
        }
    }

    /** Parses Solr-format synonym rules ({@code a, b, c} and {@code a => b}). */
    public static SynonymMap parse(String rules) throws IOException, ParseException {
        try (Analyzer ruleAnalyzer = Analysis.synonymRuleAnalyzer()) {
            var parser = new SolrSynonymParser(true, true, ruleAnalyzer);
            parser.parse(new StringReader(rules));
            return parser.build();
        }
    }
}
