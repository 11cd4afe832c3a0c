package org.painsearch.ingest;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Cleans author names as pages give them: without "By", "Written by" or "Posted by", without the date or role that
 * follows a byline, split where a byline names several people, and each person once.
 */
final class Bylines {
    private static final Pattern LEAD = Pattern.compile("(?i)^\\s*(?:(?:written|posted|reported|words|text|story|"
            + "published)\\s+)?(?:by|par|por)\\s*[:\\-–—]?\\s+");
    private static final Pattern SPLIT = Pattern.compile("\\s*(?:;|\\band\\b|&|\\bund\\b|\\bet\\b|\\|)\\s*");
    private static final Pattern TRAILING = Pattern.compile("(?i)\\s*(?:[,|•·–—-]\\s*|\\s+)(?:on\\s+|updated\\s+|published\\s+)?"
            + "(?:\\d{1,2}[./]\\d{1,2}[./]\\d{2,4}|\\d{4}-\\d{2}-\\d{2}|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?\\s+\\d{1,2}|"
            + "\\d{1,2}\\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*|(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*day).*$");
    private static final int MAX_NAME = 80;

    private Bylines() {
    }

    /**
     * The people named in {@code values}, cleaned, in order, each once (case aside). {@code commasSplit} says
     * whether a comma separates two people ("Ann Lee, Tom Okafor") rather than a family and given name
     * ("Cherkin, Daniel C.", as scholarly metadata writes them).
     */
    static List<String> clean(Collection<String> values, boolean commasSplit) {
        var out = new LinkedHashMap<String, String>();
        for (String value : values) {
            for (String name : names(value, commasSplit)) {
                out.putIfAbsent(name.toLowerCase(Locale.ROOT), name);
            }
        }
        return List.copyOf(out.values());
    }

    private static List<String> names(String value, boolean commasSplit) {
        var out = new ArrayList<String>();
        if (value == null) {
            return out;
        }
        String v = value.replaceAll("\\s+", " ").strip();
        if (v.startsWith("http://") || v.startsWith("https://") || v.startsWith("@")) {
            return out;
        }
        v = LEAD.matcher(v).replaceFirst("");
        v = TRAILING.matcher(v).replaceFirst("");
        for (String part : SPLIT.split(v)) {
            var pieces = commasSplit && part.contains(",") && looksLikeSeveral(part) ? List.of(part.split(",")) : List.of(part);
            for (String piece : pieces) {
                String name = LEAD.matcher(piece.strip()).replaceFirst("").replaceAll("^[,;:\\s]+|[,;:\\s]+$", "").strip();
                if (!name.isEmpty() && name.length() <= MAX_NAME && name.chars().anyMatch(Character::isLetter)
                        && !name.contains("@") && !name.toLowerCase(Locale.ROOT).startsWith("http")) {
                    out.add(name);
                }
            }
        }
        return out;
    }

    // "Ann Lee, Tom Okafor" names two people; "Lee, Ann" is one person written family name first.
    private static boolean looksLikeSeveral(String part) {
        String[] pieces = part.split(",");
        for (String p : pieces) {
            if (p.strip().split("\\s+").length < 2) {
                return false;
            }
        }
        return true;
    }
}
