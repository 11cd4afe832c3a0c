package org.painsearch.ingest;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a publication date from what pages put in their metadata or print beside a byline: ISO dates and times,
 * {@code 2015/03/25}, {@code 20150325}, {@code March 25, 2015}, {@code 25 Mar 2015}, {@code Wed, 25 Mar 2015 ...}.
 * Dates before 1900 or after tomorrow are placeholders ({@code 0001-01-01}) or mistakes, and are refused.
 */
final class PageDates {
    private static final Pattern ISO = Pattern.compile("(?<!\\d)(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})(?!\\d)");
    private static final Pattern COMPACT = Pattern.compile("^(\\d{4})(\\d{2})(\\d{2})(?:T.*)?$");
    private static final String MONTH = "(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?";
    private static final Pattern MONTH_DAY_YEAR = Pattern.compile("(?i)\\b" + MONTH + "\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b");
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile("(?i)\\b(\\d{1,2})(?:st|nd|rd|th)?\\.?\\s+(?:of\\s+)?" + MONTH + ",?\\s+(\\d{4})\\b");
    private static final Pattern YEAR_MONTH = Pattern.compile("^(\\d{4})(?:-(\\d{1,2}))?$");
    private static final Map<String, Integer> MONTHS = Map.ofEntries(Map.entry("jan", 1), Map.entry("feb", 2),
            Map.entry("mar", 3), Map.entry("apr", 4), Map.entry("may", 5), Map.entry("jun", 6), Map.entry("jul", 7),
            Map.entry("aug", 8), Map.entry("sep", 9), Map.entry("sept", 9), Map.entry("oct", 10), Map.entry("nov", 11),
            Map.entry("dec", 12));
    private static final int FIRST_YEAR = 1900;

    private PageDates() {
    }

    /** The date in {@code value}, or null when there is none or it is not a plausible publication date. */
    static LocalDate parse(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        LocalDate d = null;
        Matcher m;
        if ((m = ISO.matcher(v)).find()) {
            d = date(m.group(1), m.group(2), m.group(3));
        } else if ((m = COMPACT.matcher(v)).matches()) {
            d = date(m.group(1), m.group(2), m.group(3));
        } else if ((m = MONTH_DAY_YEAR.matcher(v)).find()) {
            d = date(m.group(3), String.valueOf(MONTHS.get(m.group(1).toLowerCase(Locale.ROOT))), m.group(2));
        } else if ((m = DAY_MONTH_YEAR.matcher(v)).find()) {
            d = date(m.group(3), String.valueOf(MONTHS.get(m.group(2).toLowerCase(Locale.ROOT))), m.group(1));
        } else if ((m = YEAR_MONTH.matcher(v)).matches()) {
            d = date(m.group(1), m.group(2) == null ? "1" : m.group(2), "1");
        }
        return plausible(d) ? d : null;
    }

    /** Whether a date can be a publication date: from 1900 up to tomorrow (time zones allow a day ahead). */
    static boolean plausible(LocalDate d) {
        return d != null && d.getYear() >= FIRST_YEAR && !d.isAfter(LocalDate.now(ZoneOffset.UTC).plusDays(1));
    }

    private static LocalDate date(String year, String month, String day) {
        try {
            return LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }
}
