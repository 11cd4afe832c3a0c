package org.painsearch.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The outcome of one bench run: what was measured on what, as a Markdown table for the terminal (and for pasting
 * into an issue) and as JSON for {@code --out}.
 *
 * @param corpus  documents by type and bytes written, as the generator reported them
 * @param started when the run started, ISO-8601
 * @param load     one-minute load averages at the start, at most and at the end
 * @param problems the parts that could not run, each with the reason; their figures are missing
 */
public record Report(CorpusGenerator.Written corpus, long seed, int cores, int rounds, String started,
                     double wallSeconds, LoadAverage load, List<Figure> figures, List<String> problems) {
    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    public Report {
        figures = List.copyOf(figures);
        problems = List.copyOf(problems);
    }

    /** The table: a heading line, the load line, then one row per figure and the notes under it. */
    public String table() {
        var out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "painsearch bench: %s documents (%s articles, %s podcasts, %s notes; %s MB),"
                        + " seed %d, %d cores, %d round(s), started %s%n", whole(corpus.total()), whole(corpus.articles()),
                whole(corpus.podcasts()), whole(corpus.notes()), number(corpus.bytes() / 1e6), seed, cores, rounds, started));
        out.append(String.format(Locale.ROOT, "load average (1 min): %s at the start, %s at most, %s at the end; wall time %s%n%n",
                number(load.start()), number(load.max()), number(load.end()), duration(wallSeconds)));
        out.append("| figure | painsearch | bare | ratio | bare is |\n| --- | --- | --- | --- | --- |\n");
        var notes = new ArrayList<String>();
        for (Figure f : figures) {
            String name = f.section() + ": " + f.name() + " (" + f.unit() + ")";
            if (f.note() != null) {
                notes.add(String.format("[%d] %s", notes.size() + 1, f.note()));
                name += " [" + notes.size() + "]";
            }
            out.append("| ").append(name).append(" | ").append(number(f.value())).append(" | ")
                    .append(f.bareValue() == null ? "—" : number(f.bareValue())).append(" | ")
                    .append(f.ratio() == null ? "—" : String.format(Locale.ROOT, "%.2fx", f.ratio())).append(" | ")
                    .append(f.baseline() == null ? "—" : f.baseline()).append(" |\n");
        }
        if (!notes.isEmpty()) {
            out.append('\n');
            notes.forEach(n -> out.append(n).append('\n'));
        }
        if (!problems.isEmpty()) {
            out.append("\nNot measured:\n");
            problems.forEach(p -> out.append("- ").append(p).append('\n'));
        }
        return out.toString();
    }

    /** The report as JSON: run details, then every figure with its rounds, median values and ratio. */
    public String json() {
        var root = new LinkedHashMap<String, Object>();
        root.put("documents", corpus.total());
        var corpusMap = new LinkedHashMap<String, Object>();
        corpusMap.put("articles", corpus.articles());
        corpusMap.put("podcasts", corpus.podcasts());
        corpusMap.put("notes", corpus.notes());
        corpusMap.put("bytes", corpus.bytes());
        root.put("corpus", corpusMap);
        root.put("seed", seed);
        root.put("cores", cores);
        root.put("rounds", rounds);
        root.put("started", started);
        root.put("wallSeconds", wallSeconds);
        var loadMap = new LinkedHashMap<String, Object>();
        loadMap.put("start", finite(load.start()));
        loadMap.put("max", finite(load.max()));
        loadMap.put("end", finite(load.end()));
        root.put("loadAverage1m", loadMap);
        var list = new ArrayList<Map<String, Object>>();
        for (Figure f : figures) {
            var m = new LinkedHashMap<String, Object>();
            m.put("section", f.section());
            m.put("name", f.name());
            m.put("unit", f.unit());
            m.put("painsearch", f.value());
            m.put("bare", f.bareValue());
            m.put("ratio", f.ratio());
            m.put("baseline", f.baseline());
            m.put("painsearchRounds", f.painsearch());
            m.put("bareRounds", f.bare());
            m.put("note", f.note());
            list.add(m);
        }
        root.put("figures", list);
        root.put("problems", problems);
        return JSON.writeValueAsString(root) + "\n";
    }

    private static Double finite(double d) {
        return Double.isFinite(d) ? d : null;
    }

    /** Numbers as a reader wants them: thousands grouped, two decimals below 10, one below 100, none above. */
    static String number(double d) {
        if (!Double.isFinite(d)) {
            return "—";
        }
        double a = Math.abs(d);
        String pattern = a >= 100 ? "%,.0f" : a >= 10 ? "%.1f" : "%.2f";
        return String.format(Locale.ROOT, pattern, d);
    }

    private static String whole(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    private static String duration(double seconds) {
        long s = Math.round(seconds);
        return s >= 60 ? String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60) : s + " s";
    }
}
