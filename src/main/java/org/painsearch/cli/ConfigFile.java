package org.painsearch.cli;

import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.painsearch.corpus.TextFiles;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The configuration file, {@code painsearch.yaml} beside the launcher (or the file {@code PAINSEARCH_CONFIG} names):
 * the settings that have an environment variable, each under its flag's name ({@code backend: opensearch},
 * {@code opensearch-url: http://...}). A flag wins over its environment variable, which wins over the file; relative
 * paths in the file are read from the file's folder. Picocli asks it for each option's default.
 */
final class ConfigFile implements CommandLine.IDefaultValueProvider {
    static final String NAME = "painsearch.yaml";
    static final String VARIABLE = "PAINSEARCH_CONFIG";
    /** The value of {@link #VARIABLE} that reads no file. */
    static final String NONE = "none";
    /** Every setting the file may hold: the options whose default reads a PAINSEARCH_ environment variable. */
    static final List<String> KEYS = List.of("corpus", "index", "ranking", "backend", "opensearch-url",
            "opensearch-index", "port", "host", "import-root", "embedding-cache", "model");
    /** The settings that take a list (their flag is repeatable and splits at commas). */
    static final List<String> LISTS = List.of("import-root");
    private static final Pattern ENV = Pattern.compile("\\$\\{env:(PAINSEARCH_[A-Z_]+)");
    private static final int MAX_BYTES = 64 * 1024;

    /** A setting as written: its value (a string, or a list for a list setting) and its line. */
    private record Setting(Object value, int line) {
    }

    private final Path file;
    private final Map<String, Setting> values;
    private final Map<String, String> environment;
    // What this file gave each option, by the option's name without dashes, to name the file when picocli refuses it.
    private final Map<String, String> given = new java.util.concurrent.ConcurrentHashMap<>();

    private ConfigFile(Path file, Map<String, Setting> values, Map<String, String> environment) {
        this.file = file;
        this.values = values;
        this.environment = environment;
    }

    /**
     * The configuration for this process: the file {@code PAINSEARCH_CONFIG} names, else {@code painsearch.yaml} in
     * {@code home} when there is one, else none.
     *
     * @throws IllegalArgumentException with a sentence naming the file (and line) when it cannot be used
     */
    static ConfigFile load(Map<String, String> environment, Path home) {
        String named = environment.get(VARIABLE);
        if (named != null && named.strip().equalsIgnoreCase(NONE)) {
            return new ConfigFile(null, Map.of(), environment);
        }
        Path file = named != null && !named.isBlank() ? Path.of(named).toAbsolutePath().normalize()
                : home.resolve(NAME).toAbsolutePath().normalize();
        if (!Files.exists(file)) {
            if (named != null && !named.isBlank()) {
                throw new IllegalArgumentException("the configuration file " + file + " (named by " + VARIABLE
                        + ") does not exist; set " + VARIABLE + "=none to use none");
            }
            return new ConfigFile(null, Map.of(), environment);
        }
        String text;
        try {
            text = TextFiles.readUtf8(file, MAX_BYTES);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the configuration file " + file + ": " + e.getMessage());
        }
        return new ConfigFile(file, parse(file, text), environment);
    }

    /** The file read, or null. */
    Path file() {
        return file;
    }

    private static Map<String, Setting> parse(Path file, String text) {
        Node root;
        try {
            root = new Compose(LoadSettings.builder().setLabel(file.toString()).build()).composeString(text).orElse(null);
        } catch (YamlEngineException e) {
            throw new IllegalArgumentException("the configuration file " + file + " is not valid YAML: "
                    + e.getMessage().lines().map(String::strip).filter(l -> !l.isEmpty())
                    .reduce((a, b) -> a + "; " + b).orElse(""));
        }
        var values = new LinkedHashMap<String, Setting>();
        if (root == null) {
            return values; // an empty file (or only comments)
        }
        if (!(root instanceof MappingNode map)) {
            throw new IllegalArgumentException("the configuration file " + file + " should hold settings as "
                    + "\"name: value\" lines, e.g. \"backend: opensearch\"");
        }
        for (NodeTuple t : map.getValue()) {
            String where = file + ", line " + line(t.getKeyNode());
            if (!(t.getKeyNode() instanceof ScalarNode key) || !KEYS.contains(key.getValue())) {
                String name = t.getKeyNode() instanceof ScalarNode k ? "\"" + k.getValue() + "\"" : "a key that is not a name";
                throw new IllegalArgumentException(where + ": " + name + " is not a setting; the settings are: "
                        + String.join(", ", KEYS));
            }
            if (values.containsKey(key.getValue())) {
                throw new IllegalArgumentException(where + ": \"" + key.getValue() + "\" is set twice");
            }
            values.put(key.getValue(), new Setting(value(where, key.getValue(), t.getValueNode()), line(t.getKeyNode())));
        }
        return values;
    }

    private static Object value(String where, String key, Node node) {
        if (node instanceof ScalarNode s) {
            if (s.getValue().isBlank()) {
                throw new IllegalArgumentException(where + ": \"" + key + "\" has no value (leave the line out for the default)");
            }
            return s.getValue();
        }
        if (node instanceof SequenceNode list) {
            var out = new ArrayList<String>();
            for (Node item : list.getValue()) {
                if (!(item instanceof ScalarNode s)) {
                    throw new IllegalArgumentException(where + ": the list of \"" + key + "\" should hold plain values");
                }
                out.add(s.getValue());
            }
            if (!LISTS.contains(key)) {
                throw new IllegalArgumentException(where + ": \"" + key + "\" takes one value, not a list");
            }
            return out;
        }
        throw new IllegalArgumentException(where + ": \"" + key + "\" should be a value"
                + (LISTS.contains(key) ? " or a list of values" : "") + ", not a mapping");
    }

    private static int line(Node node) {
        return node.getStartMark().map(m -> m.getLine() + 1).orElse(0);
    }

    /** The environment variable an option's default reads, or null when it reads none (then the file is not asked). */
    static String variable(OptionSpec option) {
        if (!(option.userObject() instanceof Field field)) {
            return null;
        }
        var annotation = field.getAnnotation(CommandLine.Option.class);
        Matcher m = annotation == null ? null : ENV.matcher(annotation.defaultValue());
        return m != null && m.find() ? m.group(1) : null;
    }

    @Override
    public String defaultValue(ArgSpec arg) {
        if (values.isEmpty() || !(arg instanceof OptionSpec option)) {
            return null;
        }
        String variable = variable(option);
        if (variable == null || environment.get(variable) != null) {
            return null; // not a setting of the file, or the environment has it: the option's own default reads that
        }
        String key = option.longestName().replaceFirst("^-+", "");
        Setting setting = values.get(key);
        if (setting == null) {
            return null;
        }
        Object value = setting.value();
        boolean isPath = option.type() == Path.class
                || Collection.class.isAssignableFrom(option.type()) && option.auxiliaryTypes()[0] == Path.class;
        List<String> items = value instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of((String) value);
        if (isPath) {
            items = items.stream().map(p -> file.getParent().resolve(p).normalize().toString()).toList();
        }
        String given = String.join(",", items); // a list setting's flag splits at commas
        this.given.put(key, given);
        return given;
    }

    /**
     * Where a value picocli refused came from when it was this file's (as "FILE, line N"), else null: a value the
     * command line gave is its own.
     */
    String origin(ArgSpec arg, String refused) {
        if (!(arg instanceof OptionSpec option)) {
            return null;
        }
        String key = option.longestName().replaceFirst("^-+", "");
        String mine = given.get(key);
        boolean onCommandLine = option.command().commandLine() != null
                && option.command().commandLine().getParseResult() != null
                && option.command().commandLine().getParseResult().hasMatchedOption(option);
        return mine != null && mine.equals(refused) && !onCommandLine ? file + ", line " + values.get(key).line() : null;
    }
}
