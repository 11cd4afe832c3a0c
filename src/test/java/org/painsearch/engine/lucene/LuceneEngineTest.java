package org.painsearch.engine.lucene;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import org.painsearch.engine.Engine;
import org.painsearch.engine.EngineConfig;
import org.painsearch.engine.EngineContract;
import org.painsearch.engine.Engines;
import org.painsearch.engine.RankingMode;

/** The embedded engine keeps the engine contract, opened the way every entry point opens it. */
class LuceneEngineTest extends EngineContract {
    @Override
    protected Engine open(Path dir, Set<String> bookmarked) throws IOException {
        var config = EngineConfig.of(dir.resolve("index"), dir.resolve("corpus"), RankingMode.BM25);
        return Engines.open(config, () -> bookmarked, message -> { });
    }
}
