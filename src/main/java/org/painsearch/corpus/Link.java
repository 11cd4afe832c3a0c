package org.painsearch.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** A {@code [[target]]}, {@code [[target|label]]} or {@code [[target#t=00:12:30]]} link written in a note. */
public record Link(String target, String label, long atSeconds) {
    private static final Pattern WIKI_LINK =
            Pattern.compile("\\[\\[(?!\\s*[\\]|#])([^\\]|#\\n]+?)(?:#t=([0-9:.]+))?(?:\\|([^\\]\\n]*))?]]");

    public Link {
        if (target == null || target.isBlank()) {
            throw new IllegalArgumentException("link target must not be blank");
        }
        target = target.strip();
        label = label == null || label.isBlank() ? null : label.strip();
    }

    /** Every link in a Markdown body, in order of appearance. */
    public static List<Link> parseAll(String body) {
        var links = new ArrayList<Link>();
        if (body == null) {
            return links;
        }
        var m = WIKI_LINK.matcher(body);
        while (m.find()) {
            long at = m.group(2) == null ? -1 : Timestamps.parseSeconds(m.group(2));
            links.add(new Link(m.group(1), m.group(3), at));
        }
        return links;
    }

    /** Replaces each link in a body with what {@code render} returns for it. */
    public static String replaceAll(String body, java.util.function.Function<Link, String> render) {
        var m = WIKI_LINK.matcher(body);
        var out = new StringBuilder();
        while (m.find()) {
            long at = m.group(2) == null ? -1 : Timestamps.parseSeconds(m.group(2));
            m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(
                    render.apply(new Link(m.group(1), m.group(3), at))));
        }
        m.appendTail(out);
        return out.toString();
    }
}
