package org.painsearch.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.IntConsumer;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;

/**
 * Writes N painsearch corpus files (Markdown with front matter; mostly articles, some podcasts with WebVTT
 * transcripts, some notes linking to articles) recombined from {@link SourceTexts}. Document {@code i} depends only
 * on the seed and {@code i}, so a smaller corpus is exactly the first documents of a larger one.
 */
public final class CorpusGenerator {
    /** The seed the bench uses, so every run measures the same corpus. */
    public static final long SEED = 20_240_917L;
    // One document in 25 is a podcast and one a note: a therapist's library is mostly articles.
    private static final int CYCLE = 25;
    private static final int PODCAST_SLOT = 3;
    private static final int NOTE_SLOT = 11;
    private static final List<String> TAGS = List.of("crps", "central-sensitization", "massage", "endorphins",
            "sleep", "fibromyalgia", "low-back-pain", "placebo", "nocebo", "neuropathic-pain", "inflammation",
            "exercise", "education", "stress", "touch", "oxytocin", "migraine", "arthritis", "opioids", "anxiety",
            "whiplash", "tendinopathy", "headache", "sciatica", "chronic-pain", "posture", "trigger-points",
            "mindfulness", "neck-pain", "diabetes");
    private static final List<String> FIRST = List.of("Ada", "Bram", "Chiara", "Dev", "Elif", "Femi", "Greta",
            "Hugo", "Ines", "Jonas", "Kiri", "Lena", "Mateo", "Nadia", "Oskar", "Priya", "Quinn", "Rosa");
    private static final List<String> LAST = List.of("Arendt", "Bakker", "Costa", "Dahl", "Eze", "Fischer", "Gallo",
            "Holm", "Ivanova", "Jensen", "Kowalski", "Lindqvist", "Moreau", "Novak", "Okafor", "Pereira");
    private static final List<String> JOURNALS = List.of("Bench Journal of Pain", "Manual Therapy Notes",
            "Clinical Touch Review", "Pain Science Letters", "Journal of Bodywork Studies", "Rehabilitation Digest");
    private static final List<String> SHOWS = List.of("Bench Pain Hour", "Hands On Science", "The Quiet Nerve",
            "Tissue and Mind");
    private static final Dump YAML = new Dump(DumpSettings.builder().setDefaultFlowStyle(FlowStyle.BLOCK)
            .setWidth(1000).build());

    private final SourceTexts texts;
    private final long seed;

    public CorpusGenerator(SourceTexts texts, long seed) {
        this.texts = texts;
        this.seed = seed;
    }

    /** What was written: documents by type and the total size of their files. */
    public record Written(int articles, int podcasts, int notes, long bytes) {
        /** All documents written. */
        public int total() {
            return articles + podcasts + notes;
        }
    }

    /** Writes documents 0 to {@code count - 1} into {@code corpus}; {@code progress} gets the count done. */
    public Written write(Path corpus, int count, IntConsumer progress) throws IOException {
        if (count < 1) {
            throw new IllegalArgumentException("the corpus needs at least one document (got: " + count + ")");
        }
        for (String folder : List.of("articles", "podcasts", "notes")) {
            Files.createDirectories(corpus.resolve(folder));
        }
        int[] byType = new int[3];
        long bytes = 0;
        for (int i = 0; i < count; i++) {
            var rng = new SplittableRandom(seed ^ (i * 0x9E3779B97F4A7C15L));
            int slot = i % CYCLE;
            if (slot == PODCAST_SLOT) {
                bytes += podcast(corpus, i, rng);
                byType[1]++;
            } else if (slot == NOTE_SLOT) {
                bytes += note(corpus, i, rng);
                byType[2]++;
            } else {
                bytes += article(corpus, i, rng);
                byType[0]++;
            }
            if ((i + 1) % 1000 == 0 || i + 1 == count) {
                progress.accept(i + 1);
            }
        }
        return new Written(byType[0], byType[1], byType[2], bytes);
    }

    /** The id of document {@code i}, whatever its type. */
    static String id(int i) {
        int slot = i % CYCLE;
        String prefix = slot == PODCAST_SLOT ? "pod" : slot == NOTE_SLOT ? "note" : "art";
        return prefix + "-" + String.format("%07d", i);
    }

    private long article(Path corpus, int i, SplittableRandom rng) throws IOException {
        var f = common(i, "article", rng);
        f.put("url", "https://example.org/bench/articles/" + i);
        f.put("authors", authors(rng));
        f.put("published", date(rng).toString());
        f.put("source", pick(JOURNALS, rng));
        f.put("tags", tags(rng));
        return write(corpus.resolve("articles").resolve(id(i) + ".md"), f, String.join("\n\n", paragraphs(rng, 1, 3)));
    }

