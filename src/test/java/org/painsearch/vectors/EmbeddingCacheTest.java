package org.painsearch.vectors;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.painsearch.corpus.DocType;
import org.painsearch.corpus.Document;

class EmbeddingCacheTest {
    @TempDir
    Path dir;

    /** Counts the texts it is asked to embed; a text's vector is its length in every dimension. */
    static final class CountingEmbedder implements Embedder {
        final List<String> seen = new ArrayList<>();

        @Override
        public List<float[]> embed(List<String> texts) {
            seen.addAll(texts);
            return texts.stream().map(t -> new float[] {t.length(), t.length(), t.length()}).toList();
        }

        @Override
        public int dimension() {
            return 3;
        }

        @Override
        public String name() {
            return "counting";
        }
    }

    private static Document doc(String id, String body) {
        return new Document(id, DocType.ARTICLE, "Title " + id, null, List.of(), null, null, List.of(), null, null, null,
                body, List.of(), null);
    }

    @Test
    void aSecondRunEmbedsOnlyChangedText() throws Exception {
        Path file = dir.resolve("c.vectors");
        var first = new CountingEmbedder();
        try (var e = new Embeddings(first, EmbeddingCache.open(file, 3))) {
            var v = e.vectorsFor(List.of(doc("a", "slow stroking"), doc("b", "pins and needles")), n -> { });
            assertThat(v.get("a")).hasSize(1);
            assertThat(v.get("a").get(0)).containsExactly(22f, 22f, 22f);
        }
        assertThat(first.seen).containsExactly("Title a. slow stroking", "Title b. pins and needles");

        var second = new CountingEmbedder();
        try (var e = new Embeddings(second, EmbeddingCache.open(file, 3))) {
            e.vectorsFor(List.of(doc("a", "slow stroking"), doc("b", "tingling")), n -> { });
            assertThat(e.counts()).containsExactly(1L, 1L);
        }
        assertThat(second.seen).containsExactly("Title b. tingling");
    }

    @Test
    void aRecordCutShortByACrashIsDropped() throws Exception {
        Path file = dir.resolve("c.vectors");
        try (var cache = EmbeddingCache.open(file, 3)) {
            cache.put(EmbeddingCache.key("m", "one"), new float[] {1, 2, 3});
        }
        Files.write(file, new byte[] {1, 2, 3, 4, 5}, StandardOpenOption.APPEND);
        try (var cache = EmbeddingCache.open(file, 3)) {
            assertThat(cache.size()).isEqualTo(1);
            cache.put(EmbeddingCache.key("m", "two"), new float[] {4, 5, 6});
        }
        try (var cache = EmbeddingCache.open(file, 3)) {
            assertThat(cache.get(EmbeddingCache.key("m", "two"))).containsExactly(4f, 5f, 6f);
            assertThat(cache.get(EmbeddingCache.key("m", "one"))).containsExactly(1f, 2f, 3f);
        }
        assertThat(Files.size(file)).isEqualTo(2 * (32 + 12));
    }

    @Test
    void longTextBecomesOverlappingPassagesLedByTheTitle() {
        String text = String.join(" ", java.util.Collections.nCopies(250, "word"));
        var passages = Passages.split("T", text);
        // Windows of 120 words every 100 words: 0-119, 100-219, 200-249.
        assertThat(passages).hasSize(3);
        assertThat(passages).allMatch(p -> p.startsWith("T. word"));
        assertThat(passages.get(2).split(" ")).hasSize(1 + 50);
        assertThat(Passages.split("Only a title", " ")).containsExactly("Only a title");
    }
}
