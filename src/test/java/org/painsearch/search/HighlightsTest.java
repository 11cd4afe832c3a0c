package org.painsearch.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.painsearch.engine.Highlight;

class HighlightsTest {
    @Test
    void aMarkedEscapedPassageBecomesPlainTextWithRanges() {
        String text = "Tom & Jerry's <b>pain</b> \"gate\" and pain";
        String marked = Snippets.escape("Tom & Jerry's <b>") + Snippets.MARK_OPEN + "pain" + Snippets.MARK_CLOSE
                + Snippets.escape("</b> \"gate\" and ") + Snippets.MARK_OPEN + "pain" + Snippets.MARK_CLOSE;
        Highlight h = Highlights.of(marked);
        assertThat(h.text()).isEqualTo(text);
        assertThat(h.marks()).containsExactly(new Highlight.Range(17, 21), new Highlight.Range(37, 41));
        assertThat(h.markedWords()).containsExactly("pain", "pain");
    }

    @Test
    void anAmpersandThatIsNoEntityOfOursStaysAsWritten() {
        assertThat(Highlights.of("R&D &copy; x").text()).isEqualTo("R&D &copy; x");
        assertThat(Highlights.of(List.of("a", "<mark>b</mark>"))).extracting(Highlight::markedWords)
                .containsExactly(List.of(), List.of("b"));
    }
}
