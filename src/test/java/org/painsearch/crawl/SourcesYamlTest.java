package org.painsearch.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sources.yaml} stays readable after painsearch adds to it: no anchors or aliases, a person's comments kept. */
class SourcesYamlTest {
    @TempDir
    Path dir;

    @Test
    void aFreshFileHasNoAnchorsEvenWhenListsAreEmpty() throws Exception {
        Path file = dir.resolve("sources.yaml");

        SourcesFile.add(file, List.of(new Seed("https://clinic.example/notes/", Seed.Scope.PATH, 2)), List.of());
        SourcesFile.add(file, List.of(), List.of("https://pod.example/feed.xml"));

        String yaml = Files.readString(file);
        assertThat(yaml).doesNotContain("&id", "*id", "&", "*");
        assertThat(yaml).contains("- url: https://clinic.example/notes/", "scope: path", "max-depth: 2",
                "- https://pod.example/feed.xml");
        assertThat(SourcesFile.read(file).feeds()).containsExactly("https://pod.example/feed.xml");
    }

    @Test
    void commentsAPersonWroteAreKeptWhenSourcesAreAdded() throws Exception {
        Path file = Files.writeString(dir.resolve("sources.yaml"), """
                # My reading list for the clinic.
                seeds:
                  # The pain science blog I trust most.
                  - url: https://blog.example/pain/
                    scope: path
                    max-depth: 2
                feeds:
                  - https://pod.example/one.xml  # the Tuesday show
                sitemaps: []
                """);

        int added = SourcesFile.add(file, List.of(new Seed("https://other.example/", Seed.Scope.HOST, 1)),
                List.of("https://pod.example/two.xml"));

        String yaml = Files.readString(file);
        assertThat(added).isEqualTo(2);
        assertThat(yaml).contains("# My reading list for the clinic.", "# The pain science blog I trust most.",
                "# the Tuesday show").doesNotContain("&", "*");
        var s = SourcesFile.read(file);
        assertThat(s.seeds()).extracting(Seed::url).containsExactly("https://blog.example/pain/", "https://other.example/");
        assertThat(s.feeds()).containsExactly("https://pod.example/one.xml", "https://pod.example/two.xml");
        assertThat(s.sitemaps()).isEmpty();
    }

    @Test
    void aFileWithAnchorsIsWrittenBackWithoutThem() throws Exception {
        Path file = Files.writeString(dir.resolve("sources.yaml"), """
                feeds: &shared
                  - https://pod.example/one.xml
                sitemaps: []
                seeds: []
                """);

        SourcesFile.add(file, List.of(), List.of("https://pod.example/two.xml"));

        assertThat(Files.readString(file)).doesNotContain("&shared", "*shared");
        assertThat(SourcesFile.read(file).feeds()).containsExactly("https://pod.example/one.xml",
                "https://pod.example/two.xml");
    }
}
