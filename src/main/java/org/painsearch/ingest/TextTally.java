package org.painsearch.ingest;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Text and link-text lengths of every element under a root, counted in one pass from the leaves up, so that
 * scoring hundreds of containers does not walk their subtrees again and again. Whitespace runs count as one
 * character, as in the text a reader sees. Valid until the tree changes.
 */
final class TextTally {
    private final Map<Element, double[]> counts = new IdentityHashMap<>();

    private TextTally() {
    }

    static TextTally of(Element root) {
        var tally = new TextTally();
        List<Element> all = root.getAllElements();
        for (int i = all.size() - 1; i >= 0; i--) {
            Element e = all.get(i);
            double text = 0;
            double links = 0;
            for (Node n : e.childNodes()) {
                if (n instanceof TextNode t) {
                    text += visibleLength(t.getWholeText());
                } else if (n instanceof Element child) {
                    double[] c = tally.counts.get(child);
                    text += c[0];
                    links += c[1];
                }
            }
            tally.counts.put(e, new double[] {text, e.normalName().equals("a") ? text * TextMeasures.linkWeight(e) : links});
        }
        return tally;
    }

    /** The element's text length, or its exact length when it was added after the tally. */
    int length(Element e) {
        double[] c = counts.get(e);
        return c == null ? TextMeasures.length(e) : (int) c[0];
    }

    /** The share of the element's text inside links. */
    double linkDensity(Element e) {
        double[] c = counts.get(e);
        if (c == null) {
            return TextMeasures.linkDensity(e);
        }
        return c[0] == 0 ? 0 : Math.min(1, c[1] / c[0]);
    }

    private static int visibleLength(String s) {
        int n = 0;
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            boolean ws = Character.isWhitespace(s.charAt(i)) || s.charAt(i) == '\u00A0';
            if (!ws || !space) {
                n++;
            }
            space = ws;
        }
        return n;
    }
}
