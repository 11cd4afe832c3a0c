package org.painsearch.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class HighlightTest {
    private static final Highlight GATE = new Highlight("Gate control & <pain>",
            List.of(new Highlight.Range(0, 4), new Highlight.Range(15, 21)));

    @Test
    void rendersMarkedAndPlainStretchesEachTheirOwnWay() {
        assertThat(GATE.render(s -> s, w -> "[" + w + "]")).isEqualTo("[Gate] control & [<pain>]");
        assertThat(GATE.markedWords()).containsExactly("Gate", "<pain>");
        assertThat(Highlight.plain("no match").render(String::toUpperCase, w -> "*" + w + "*")).isEqualTo("NO MATCH");
    }

    @Test
    void marksMustBeInOrderApartAndInsideTheText() {
        assertThatThrownBy(() -> new Highlight("abc", List.of(new Highlight.Range(1, 2), new Highlight.Range(0, 1))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("in order");
        assertThatThrownBy(() -> new Highlight("abc", List.of(new Highlight.Range(2, 4))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Highlight.Range(3, 2)).isInstanceOf(IllegalArgumentException.class);
    }
}
