package org.painsearch.search;

import org.painsearch.engine.UserQuery;
import org.painsearch.engine.RankingMode;
import org.painsearch.engine.SortOrder;
import org.painsearch.engine.SearchRequest;
import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;
import org.painsearch.FuzzLibrary;
import org.painsearch.app.Library;

/** Fuzzes query reading and searching: any text and parameters give results or a readable refusal, never a crash. */
public class QueryFuzzTest {
    // One small library for the whole run: building it per input would leave no time for fuzzing.
    private static final class Shared {
        static final Library LIBRARY = FuzzLibrary.open("query");
    }

    /** One input: a query and request parameters, parsed, checked and searched. */
    public static void target(FuzzedDataProvider data) {
        String query = data.consumeString(300);
        List<String> types = List.of(data.consumeString(20));
        List<String> tags = List.of(data.consumeString(20));
        String year = data.consumeBoolean() ? data.consumeString(12) : null;
        SortOrder sort = data.consumeBoolean() ? SortOrder.DATE : SortOrder.RELEVANCE;
        int page = data.consumeInt(-2, 1200);
        int size = data.consumeInt(-2, 120);
        UserQuery.parse(query);
        try {
            SearchLimits.checkExpansions(query);
            var request = new SearchRequest(query, types, tags, List.of(data.consumeRemainingAsString()), year, sort, page,
                    size, RankingMode.BM25, data.consumeBoolean());
            Shared.LIBRARY.engine().search(request);
        } catch (IllegalArgumentException refused) {
            // a readable refusal of the request (a limit, a malformed filter given outside the query)
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @FuzzTest(maxDuration = "30s")
    @DictionaryEntries({"type:", "tag:", "author:", "source:", "year:", "cited:", "linked:", "is:", "\"", "*", "?",
            "~", "AND", "OR", "NOT", "(", ")", "..", "-", "+", "title:", "body:", "/", "\\", "^", "[", "]", "{", "}"})
    void query(FuzzedDataProvider data) {
        target(data);
    }
}
