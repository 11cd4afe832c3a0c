package org.painsearch;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.painsearch.corpus.DocumentFuzzTest;
import org.painsearch.ingest.IngestFuzzTest;
import org.painsearch.search.QueryFuzzTest;
import org.painsearch.web.ApiFuzzTest;

/**
 * The suite's fuzz run: one JVM fuzzes every target (Jazzer fuzzes one test per run), the first byte of each input
 * choosing the query, document, ingest or API target. Each target also runs alone for longer (see README, Fuzzing).
 */
class AllInputsFuzzTest {
    @FuzzTest(maxDuration = "60s")
    void anyInput(FuzzedDataProvider data) {
        switch (data.consumeInt(0, 3)) {
            case 0 -> QueryFuzzTest.target(data);
            case 1 -> DocumentFuzzTest.target(data);
            case 2 -> IngestFuzzTest.target(data);
            default -> ApiFuzzTest.target(data);
        }
    }
}
