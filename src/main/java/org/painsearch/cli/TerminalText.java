package org.painsearch.cli;

import org.jsoup.parser.Parser;

/** Shows an HTML snippet in a terminal: marked words in bold, entities decoded, no other markup. */
final class TerminalText {
    private static final String BOLD = "\u001b[1m";
    private static final String RESET = "\u001b[0m";

    private TerminalText() {
    }

    static String fromSnippet(String html) {
        boolean color = System.console() != null && System.getenv("NO_COLOR") == null;
        String marked = html.replace("<mark>", color ? BOLD : "*").replace("</mark>", color ? RESET : "*");
        return Parser.unescapeEntities(marked.replaceAll("<[^>]+>", ""), false);
    }
}
