package org.painsearch.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LinkTest {
    @Test
    void plainLink() {
        assertThat(Link.parseAll("The blood study [[massage-endorphins]] is weak."))
                .containsExactly(new Link("massage-endorphins", null, -1));
    }

    @Test
    void linkWithLabel() {
        assertThat(Link.parseAll("See [[gate-control|Melzack and Wall]]."))
                .containsExactly(new Link("gate-control", "Melzack and Wall", -1));
    }

    @Test
    void linkToAMomentWithHours() {
        assertThat(Link.parseAll("Listen to [[pod-touch#t=00:12:30]]."))
                .containsExactly(new Link("pod-touch", null, 750));
    }

    @Test
    void linkToAMomentWithoutHoursAndWithLabel() {
        assertThat(Link.parseAll("[[pod-touch#t=12:30|slow stroking]]"))
                .containsExactly(new Link("pod-touch", "slow stroking", 750));
    }

    @Test
    void severalLinksOnOneLineInOrder() {
        assertThat(Link.parseAll("Compare [[crps-guide]], [[sleep-pain|sleep]] and [[pod-touch#t=1:02:03]]."))
                .containsExactly(
                        new Link("crps-guide", null, -1),
                        new Link("sleep-pain", "sleep", -1),
                        new Link("pod-touch", null, 3723));
    }

    @Test
    void noLinks() {
        assertThat(Link.parseAll("No links here, only [single brackets] and [[]].")).isEmpty();
        assertThat(Link.parseAll("")).isEmpty();
        assertThat(Link.parseAll(null)).isEmpty();
    }

    @Test
    void blankBracketsAreNotALink() {
        // A note may hold "[[ ]]" while being written; it must not make the whole body unreadable.
        assertThat(Link.parseAll("Still to find: [[ ]] and [[sleep-pain]]."))
                .containsExactly(new Link("sleep-pain", null, -1));
        assertThat(Link.replaceAll("[[ ]] [[sleep-pain]]", Link::target)).isEqualTo("[[ ]] sleep-pain");
    }

    @Test
    void blankLabelAndSpacesAroundTheTargetAreDropped() {
        assertThat(Link.parseAll("[[ sleep-pain |  ]]")).containsExactly(new Link("sleep-pain", null, -1));
    }

    @Test
    void unreadableTimeIsNoTime() {
        assertThat(Link.parseAll("[[pod-touch#t=12:75]]")).containsExactly(new Link("pod-touch", null, -1));
    }

    @Test
    void linkSpansOneLineOnly() {
        assertThat(Link.parseAll("[[sleep\npain]]")).isEmpty();
    }

    @Test
    void replaceAllRendersEachLinkAndKeepsTheRest() {
        String body = "See [[gate-control|the gate]] and [[pod-touch#t=00:12:30]]; cost $5 \\ more.";

        String out = Link.replaceAll(body, l -> "<" + l.target() + "@" + l.atSeconds() + ":"
                + (l.label() == null ? "$1" : l.label()) + ">");

        assertThat(out).isEqualTo("See <gate-control@-1:the gate> and <pod-touch@750:$1>; cost $5 \\ more.");
    }

    @Test
    void replaceAllWithoutLinksReturnsTheText() {
        assertThat(Link.replaceAll("plain text", l -> "x")).isEqualTo("plain text");
    }

    @Test
    void blankTargetIsRefused() {
        assertThatThrownBy(() -> new Link(" ", "label", -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("link target must not be blank");
    }

    @Test
    void doiLinksAndBareAddressesHaveKeysThatDocumentsAnswerTo() {
        var located = Link.locateAll("""
                See [[doi:10.1016/J.PAIN.2010.09.030]] and https://www.example.org/crps-guide/, also
                [the Cochrane review](https://example.org/cochrane). A link to an address: [[https://example.org/x|x]].
                """);
        assertThat(located).extracting(l -> l.link().key()).containsExactly(
                "doi:10.1016/j.pain.2010.09.030", "url:example.org/crps-guide", "url:example.org/cochrane",
                "url:example.org/x");
        assertThat(located.get(1).link().bare()).isTrue();
        assertThat(Link.parseAll("[[a]] https://example.org/b")).extracting(Link::target).containsExactly("a");
        assertThat(Link.keysOf("crps-guide", "10.1016/J.Pain.2010.04.030", "https://example.org/crps-guide#top"))
                .containsExactly("crps-guide", "doi:10.1016/j.pain.2010.04.030", "url:example.org/crps-guide");
    }
}
