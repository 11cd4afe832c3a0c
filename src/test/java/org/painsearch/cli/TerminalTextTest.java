package org.painsearch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.painsearch.engine.Highlight;

class TerminalTextTest {
    @Test
    void marksShowBoldOrStarredAndTextFromADocumentCannotDriveTheTerminal() {
        var h = new Highlight("a <b> pain\u001b[31m red", List.of(new Highlight.Range(6, 10)));
        // Bold on a terminal, asterisks elsewhere (NO_COLOR, a pipe): either way the marked word stands out.
        String shown = TerminalText.of(h).replace("\u001b[1m", "*").replace("\u001b[0m", "*");
        assertThat(shown).isEqualTo("a <b> *pain* [31m red");
    }
}
