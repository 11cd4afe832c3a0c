package org.painsearch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The web page, the command line, notes and evaluation depend on the engine seam only: no Lucene, no index or search
 * internals, no embedded engine. Read from the source files (comments and string literals left out), so a fully
 * qualified name counts as much as an import.
 */
class ArchitectureTest {
    private static final Path MAIN = Path.of("src/main/java/org/painsearch");
    private static final List<String> ON_THE_SEAM_ONLY = List.of("web", "cli", "notes", "eval");
    private static final Pattern FORBIDDEN = Pattern.compile(
            "\\borg\\.apache\\.lucene\\.|\\borg\\.painsearch\\.(index|search|engine\\.lucene)\\.");
    // Files allowed past the seam, each with its reason; none is needed (bench, which measures bare Lucene by
    // design, is its own package, and its command only passes options to it).
    private static final List<String> EXCEPTIONS = List.of();
    private static final Pattern COMMENTS_AND_STRINGS = Pattern.compile(
            "(?s)/\\*.*?\\*/|//[^\\n]*|\"\"\"(?:.|\\n)*?\"\"\"|\"(?:\\\\.|[^\"\\\\])*\"|'(?:\\\\.|[^'\\\\])'");

    @Test
    void webCliNotesAndEvalReachTheIndexOnlyThroughTheEngine() throws IOException {
        var offenders = new ArrayList<String>();
        for (String pkg : ON_THE_SEAM_ONLY) {
            try (Stream<Path> files = Files.walk(MAIN.resolve(pkg))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    String name = MAIN.relativize(file).toString().replace('\\', '/');
                    if (EXCEPTIONS.contains(name)) {
                        continue;
                    }
                    var m = FORBIDDEN.matcher(code(file));
                    while (m.find()) {
                        offenders.add(name + " uses " + m.group());
                    }
                }
            }
        }
        assertThat(offenders).as("classes that must use org.painsearch.engine only").isEmpty();
    }

    @Test
    void theScanSeesAQualifiedNameButNotOneInACommentOrString() {
        String source = """
                // org.apache.lucene.search.Query in a comment
                String s = "org.painsearch.index.Fields";
                var x = org.painsearch.search.SearchService.class;
                """;
        var m = FORBIDDEN.matcher(COMMENTS_AND_STRINGS.matcher(source).replaceAll(" "));
        assertThat(m.find()).isTrue();
        assertThat(m.group()).isEqualTo("org.painsearch.search.");
        assertThat(m.find()).isFalse();
    }

    private static String code(Path file) throws IOException {
        return COMMENTS_AND_STRINGS.matcher(Files.readString(file, StandardCharsets.UTF_8)).replaceAll(" ");
    }
}
