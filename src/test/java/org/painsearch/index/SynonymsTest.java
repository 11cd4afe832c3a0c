package org.painsearch.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SynonymsTest {
    private static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");

    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve("synonyms.txt");
    }

    /** Writes the rules and stamps the file {@code minutes} after T0, so every change is seen without waiting. */
    private void writeRules(String rules, int minutes) throws IOException {
        Files.writeString(file(), rules);
        Files.setLastModifiedTime(file(), FileTime.from(T0.plusSeconds(60L * minutes)));
    }

    private static java.util.List<String> terms(Synonyms synonyms, String text) {
        return Analysis.terms(synonyms.queryAnalyzer(), text);
    }

    @Test
    void missingFileMeansNoSynonyms() {
        var synonyms = new Synonyms(file());

        assertThat(terms(synonyms, "crps")).containsExactly("crp");
        assertThat(synonyms.problem()).isNull();
    }

    @Test
    void rulesFromTheFileExpandQueries() throws IOException {
        writeRules("crps, complex regional pain syndrome\n", 0);

        var synonyms = new Synonyms(file());

        assertThat(terms(synonyms, "crps")).containsExactlyInAnyOrder("crp", "complex", "region", "pain", "syndrom");
        assertThat(synonyms.problem()).isNull();
    }

    @Test
    void changedFileIsReloaded() throws IOException {
        writeRules("crps, complex regional pain syndrome\n", 0);
        var synonyms = new Synonyms(file());
        assertThat(terms(synonyms, "crps")).contains("syndrom");

        writeRules("crps, reflex sympathetic dystrophy\n", 1);

        assertThat(terms(synonyms, "crps")).containsExactlyInAnyOrder("crp", "reflex", "sympathet", "dystrophi");
        assertThat(synonyms.problem()).isNull();
    }

    @Test
    void fileCreatedLaterIsPickedUpAndDeletedFileMeansNoSynonymsAgain() throws IOException {
        var synonyms = new Synonyms(file());
        assertThat(terms(synonyms, "crps")).containsExactly("crp");

        writeRules("crps, reflex sympathetic dystrophy\n", 0);
        assertThat(terms(synonyms, "crps")).containsExactlyInAnyOrder("crp", "reflex", "sympathet", "dystrophi");

        Files.delete(file());
        assertThat(terms(synonyms, "crps")).containsExactly("crp");
        assertThat(synonyms.problem()).isNull();
    }

    @Test
    void brokenFileKeepsThePreviousRulesAndReportsTheProblemUntilFixed() throws IOException {
        writeRules("crps, complex regional pain syndrome\n", 0);
        var synonyms = new Synonyms(file());

        writeRules("crps, complex regional pain syndrome\nsleep => rest => nap\n", 1);

        assertThat(terms(synonyms, "crps")).containsExactlyInAnyOrder("crp", "complex", "region", "pain", "syndrom");
        assertThat(synonyms.problem()).isEqualTo(file() + ": Invalid synonym rule at line 2");

        writeRules("sleep, rest\n", 2);

        assertThat(terms(synonyms, "crps")).containsExactly("crp");
        assertThat(terms(synonyms, "sleep")).containsExactlyInAnyOrder("sleep", "rest");
        assertThat(synonyms.problem()).isNull();
    }

    @Test
    void brokenFileAtStartMeansNoSynonymsAndAProblem() throws IOException {
        Files.write(file(), new byte[] {'c', 'r', 'p', 's', ',', ' ', (byte) 0xE9, '\n'});

        var synonyms = new Synonyms(file());

        assertThat(terms(synonyms, "crps")).containsExactly("crp");
        assertThat(synonyms.problem()).startsWith(file() + ": is not valid UTF-8");
    }

    @Test
    void anAnalyzerHandedOutBeforeAReloadStillWorks() throws IOException {
        // A search takes the analyzer once and uses it several times (query, relaxed query, snippets, moments);
        // a reload triggered by a concurrent search must not break it halfway.
        writeRules("crps, complex regional pain syndrome\n", 0);
        var synonyms = new Synonyms(file());
        var inUse = synonyms.queryAnalyzer();
        assertThat(Analysis.terms(inUse, "crps")).contains("syndrom");

        writeRules("crps, reflex sympathetic dystrophy\n", 1);
        synonyms.queryAnalyzer();

        assertThat(Analysis.terms(inUse, "crps")).containsExactlyInAnyOrder("crp", "complex", "region", "pain",
                "syndrom");
    }
}
