package org.painsearch.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.util.LinkedHashMap;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrontMatterTest {
    @Test
    void splitsFieldsFromBody() {
        var parts = FrontMatter.parse("""
                ---
                title: "Pain mechanisms: a new theory"
                tags: [pain-science, gate-control]
                published: 1965
                ---
                Melzack and Wall proposed a spinal gate.
                """);

        assertThat(parts.fields()).containsExactly(
                entry("title", "Pain mechanisms: a new theory"),
                entry("tags", List.of("pain-science", "gate-control")),
                entry("published", 1965));
        assertThat(parts.body()).isEqualTo("Melzack and Wall proposed a spinal gate.\n");
    }

    @Test
    void textWithoutFrontMatterIsAllBody() {
        String text = """
                Just a note about sleep.
                ---
                title: not front matter
                """;

        var parts = FrontMatter.parse(text);

        assertThat(parts.fields()).isEmpty();
        assertThat(parts.body()).isEqualTo(text);
    }

    @Test
    void dashesThatAreNotAFenceLineAreBody() {
        var parts = FrontMatter.parse("--- a heading rule\ntitle: x\n---\n");

        assertThat(parts.fields()).isEmpty();
        assertThat(parts.body()).isEqualTo("--- a heading rule\ntitle: x\n---\n");
    }

    @Test
    void emptyFrontMatterHasNoFields() {
        var parts = FrontMatter.parse("---\n---\nBody\n");

        assertThat(parts.fields()).isEmpty();
        assertThat(parts.body()).isEqualTo("Body\n");
    }

    @Test
    void leadingByteOrderMarkIsIgnored() {
        var parts = FrontMatter.parse("\uFEFF---\ntitle: Sleep and pain\n---\nBody\n");

        assertThat(parts.fields()).containsExactly(entry("title", "Sleep and pain"));
        assertThat(parts.body()).isEqualTo("Body\n");
    }

    @Test
    void windowsLineEndingsAreRead() {
        var parts = FrontMatter.parse("---\r\ntitle: Sleep and pain\r\ntags: [sleep]\r\n---\r\nBody\r\n");

        assertThat(parts.fields()).containsExactly(entry("title", "Sleep and pain"), entry("tags", List.of("sleep")));
        assertThat(parts.body()).isEqualTo("Body\r\n");
    }

    @Test
    void yamlDocumentEndMarkerClosesFrontMatter() {
        var parts = FrontMatter.parse("---\ntitle: Sleep\n...\nBody\n");

        assertThat(parts.fields()).containsExactly(entry("title", "Sleep"));
        assertThat(parts.body()).isEqualTo("Body\n");
    }

    @Test
    void closingFenceAtEndOfTextLeavesAnEmptyBody() {
        var parts = FrontMatter.parse("---\ntitle: Sleep\n---");

        assertThat(parts.fields()).containsExactly(entry("title", "Sleep"));
        assertThat(parts.body()).isEmpty();
    }

    @Test
    void missingClosingFenceIsAReadableError() {
        assertThatThrownBy(() -> FrontMatter.parse("---\ntitle: Sleep\nBody without a fence\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("front matter starts with '---' but has no closing '---' line");
    }

    @Test
    void invalidYamlIsAReadableOneLineError() {
        assertThatThrownBy(() -> FrontMatter.parse("---\ntitle: [unclosed\n---\nBody\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("front matter is not valid YAML: ")
                .hasMessageContaining("line 1, column 8")
                .hasMessageNotContaining("\n");
    }

    @Test
    void duplicateKeysAreInvalidYaml() {
        assertThatThrownBy(() -> FrontMatter.parse("---\ntitle: a\ntitle: b\n---\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("front matter is not valid YAML: ")
                .hasMessageContaining("duplicate key title");
    }

    @Test
    void aListOrAScalarIsNotFrontMatter() {
        assertThatThrownBy(() -> FrontMatter.parse("---\n- pain\n- sleep\n---\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("front matter must be a YAML mapping of keys to values");
        assertThatThrownBy(() -> FrontMatter.parse("---\njust words\n---\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("front matter must be a YAML mapping of keys to values");
    }

    @Test
    void renderLeavesOutNullAndBlankValuesAndWritesListsAsBlocks() {
        var fields = new LinkedHashMap<String, Object>();
        fields.put("id", "gate-control");
        fields.put("title", "Pain mechanisms: a new theory");
        fields.put("url", null);
        fields.put("authors", List.of("Ronald Melzack", "Patrick Wall"));
        fields.put("source", "  ");
        fields.put("episode", "1");
        fields.put("tags", List.of("pain-science"));

        String text = FrontMatter.render(fields, "\n\nTouch closes a spinal gate.\n\n");

        assertThat(text).isEqualTo("""
                ---
                id: gate-control
                title: 'Pain mechanisms: a new theory'
                authors:
                - Ronald Melzack
                - Patrick Wall
                episode: '1'
                tags:
                - pain-science
                ---
                Touch closes a spinal gate.
                """);
    }

    @Test
    void renderThenParseGivesTheSameFieldsAndBody() {
        var fields = new LinkedHashMap<String, Object>();
        fields.put("id", "pod-touch");
        fields.put("title", "Touch: the brain's view");
        fields.put("authors", List.of("Lena Varga", "Tom O'Neill"));
        fields.put("audio", null);
        fields.put("duration", "00:40:00");
        fields.put("episode", "12");
        fields.put("doi", "");
        fields.put("tags", List.of("affective-touch", "c-tactile"));

        var parts = FrontMatter.parse(FrontMatter.render(fields, "Show notes.\n\n- 00:12:30 Slow stroking\n"));

        assertThat(parts.fields()).containsExactly(
                entry("id", "pod-touch"),
                entry("title", "Touch: the brain's view"),
                entry("authors", List.of("Lena Varga", "Tom O'Neill")),
                entry("duration", "00:40:00"),
                entry("episode", "12"),
                entry("tags", List.of("affective-touch", "c-tactile")));
        assertThat(parts.body()).isEqualTo("Show notes.\n\n- 00:12:30 Slow stroking\n");
    }
}
