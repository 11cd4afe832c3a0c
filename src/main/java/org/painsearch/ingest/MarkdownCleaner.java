package org.painsearch.ingest;

import java.util.regex.Pattern;

/** Tidies Markdown from elsewhere: citation markers like {@code [12]}, grid-table borders, wiki residue. */
final class MarkdownCleaner {
    private static final Pattern CITATION_MARK = Pattern.compile("\\[(\\d{1,3}(?:[,–-]\\s*\\d{1,3})*|citation needed)]");
    private static final Pattern TABLE_BORDER = Pattern.compile("(?m)^\\s*\\+[-=+:]+\\+?\\s*$\\n?");
    private static final Pattern LEADING_RESIDUE = Pattern.compile("\\A[^\\n\\[]{0,200}?]]\\s*");

    private MarkdownCleaner() {
    }

    static String clean(String markdown) {
        String md = LEADING_RESIDUE.matcher(markdown).replaceFirst("");
        md = CITATION_MARK.matcher(md).replaceAll("");
        md = TABLE_BORDER.matcher(md).replaceAll("");
        var out = new StringBuilder();
        for (String line : md.split("\n", -1)) {
            String t = line.stripTrailing();
            if (t.startsWith("|") && !t.matches("\\|[\\s|:-]*")) {
                // Grid-table rows become readable lines: "cell · cell".
                t = String.join(" · ", java.util.Arrays.stream(t.split("\\|")).map(String::strip)
                        .filter(c -> !c.isEmpty()).toList());
            } else if (t.matches("\\|[\\s|:-]*")) {
                continue;
            }
            out.append(t).append('\n');
        }
        return out.toString().replaceAll("\\n{3,}", "\n\n").strip();
    }
}
