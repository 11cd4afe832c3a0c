package org.painsearch.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.painsearch.Libraries;
import org.painsearch.Repository;
import org.painsearch.app.Library;
import org.painsearch.corpus.CorpusStore;
import org.painsearch.engine.RankingMode;
import org.painsearch.engine.SearchRequest;
import org.painsearch.engine.SearchResponse;
import org.painsearch.engine.SortOrder;
import org.painsearch.index.IndexService;
import org.painsearch.vectors.Embeddings;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Whole answers on the bundled corpus, in both ranking modes, compared with answers recorded before search was made
 * faster: the same ids, order, totals, snippets, facets, moments and citing notes. Run with
 * {@code -Dpainsearch.golden.record=true} to record them again (only when an answer is meant to change).
 */
@Tag(Repository.TAG)
class SearchGoldenTest {
    private static final String GOLDEN = "search/golden-answers.json";
    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    /** A request as the test writes it: the query and what differs from a first page of ten by relevance. */
    private record Case(String query, List<String> types, List<String> tags, String year, SortOrder sort, int page,
                        int size) {
        Case(String query) {
            this(query, List.of(), List.of(), null, SortOrder.RELEVANCE, 1, 10);
        }

        SearchRequest request(RankingMode mode) {
            return new SearchRequest(query, types, tags, List.of(), year, sort, page, size, mode, false);
        }

        String name(RankingMode mode) {
            return mode + " " + query + " types=" + types + " tags=" + tags + " year=" + year + " sort=" + sort
                    + " page=" + page + " size=" + size;
        }
    }

    private static final List<Case> CASES = List.of(
            new Case("massage"),
            new Case("pain"),
            new Case("crps"),
            new Case("central sensitization"),
            new Case("\"gate control\""),
            new Case("mindfulness -opioid"),
            new Case("what helps fibromyalgia patients sleep better?"),
            new Case("does massage increase endorphins or is that a myth"),
            new Case("how do I explain chronic pain to a client who is afraid of bending"),
            new Case("slow stroking touch"),
            new Case("placebo naloxone"),
            new Case("tens"),
            new Case("breathing"),
            new Case("type:note pain"),
            new Case("cited:yes touch"),
            new Case("linked:central-sensitization"),
            new Case("tag:chronic-pain stress"),
            new Case("year:2015..2020 massage"),
            new Case("qwzx blorptangle"),
            new Case("", List.of("podcast"), List.of(), null, SortOrder.RELEVANCE, 1, 10),
            new Case("pain", List.of(), List.of(), null, SortOrder.DATE, 1, 10),
            new Case("pain", List.of(), List.of(), null, SortOrder.RELEVANCE, 2, 10),
            new Case("massage", List.of("article", "podcast"), List.of(), null, SortOrder.RELEVANCE, 1, 100),
            new Case("brain", List.of(), List.of("pain-science"), "2010..2024", SortOrder.DATE, 1, 5),
            new Case("wind-up temporal summation"),
            new Case("oxytocin hand holding"));

    @org.junit.jupiter.api.io.TempDir
    static Path dir;
    static Library library;

    @BeforeAll
    static void index() throws Exception {
        Path corpus = Repository.bundledCorpus(dir);
        library = Libraries.open(new CorpusStore(corpus), IndexService.openWritable(dir.resolve("index")),
                Clock.systemUTC(), Embeddings.open(dir.resolve("cache")), RankingMode.HYBRID);
        assertThat(library.rebuild(Library.Progress.NONE).problems()).isEmpty();
        library.engine().vectorsDone().join(); // words first, vectors in the background
        assertThat(library.engine().hasVectors()).isTrue();
    }

    @AfterAll
    static void close() throws IOException {
        library.close();
    }

    @Test
    void answersAreTheRecordedOnes() throws IOException {
        var answers = JSON.createObjectNode();
        for (RankingMode mode : RankingMode.values()) {
            for (Case c : CASES) {
                answers.set(c.name(mode), comparable(library.engine().search(c.request(mode))));
            }
        }
        Path golden = Repository.root().resolve("src/test/resources").resolve(GOLDEN);
        if (Boolean.getBoolean("painsearch.golden.record")) {
            Files.createDirectories(golden.getParent());
            Files.writeString(golden, JSON.writeValueAsString(answers) + "\n", StandardCharsets.UTF_8);
        }
        var recorded = JSON.readTree(Files.readString(golden, StandardCharsets.UTF_8));
        for (var name : recorded.propertyNames()) {
            assertThat(JSON.writeValueAsString(answers.get(name))).as(name)
                    .isEqualTo(JSON.writeValueAsString(recorded.get(name)));
        }
        assertThat(answers.propertyNames()).containsExactlyElementsOf(recorded.propertyNames());
    }

    // The answer without its time, scores to six digits (a vector's last bits may differ between machines), the
    // synonyms added sorted (they are gathered in an order that varies from run to run).
    private static JsonNode comparable(SearchResponse r) {
        ObjectNode tree = JSON.valueToTree(r);
        tree.remove("tookMs");
        if (r.details() != null) {
            var synonyms = ((ObjectNode) tree.get("details")).putArray("synonyms");
            r.details().synonyms().stream().sorted().forEach(synonyms::add);
        }
        for (int i = 0; i < r.hits().size(); i++) {
            var hit = (ObjectNode) tree.get("hits").get(i);
            hit.put("score", String.format(java.util.Locale.ROOT, "%.6g", r.hits().get(i).score()));
            // Recorded as escaped text with <mark>: the same passages and marks as the highlights hold now.
            var snippets = hit.putArray("snippets");
            r.hits().get(i).snippets().forEach(h -> snippets.add(h.render(Snippets::escape,
                    w -> Snippets.MARK_OPEN + Snippets.escape(w) + Snippets.MARK_CLOSE)));
        }
        return tree;
    }
}
