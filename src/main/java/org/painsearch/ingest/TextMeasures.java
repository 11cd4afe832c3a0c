package org.painsearch.ingest;

import org.jsoup.nodes.Element;

/** Measures of the text an element holds: its length, the share of it that is link text, its commas. */
final class TextMeasures {
    // Links to a place in the same page (footnotes, a table of contents) are half-way between text and navigation.
    private static final double IN_PAGE_LINK_WEIGHT = 0.3;

    private TextMeasures() {
    }

    /** The length of the element's text with whitespace collapsed. */
    static int length(Element e) {
        return e.text().length();
    }

    /** The share of the element's text that sits inside links, from 0 to 1. */
    static double linkDensity(Element e) {
        int total = length(e);
        if (total == 0) {
            return 0;
        }
        double links = 0;
        for (Element a : e.select("a")) {
            links += a.text().length() * linkWeight(a);
        }
        return Math.min(1, links / total);
    }

    /** How much a link's text counts as link text: less for a link to a place in the same page. */
    static double linkWeight(Element a) {
        String href = a.attr("href");
        return href.startsWith("#") && href.length() > 1 ? IN_PAGE_LINK_WEIGHT : 1;
    }

    /** Commas in the text, in Latin and CJK scripts alike: a sign of sentences rather than labels. */
    static int commas(String text) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ',' || c == '，' || c == '、' || c == '،') {
                n++;
            }
        }
        return n;
    }
}
