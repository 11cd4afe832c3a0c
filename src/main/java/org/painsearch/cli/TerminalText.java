package org.painsearch.cli;

import java.util.function.Function;
import org.painsearch.engine.Highlight;

/** Shows a highlight in a terminal: marked words in bold (between asterisks without colour), control characters out. */
final class TerminalText {
    private static final String BOLD = "\u001b[1m";
    private static final String RESET = "\u001b[0m";

    private TerminalText() {
    }

    static String of(Highlight highlight) {
        boolean color = System.console() != null && System.getenv("NO_COLOR") == null;
        Function<String, String> plain = TerminalText::printable;
        return highlight.render(plain, w -> (color ? BOLD : "*") + printable(w) + (color ? RESET : "*"));
    }

    // Text from a document must not drive the terminal (an escape sequence in a crawled page).
    private static String printable(String s) {
        return s.replaceAll("[\\p{Cntrl}&&[^\\t]]", " ");
    }
}
