package org.painsearch.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.painsearch.Required;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes what the extractor finds in each page of {@code ../shared/extraction}: the body to {@code OUT/NAME.txt}
 * and title, author and date to {@code OUT/meta.json}, for the set's own {@code score.py}. Run by
 * {@code bench/extraction.sh}, which then scores; {@code OUT} is the system property {@code extraction.out}.
 */
@Tag("benchmark")
class ExtractionSetRun {
    @Test
    void writePredictions() throws IOException {
        Path set = Required.shared("extraction", "the extraction set");
        Path out = Path.of(System.getProperty("extraction.out", "target/extraction"));
        write(set, out);
    }

    static void write(Path set, Path out) throws IOException {
        Files.createDirectories(out);
        var meta = new LinkedHashMap<String, Map<String, String>>();
        long started = System.nanoTime();
        int pages = 0;
        for (var page : ExtractionSet.load(set)) {
            Extracted x = HtmlExtractor.extract(page.html(), page.url());
            // A page judged not to be an article gives no text, as the product stores none for it.
            boolean article = x.kind() instanceof PageKind.Article;
            if (!article) {
                System.out.println(page.name() + ": " + ((PageKind.NotArticle) x.kind()).describe());
            }
            Files.writeString(out.resolve(page.name() + ".txt"), article ? x.markdown() : "", StandardCharsets.UTF_8);
            var m = new LinkedHashMap<String, String>();
            m.put("title", x.title());
            m.put("author", String.join(", ", x.authors()));
            m.put("published", x.published() == null ? null : x.published().toString());
            meta.put(page.name(), m);
            pages++;
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        JsonMapper.builder().build().writeValue(out.resolve("meta.json").toFile(), meta);
        System.out.printf("extracted %d pages in %d ms into %s%n", pages, millis, out.toAbsolutePath());
    }

    /** Runs outside Maven: {@code java ... ExtractionSetRun SET_DIR OUT_DIR}. */
    public static void main(String[] args) throws IOException {
        write(Path.of(args[0]), Path.of(args[1]));
    }
}
