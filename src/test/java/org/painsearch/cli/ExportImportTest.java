package org.painsearch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.painsearch.TestCorpus;
import org.painsearch.corpus.CorpusArchive;

/** {@code export FILE.zip} then {@code import FILE.zip} gives back the same library; a hostile zip writes nothing. */
class ExportImportTest {
    @TempDir
    Path dir;

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    /** Every library file under {@code corpus} with its bytes as text, by relative path. */
    private static Map<String, String> library(Path corpus) throws Exception {
        var out = new TreeMap<String, String>();
        try (Stream<Path> all = Files.walk(corpus)) {
            for (Path p : all.filter(Files::isRegularFile).toList()) {
                String rel = corpus.relativize(p).toString();
                if (!rel.startsWith(".crawl") && !rel.endsWith(".lock")) {
                    out.put(rel, Files.readString(p));
                }
            }
        }
        return out;
    }

    @Test
    void anExportRestoresTheSameLibraryElsewhere() throws Exception {
        Path corpus = TestCorpus.write(dir.resolve("home"));
        Path index = dir.resolve("home/index");
        assertThat(run("note", "new", "Client R. neck", "--private", "--corpus", corpus.toString(), "--index",
                index.toString(), "--ranking", "bm25").code()).isZero();
        assertThat(run("bookmark", "add", "doc:gate-control", "--label", "Gate", "--corpus", corpus.toString()).code()).isZero();
        TestCorpus.file(corpus, "sources.yaml", "seeds:\n  - https://www.example.org/pain/\n");
        TestCorpus.file(corpus, ".trash/notes/note-old.md", "---\nid: note-old\ntype: note\ntitle: Old\n---\nGone.\n");
        TestCorpus.file(corpus, ".conflicts/note-glow-20260101T000000Z.md", "# Glow\n\nmy refused edit\n");
        TestCorpus.file(corpus, ".crawl/log.jsonl", "{}\n");
        Path zip = dir.resolve("backup/library.zip");

        var exported = run("export", zip.toString(), "--corpus", corpus.toString());
        assertThat(exported.code()).as(exported.err()).isZero();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(zip))).isEqualTo("rw-------");
        assertThat(run("export", zip.toString(), "--corpus", corpus.toString()).err()).contains("--force");

        Path elsewhere = dir.resolve("elsewhere/corpus");
        Path newIndex = dir.resolve("elsewhere/index");
        var imported = run("import", zip.toString(), "--corpus", elsewhere.toString(), "--index", newIndex.toString(),
                "--ranking", "bm25");
        assertThat(imported.code()).as(imported.out() + imported.err()).isZero();
        var expected = library(corpus);
        expected.remove(".crawl/log.jsonl");
        assertThat(library(elsewhere)).isEqualTo(expected);
        assertThat(library(elsewhere)).containsKeys("notes/note-client-r-neck.md", "bookmarks.json", "sources.yaml",
                "synonyms.txt", "podcasts/pod-touch.vtt", ".trash/notes/note-old.md");
        var found = run("search", "neck", "--corpus", elsewhere.toString(), "--index", newIndex.toString(), "--ranking", "bm25");
        assertThat(found.out()).contains("note-client-r-neck");
    }

    @Test
    void aZipThatIsNotAnExportOrTriesToWriteElsewhereChangesNothingOutsideTheLibrary() throws Exception {
        Path corpus = TestCorpus.write(dir.resolve("home"));
        Path plain = dir.resolve("plain.zip");
        try (var out = new ZipOutputStream(Files.newOutputStream(plain))) {
            out.putNextEntry(new ZipEntry("notes/x.md"));
            out.write("# x".getBytes());
        }
        assertThat(run("import", plain.toString(), "--corpus", corpus.toString(), "--index", dir.resolve("index").toString())
                .err()).contains("not a painsearch export");

        Path hostile = dir.resolve("hostile.zip");
        try (var out = new ZipOutputStream(Files.newOutputStream(hostile))) {
            for (String name : new String[] {CorpusArchive.MARKER, "../escaped.md", "/tmp/absolute.md", "notes/../../x.md",
                    "notes/sub/deep.md", ".crawl/state.jsonl", "index/segments_1", "notes/.hidden.md",
                    "notes/note-ok.md", "notes/big.md", "notes/binary.md"}) {
                out.putNextEntry(new ZipEntry(name));
                byte[] body = switch (name) {
                    case "notes/big.md" -> new byte[11 * 1024 * 1024];
                    case "notes/binary.md" -> new byte[] {'#', 0, 1, 2};
                    case "notes/note-ok.md" -> "---\nid: note-ok\ntype: note\ntitle: Ok\n---\nFine.\n".getBytes();
                    default -> "---\nid: x\ntitle: x\n---\nx\n".getBytes();
                };
                if (name.equals("notes/big.md")) {
                    java.util.Arrays.fill(body, (byte) 'a');
                }
                out.write(body);
                out.closeEntry();
            }
        }
        var r = run("import", hostile.toString(), "--corpus", corpus.toString(), "--index", dir.resolve("index").toString(),
                "--ranking", "bm25");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("Restored 1 file(s)").contains("../escaped.md: not a file of a painsearch library")
                .contains("notes/big.md: larger than").contains("notes/binary.md: looks like a binary file");
        assertThat(corpus.resolve("notes/note-ok.md")).exists();
        assertThat(dir.resolve("escaped.md")).doesNotExist();
        assertThat(dir.resolve("home/escaped.md")).doesNotExist();
        assertThat(Path.of("/tmp/absolute.md")).doesNotExist();
        assertThat(corpus.resolve("notes/sub")).doesNotExist();
        assertThat(corpus.resolve(".crawl/state.jsonl")).doesNotExist();
        assertThat(corpus.resolve("notes/.hidden.md")).doesNotExist();
    }
}
