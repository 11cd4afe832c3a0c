package org.painsearch.crawl;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.painsearch.corpus.CorpusStore;
import org.painsearch.corpus.DocType;
import org.painsearch.corpus.Document;
import org.painsearch.corpus.FrontMatter;
import org.painsearch.corpus.TextFiles;

/**
 * Writes crawled documents to the corpus: an address keeps its document across recrawls (a changed page updates it),
 * the same article text found under a second address is stored once with both addresses in its {@code urls:} list,
 * and a file whose content would not change is left alone. Only documents a crawl wrote (those with an {@code urls:}
 * list) are ever updated: a summary or note written by hand with the same address is never overwritten.
 */
final class CrawledDocuments {
    /** What storing a document came to. */
    enum Change { NEW, UPDATED, UNCHANGED, ALIAS }

    /** The result: the document's id, what changed, and the document as written (with its path) when it was. */
    record Stored(String id, Change change, Document written) {
    }

    private final CorpusStore corpus;
    // Address -> id for every document address (url and urls) in the corpus.
    private final Map<String, String> idByUrl = new HashMap<>();
    // Hash of an article's normalized text -> id, to find the same text under another address.
    private final Map<String, String> idByText = new HashMap<>();
    private final Map<String, List<String>> urlsById = new HashMap<>();
    private final Map<String, DocType> typeById = new HashMap<>();
    private final Set<String> ids = new HashSet<>();
    // Addresses that name another as canonical, recorded on that one's document when it is stored.
    private final Map<String, Set<String>> pendingAliases = new HashMap<>();

    CrawledDocuments(CorpusStore corpus) throws IOException {
        this.corpus = corpus;
        for (Path file : corpus.documentFiles()) {
            String id = file.getFileName().toString().replaceFirst("\\.md$", "");
            ids.add(id);
            try {
                var parts = FrontMatter.parse(TextFiles.readUtf8(file, TextFiles.DEFAULT_MAX_BYTES));
                if (parts.fields().get(CorpusStore.URLS) instanceof List<?> l) {
                    var urls = new ArrayList<String>();
                    l.forEach(u -> urls.add(String.valueOf(u)));
                    remember(id, folderType(file), urls, parts.body());
                }
            } catch (IOException | IllegalArgumentException e) {
                // An unreadable file keeps its id reserved; reindex reports what is wrong with it.
            }
        }
    }

    /** The id of the document stored for {@code url}, or null. */
    synchronized String idFor(String url) {
        return idByUrl.get(url);
    }

    /**
     * Stores {@code d} as the document of address {@code key}.
     *
     * @param urls every address the text was found at (its url first)
     */
    synchronized Stored store(String key, Document d, List<String> urls, String transcript, String ext) throws IOException {
        var allUrls = new LinkedHashSet<String>(urls);
        allUrls.add(key);
        String id = idByUrl.get(key);
        if (id == null) {
            id = urls.stream().map(idByUrl::get).filter(java.util.Objects::nonNull).findFirst().orElse(null);
        }
        String textHash = d.type() == DocType.ARTICLE ? hash(d.body()) : null;
        if (id == null && textHash != null && idByText.containsKey(textHash)) {
            String same = idByText.get(textHash);
            addUrls(same, allUrls);
            return new Stored(same, Change.ALIAS, null);
        }
        boolean isNew = id == null;
        if (isNew) {
            id = freeId(d.id());
        } else {
            allUrls.addAll(urlsById.getOrDefault(id, List.of()));
        }
        allUrls.addAll(pendingAliases.getOrDefault(key, Set.of()));
        var ordered = new ArrayList<String>();
        if (d.url() != null) {
            ordered.add(d.url());
        }
        allUrls.stream().filter(u -> !ordered.contains(u)).forEach(ordered::add);
        Document doc = d.withId(id, null);
        if (!isNew && sameAsOnDisk(doc, ordered, transcript, ext)) {
            return new Stored(id, Change.UNCHANGED, null);
        }
        Document written = corpus.write(doc, ordered, transcript, ext);
        remember(id, d.type(), ordered, d.body());
        return new Stored(id, isNew ? Change.NEW : Change.UPDATED, written);
    }

    /** Records that {@code alias} names {@code canonical} as its canonical address. */
    synchronized void alias(String canonical, String alias) throws IOException {
        String id = idByUrl.get(canonical);
        if (id == null) {
            pendingAliases.computeIfAbsent(canonical, k -> new LinkedHashSet<>()).add(alias);
        } else {
            addUrls(id, List.of(alias));
        }
    }

    private void addUrls(String id, java.util.Collection<String> more) throws IOException {
        var urls = new ArrayList<>(urlsById.getOrDefault(id, List.of()));
        int before = urls.size();
        more.stream().filter(u -> !urls.contains(u)).forEach(urls::add);
        more.forEach(u -> idByUrl.putIfAbsent(u, id));
        if (urls.size() == before) {
            return;
        }
        Path file = corpus.pathFor(typeById.getOrDefault(id, DocType.ARTICLE), id);
        try {
            Document d = corpus.read(file);
            corpus.write(d, urls, null, null);
            urlsById.put(id, urls);
        } catch (org.painsearch.corpus.CorpusException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private boolean sameAsOnDisk(Document doc, List<String> urls, String transcript, String ext) throws IOException {
        Path file = corpus.pathFor(doc.type(), doc.id());
        if (!Files.isRegularFile(file) || !Files.readString(file).equals(CorpusStore.encode(doc, urls))) {
            return false;
        }
        if (transcript == null) {
            return true;
        }
        Path t = file.resolveSibling(doc.id() + ext);
        return Files.isRegularFile(t) && Files.readString(t, StandardCharsets.UTF_8).equals(transcript);
    }

    private void remember(String id, DocType type, List<String> urls, String body) {
        ids.add(id);
        typeById.put(id, type == null ? DocType.ARTICLE : type);
        urlsById.put(id, List.copyOf(urls));
        urls.forEach(u -> {
            idByUrl.putIfAbsent(u, id);
            String n = UrlNormalizer.normalize(u);
            if (n != null) {
                idByUrl.putIfAbsent(n, id);
            }
        });
        String h = type == DocType.ARTICLE ? hash(body) : null;
        if (h != null) {
            idByText.putIfAbsent(h, id);
        }
    }

    private static DocType folderType(Path file) {
        String folder = file.getParent().getFileName().toString();
        return java.util.Arrays.stream(DocType.values()).filter(t -> t.folder().equals(folder)).findFirst()
                .orElse(DocType.ARTICLE);
    }

    private String freeId(String base) {
        String id = base;
        for (int n = 2; ids.contains(id); n++) {
            id = base + "-" + n;
        }
        ids.add(id);
        return id;
    }

    // Whitespace-insensitive, so the same article laid out differently still counts as the same text.
    private static String hash(String body) {
        String normalized = body == null ? "" : body.replaceAll("\\s+", " ").strip();
        if (normalized.isEmpty()) {
            return null;
        }
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(normalized.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
