package org.painsearch.corpus;

import java.util.regex.Pattern;

/** Parses and formats podcast times such as {@code 00:12:30}, {@code 12:30} or {@code 00:12:30.500}. */
public final class Timestamps {
    private static final Pattern TIME = Pattern.compile("(?:(\\d{1,2}):)?(\\d{1,2}):(\\d{2})(?:[.,](\\d{1,3}))?");

    private Timestamps() {
    }

    /** Whole seconds of a time string, or -1 when it is not a time. */
    public static long parseSeconds(String text) {
        if (text == null) {
            return -1;
        }
        var m = TIME.matcher(text.strip());
        if (!m.matches()) {
            return -1;
        }
        long hours = m.group(1) == null ? 0 : Long.parseLong(m.group(1));
        long minutes = Long.parseLong(m.group(2));
        long seconds = Long.parseLong(m.group(3));
        if (minutes > 59 && m.group(1) != null || seconds > 59) {
            return -1;
        }
        return hours * 3600 + minutes * 60 + seconds;
    }

    /** Formats seconds as {@code HH:MM:SS}. */
    public static String format(long seconds) {
        return String.format("%02d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
    }
}
