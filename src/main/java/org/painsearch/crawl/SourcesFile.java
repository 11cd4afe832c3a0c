package org.painsearch.crawl;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.painsearch.corpus.AtomicFiles;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/** Reads and updates {@code corpus/sources.yaml}, the list of what {@code painsearch crawl} visits. */
public final class SourcesFile {
    /** The file name inside the corpus folder. */
    public static final String NAME = "sources.yaml";
    private static final int DEFAULT_DEPTH = 1;
    private static final String HEADER = """
            # What `painsearch crawl` visits. seeds: pages whose links are followed (scope: host or path;
            # max-depth: how many links away from the seed); feeds: podcast RSS/Atom feeds; sitemaps: sitemap.xml files.
            """;

    private SourcesFile() {
    }

    /**
     * The sources in {@code file}; none when it does not exist.
     *
     * @throws IllegalArgumentException naming the file and entry that is wrong
     */
    public static Sources read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return Sources.empty();
        }
        Object loaded;
        try {
            loaded = new Load(LoadSettings.builder().setLabel(NAME).build()).loadFromString(Files.readString(file));
        } catch (YamlEngineException e) {
            throw new IllegalArgumentException(file + " is not valid YAML: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (loaded == null) {
            return Sources.empty();
        }
        if (!(loaded instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException(file + " must map seeds, feeds and sitemaps to lists");
        }
        var seeds = new ArrayList<Seed>();
        int i = 0;
        for (Object entry : list(map, "seeds", file)) {
            seeds.add(seed(entry, file + ": seeds[" + i++ + "]"));
        }
        return new Sources(seeds, urls(list(map, "feeds", file), file + ": feeds"), urls(list(map, "sitemaps", file), file + ": sitemaps"));
    }

    /** Writes {@code sources} to {@code file} atomically, as a fresh file (no anchors or aliases). */
    public static void write(Path file, Sources sources) throws IOException {
        var root = new LinkedHashMap<String, Object>();
        var seeds = new ArrayList<Map<String, Object>>();
        for (Seed s : sources.seeds()) {
            var m = new LinkedHashMap<String, Object>();
            m.put("url", s.url());
            m.put("scope", s.scope().name().toLowerCase(Locale.ROOT));
            m.put("max-depth", s.maxDepth());
            seeds.add(m);
        }
        root.put("seeds", seeds);
        root.put("feeds", sources.feeds());
        root.put("sitemaps", sources.sitemaps());
        String yaml = HEADER + SourcesYaml.render(root);
        AtomicFiles.write(file, yaml.getBytes(StandardCharsets.UTF_8));
    }

    /** Adds seeds and feeds not already listed (by normalized address); returns how many were new. */
    public static int add(Path file, Collection<Seed> newSeeds, Collection<String> newFeeds) throws IOException {
        Sources current = read(file);
        var known = new LinkedHashSet<String>();
        current.seeds().forEach(s -> known.add(s.url()));
        current.feeds().forEach(known::add);
        var seeds = new ArrayList<>(current.seeds());
        var feeds = new ArrayList<>(current.feeds());
        int added = 0;
        for (Seed s : newSeeds) {
            if (known.add(s.url())) {
                seeds.add(s);
                added++;
            }
        }
        for (String f : newFeeds) {
            String n = UrlNormalizer.normalize(f);
            if (n == null) {
                throw new IllegalArgumentException("not an http or https address: " + f);
            }
            if (known.add(n)) {
                feeds.add(n);
                added++;
            }
        }
        if (added > 0) {
            var addedSeeds = seeds.subList(current.seeds().size(), seeds.size());
            var addedFeeds = feeds.subList(current.feeds().size(), feeds.size());
            // Edit the file a person may have written (keeping their comments); write it afresh only when it cannot be.
            var edited = Files.isRegularFile(file)
                    ? SourcesYaml.withAdded(Files.readString(file), addedSeeds, addedFeeds) : java.util.Optional.<String>empty();
            if (edited.isPresent()) {
                AtomicFiles.write(file, edited.get().getBytes(StandardCharsets.UTF_8));
            } else {
                write(file, new Sources(seeds, feeds, current.sitemaps()));
            }
        }
        return added;
    }

    private static Seed seed(Object entry, String where) {
        if (entry instanceof String url) {
            return checked(() -> new Seed(url, Seed.Scope.HOST, DEFAULT_DEPTH), where);
        }
        if (!(entry instanceof Map<?, ?> m) || !(m.get("url") instanceof String url)) {
            throw new IllegalArgumentException(where + " needs a url (a string, or url: with scope: and max-depth:)");
        }
        Object scope = m.get("scope");
        Seed.Scope s;
        if (scope == null || "host".equals(scope)) {
            s = Seed.Scope.HOST;
        } else if ("path".equals(scope)) {
            s = Seed.Scope.PATH;
        } else {
            throw new IllegalArgumentException(where + ": scope must be host or path (got: " + scope + ")");
        }
        Object depth = m.get("max-depth");
        if (depth != null && !(depth instanceof Integer)) {
            throw new IllegalArgumentException(where + ": max-depth must be a whole number (got: " + depth + ")");
        }
        return checked(() -> new Seed(url, s, depth == null ? DEFAULT_DEPTH : (Integer) depth), where);
    }

    private static List<String> urls(List<?> values, String where) {
        var out = new ArrayList<String>();
        for (Object v : values) {
            String n = v instanceof String s ? UrlNormalizer.normalize(s) : null;
            if (n == null) {
                throw new IllegalArgumentException(where + ": not an http or https address: " + v);
            }
            out.add(n);
        }
        return out;
    }

    private static List<?> list(Map<?, ?> map, String key, Path file) {
        Object v = map.get(key);
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof List<?> l)) {
            throw new IllegalArgumentException(file + ": " + key + " must be a list");
        }
        return l;
    }

    private static Seed checked(java.util.function.Supplier<Seed> make, String where) {
        try {
            return make.get();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage());
        }
    }
}