    private long podcast(Path corpus, int i, SplittableRandom rng) throws IOException {
        var f = common(i, "podcast", rng);
        String show = pick(SHOWS, rng);
        f.put("url", "https://example.org/bench/podcasts/" + i);
        f.put("authors", authors(rng));
        f.put("published", date(rng).toString());
        f.put("source", show);
        f.put("show", show);
        f.put("episode", Integer.toString(1 + i / CYCLE));
        f.put("audio", "https://example.org/bench/podcasts/" + i + ".mp3");
        int cues = 12 + rng.nextInt(13);
        f.put("duration", clock(cues * 30L));
        f.put("tags", tags(rng));
        var body = new StringBuilder(paragraphs(rng, 1, 1).get(0)).append("\n\n## Segments\n");
        for (int s = 0; s < 4; s++) {
            body.append("- ").append(clock(s * cues * 30L / 4)).append(' ').append(sentence(rng)).append('\n');
        }
        var vtt = new StringBuilder("WEBVTT\n");
        for (int c = 0; c < cues; c++) {
            vtt.append('\n').append(clock(c * 30L)).append(".000 --> ").append(clock(c * 30L + 30)).append(".000\n")
                    .append(sentence(rng)).append('\n');
        }
        Path md = corpus.resolve("podcasts").resolve(id(i) + ".md");
        byte[] transcript = vtt.toString().getBytes(StandardCharsets.UTF_8);
        Files.write(md.resolveSibling(id(i) + ".vtt"), transcript);
        return transcript.length + write(md, f, body.toString());
    }

    private long note(Path corpus, int i, SplittableRandom rng) throws IOException {
        var f = common(i, "note", rng);
        f.put("title", "Notes on " + f.get("title"));
        LocalDate created = date(rng);
        f.put("created", created.toString());
        f.put("updated", created.plusDays(rng.nextInt(400)).toString());
        f.put("private", rng.nextInt(3) == 0 ? Boolean.TRUE : null);
        f.put("tags", tags(rng));
        var body = new StringBuilder(paragraphs(rng, 1, 1).get(0));
        var cited = new ArrayList<String>();
        for (int tries = 0; tries < 6 && cited.size() < 2 && i > 0; tries++) {
            int j = rng.nextInt(i);
            if (j % CYCLE != PODCAST_SLOT && j % CYCLE != NOTE_SLOT) {
                cited.add("[[" + id(j) + "]]");
            }
        }
        if (!cited.isEmpty()) {
            body.append("\n\nSee ").append(String.join(" and ", cited)).append('.');
        }
        return write(corpus.resolve("notes").resolve(id(i) + ".md"), f, body.toString());
    }

    private Map<String, Object> common(int i, String type, SplittableRandom rng) {
        var f = new LinkedHashMap<String, Object>();
        f.put("id", id(i));
        f.put("type", type);
        f.put("title", pick(texts.titles(), rng));
        return f;
    }

    private static long write(Path file, Map<String, Object> fields, String body) throws IOException {
        fields.values().removeIf(v -> v == null);
        byte[] bytes = ("---\n" + YAML.dumpToString(fields) + "---\n" + body.strip() + "\n")
                .getBytes(StandardCharsets.UTF_8);
        // No fsync: the corpus is a scratch copy, rebuilt from the seed when a run is lost.
        Files.write(file, bytes);
        return bytes.length;
    }

    private List<String> paragraphs(SplittableRandom rng, int min, int max) {
        int n = min + rng.nextInt(max - min + 1);
        var out = new ArrayList<String>(n);
        for (int p = 0; p < n; p++) {
            out.add(pick(texts.paragraphs(), rng));
        }
        return out;
    }

    private String sentence(SplittableRandom rng) {
        return pick(texts.sentences(), rng);
    }

    private static List<String> authors(SplittableRandom rng) {
        int n = 1 + rng.nextInt(3);
        var out = new ArrayList<String>(n);
        for (int a = 0; a < n; a++) {
            out.add(pick(FIRST, rng) + " " + pick(LAST, rng));
        }
        return out;
    }

    private static List<String> tags(SplittableRandom rng) {
        int n = 1 + rng.nextInt(3);
        var out = new ArrayList<String>(n);
        for (int t = 0; t < n; t++) {
            String tag = pick(TAGS, rng);
            if (!out.contains(tag)) {
                out.add(tag);
            }
        }
        return out;
    }

    private static LocalDate date(SplittableRandom rng) {
        return LocalDate.of(1985 + rng.nextInt(40), 1 + rng.nextInt(12), 1 + rng.nextInt(28));
    }

    private static String clock(long seconds) {
        return String.format("%02d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
    }

    private static <T> T pick(List<T> list, SplittableRandom rng) {
        return list.get(rng.nextInt(list.size()));
    }
}
