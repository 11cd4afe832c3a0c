package org.painsearch.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.painsearch.TestCorpus;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** painsearch.yaml: the settings that have an environment variable, under their flags' names, below flag and variable. */
class ConfigFileTest {
    @TempDir
    Path home;

    private Path write(String yaml) throws Exception {
        return Files.writeString(home.resolve(ConfigFile.NAME), yaml);
    }

    private static CommandLine parsed(ConfigFile config, String... args) {
        var cl = Main.newCommandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), config);
        cl.parseArgs(args);
        return cl.getSubcommands().get(args[0]);
    }

    private static Object value(CommandLine command, String option) {
        return command.getCommandSpec().findOption(option).getValue();
    }

    @Test
    void theFileSetsWhatTheCommandLineLeavesOutAndAFlagStillWins() throws Exception {
        write("""
                # the clinic's settings
                backend: opensearch
                opensearch-url: http://127.0.0.1:9200
                opensearch-index: clinic
                ranking: bm25
                port: 8181
                corpus: data/corpus
                index: /srv/painsearch/index
                import-root:
                  - inbox
                  - /mnt/papers
                """);
        var config = ConfigFile.load(Map.of(), home);
        assertThat(config.file()).isEqualTo(home.resolve(ConfigFile.NAME).toAbsolutePath().normalize());

        var serve = parsed(config, "serve");
        assertThat(value(serve, "--backend")).isEqualTo("opensearch");
        assertThat(value(serve, "--opensearch-url")).isEqualTo("http://127.0.0.1:9200");
        assertThat(value(serve, "--opensearch-index")).isEqualTo("clinic");
        assertThat(value(serve, "--ranking")).isEqualTo("bm25");
        assertThat(value(serve, "--port")).isEqualTo(8181);
        // Relative paths are read from the file's folder, not from wherever the command runs.
        Path base = home.toAbsolutePath().normalize();
        assertThat(value(serve, "--corpus")).isEqualTo(base.resolve("data/corpus"));
        assertThat(value(serve, "--index")).isEqualTo(Path.of("/srv/painsearch/index"));
        assertThat(value(serve, "--import-root")).isEqualTo(List.of(base.resolve("inbox"), Path.of("/mnt/papers")));
        assertThat(value(serve, "--host")).as("a setting the file leaves out keeps its default").isEqualTo("127.0.0.1");

        var flags = parsed(config, "serve", "--port", "7001", "--backend", "lucene");
        assertThat(value(flags, "--port")).isEqualTo(7001);
        assertThat(value(flags, "--backend")).isEqualTo("lucene");
        assertThat(value(parsed(config, "search", "pain"), "--ranking")).as("every command reads it").isEqualTo("bm25");
    }

    @Test
    void anEnvironmentVariableWinsOverTheFile() throws Exception {
        write("port: 8181\nranking: bm25\n");
        var config = ConfigFile.load(Map.of("PAINSEARCH_PORT", "9999"), home);
        var serve = parsed(ConfigFile.load(Map.of(), home), "serve");
        OptionSpec port = serve.getCommandSpec().findOption("--port");
        OptionSpec ranking = serve.getCommandSpec().findOption("--ranking");
        assertThat(ConfigFile.variable(port)).isEqualTo("PAINSEARCH_PORT");
        // The file steps aside, so the option's own default (${env:PAINSEARCH_PORT}) is what picocli reads.
        assertThat(config.defaultValue(port)).isNull();
        assertThat(config.defaultValue(ranking)).isEqualTo("bm25");
    }

    @Test
    void theFileHoldsExactlyTheSettingsThatHaveAnEnvironmentVariable() {
        var cl = Main.newCommandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
                ConfigFile.load(Map.of(ConfigFile.VARIABLE, ConfigFile.NONE), home));
        var keys = new TreeSet<String>();
        var lists = new TreeSet<String>();
        for (CommandLine sub : cl.getSubcommands().values()) {
            for (OptionSpec o : sub.getCommandSpec().options()) {
                if (ConfigFile.variable(o) != null) {
                    String key = o.longestName().replaceFirst("^-+", "");
                    keys.add(key);
                    if (!o.splitRegex().isEmpty()) {
                        assertThat(o.splitRegex()).as(key).isEqualTo(",");
                        lists.add(key);
                    }
                }
            }
        }
        assertThat(keys).containsExactlyInAnyOrderElementsOf(ConfigFile.KEYS);
        assertThat(lists).containsExactlyInAnyOrderElementsOf(ConfigFile.LISTS);
        assertThat(ConfigFile.KEYS).doesNotContain("password", "password-file");
    }

    @Test
    void aFileThatCannotBeUsedSaysWhereAndWhy() throws Exception {
        Path file = home.resolve(ConfigFile.NAME).toAbsolutePath().normalize();
        write("backend: opensearch\nprot: 8080\n");
        assertThatThrownBy(() -> ConfigFile.load(Map.of(), home)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(file + ", line 2: \"prot\" is not a setting; the settings are: "
                        + String.join(", ", ConfigFile.KEYS));
        write("port: [1, 2]\n");
        assertThatThrownBy(() -> ConfigFile.load(Map.of(), home)).hasMessage(file + ", line 1: \"port\" takes one value, not a list");
        write("port: 1\nport: 2\n");
        assertThatThrownBy(() -> ConfigFile.load(Map.of(), home)).hasMessage(file + ", line 2: \"port\" is set twice");
        write("backend: [opensearch\n");
        assertThatThrownBy(() -> ConfigFile.load(Map.of(), home)).hasMessageStartingWith("the configuration file " + file
                + " is not valid YAML: ");
        write("- backend\n");
        assertThatThrownBy(() -> ConfigFile.load(Map.of(), home)).hasMessageContaining("should hold settings as \"name: value\" lines");
        Path missing = home.resolve("elsewhere.yaml").toAbsolutePath();
        assertThatThrownBy(() -> ConfigFile.load(Map.of(ConfigFile.VARIABLE, missing.toString()), home))
                .hasMessage("the configuration file " + missing + " (named by PAINSEARCH_CONFIG) does not exist; "
                        + "set PAINSEARCH_CONFIG=none to use none");
    }

    @Test
    void aValueTheCommandCannotTakeNamesTheFileAndLine() throws Exception {
        Path file = write("ranking: bm25\nport: abc\n").toAbsolutePath().normalize();
        var config = ConfigFile.load(Map.of(), home);
        var out = new StringWriter();
        var err = new StringWriter();
        int code = Main.newCommandLine(new PrintWriter(out), new PrintWriter(err), config).execute("serve");
        assertThat(code).isEqualTo(2);
        assertThat(err.toString().strip()).isEqualTo("painsearch: Invalid value for option '--port': 'abc' is not an int "
                + "(set in " + file + ", line 2)");
        // The same mistake made on the command line is the command line's, with the usual usage help.
        var err2 = new StringWriter();
        Main.newCommandLine(new PrintWriter(new StringWriter()), new PrintWriter(err2), ConfigFile.load(Map.of(
                ConfigFile.VARIABLE, ConfigFile.NONE), home)).execute("serve", "--port", "abc");
        assertThat(err2.toString()).startsWith("Invalid value for option '--port': 'abc' is not an int").contains("Usage:");
        // A flag the command line gives replaces the file's value before it is ever read.
        assertThat(value(parsed(config, "serve", "--port", "7001"), "--port")).isEqualTo(7001);
        write("port:\n");
        assertThatThrownBy(() -> ConfigFile.load(Map.of(), home)).hasMessage(file + ", line 1: \"port\" has no value "
                + "(leave the line out for the default)");
    }

    @Test
    void noneOrNoFileMeansTheDefaults() throws Exception {
        assertThat(ConfigFile.load(Map.of(), home).file()).isNull();
        write("port: 8181\n");
        var none = ConfigFile.load(Map.of(ConfigFile.VARIABLE, ConfigFile.NONE), home);
        assertThat(none.file()).isNull();
        assertThat(value(parsed(none, "serve"), "--port")).isEqualTo(7070);
        write("# nothing set yet\n");
        assertThat(value(parsed(ConfigFile.load(Map.of(), home), "serve"), "--port")).isEqualTo(7070);
    }

    @Test
    void theSuiteNeverReadsHerFile() {
        assertThat(System.getenv(ConfigFile.VARIABLE)).as("set for every test JVM by the pom").isEqualTo(ConfigFile.NONE);
    }

    // The real command, as the launcher runs it, with the file named by PAINSEARCH_CONFIG.
    private static Process painsearch(Map<String, String> env, String... args) throws Exception {
        var command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        var builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().keySet().removeIf(k -> k.startsWith("PAINSEARCH_"));
        builder.environment().putAll(env);
        return builder.start();
    }

    private static String finish(Process p) throws Exception {
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return out;
    }

    @Test
    void theCommandReadsItsCorpusAndIndexFromTheFileAndABadFileIsOneSentence(@TempDir Path dir) throws Exception {
        Path corpus = TestCorpus.write(dir.resolve("library"));
        Path config = Files.writeString(dir.resolve("clinic.yaml"), "corpus: library/corpus\nindex: library/index\nranking: bm25\n");
        assertThat(corpus).isEqualTo(dir.resolve("library/corpus"));

        var reindex = painsearch(Map.of(ConfigFile.VARIABLE, config.toString()), "reindex");
        String reindexed = finish(reindex);
        assertThat(reindex.exitValue()).as(reindexed).isZero();
        assertThat(dir.resolve("library/index")).isDirectory();
        var search = painsearch(Map.of(ConfigFile.VARIABLE, config.toString()), "search", "CRPS");
        String found = finish(search);
        assertThat(search.exitValue()).as(found).isZero();
        assertThat(found).contains("article · crps-guide");

        Files.writeString(config, "corpus: library/corpus\nbakend: opensearch\n");
        var bad = painsearch(Map.of(ConfigFile.VARIABLE, config.toString()), "search", "pain");
        String said = finish(bad);
        assertThat(bad.exitValue()).isEqualTo(1);
        assertThat(said.strip()).isEqualTo("painsearch: " + config + ", line 2: \"bakend\" is not a setting; the settings are: "
                + String.join(", ", ConfigFile.KEYS));
    }
}
