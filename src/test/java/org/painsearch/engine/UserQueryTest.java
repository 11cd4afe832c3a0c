package org.painsearch.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.painsearch.corpus.DocType;

class UserQueryTest {
    @Test
    void typedFiltersBecomeTypedValuesAndTheRestIsText() {
        var q = UserQuery.parse("massage -type:podcast tag:\"Low Back\" author:Moseley year:2015..2019 cited:no "
                + "linked:note-glow is:bookmarked is:note -is:private source:Pain");
        assertThat(q.text()).isEqualTo("massage");
        assertThat(q.problems()).isEmpty();
        assertThat(q.filters()).containsExactly(
                new Filter.TypeIs(DocType.PODCAST, true),
                new Filter.TagIs("low-back", false),
                new Filter.AuthorIs("Moseley", false),
                new Filter.YearIn(2015, 2019, false),
                new Filter.Cited(false, false),
                new Filter.LinksTo("note-glow", false),
                new Filter.Bookmarked(false),
                new Filter.TypeIs(DocType.NOTE, false),
                new Filter.IsPrivate(true),
                new Filter.SourceIs("Pain", false));
    }

    @Test
    void yearsOpenAtEitherEndOrBackwardsAreRanges() {
        assertThat(Filter.year("..2010", false)).isEqualTo(new Filter.YearIn(0, 2010, false));
        assertThat(Filter.year("2015..", false)).isEqualTo(new Filter.YearIn(2015, 9999, false));
        assertThat(Filter.year("2023..2019", false)).isEqualTo(new Filter.YearIn(2019, 2023, false));
        assertThat(Filter.year("2019", true)).isEqualTo(new Filter.YearIn(2019, 2019, true));
    }

    @Test
    void aFilterThatCannotBeReadIsLeftOutAndSaid() {
        var q = UserQuery.parse("pain type:video year:soon cited:maybe is:odd");
        assertThat(q.text()).isEqualTo("pain");
        assertThat(q.filters()).isEmpty();
        assertThat(q.problems()).containsExactly(
                "Ignored the filter 'type:video': type must be article, podcast or note (got: video).",
                "Ignored the filter 'year:soon': year must look like 2019, 2019..2023, ..2010 or 2015.. (got: soon).",
                "Ignored the filter 'cited:maybe': cited must be yes or no (got: maybe).",
                "Ignored the filter 'is:odd': is: takes bookmarked, private, note, article or podcast (got: odd).");
    }

    @Test
    void facetChoicesOutsideTheQueryAreFiltersToo() {
        var r = new SearchRequest("x", List.of("note", "Article"), List.of("crps"), List.of("Pain"), "2019..2020",
                SortOrder.RELEVANCE, 1, 10);
        assertThat(r.filters()).containsExactly(new Filter.TypeIs(DocType.NOTE, false),
                new Filter.TypeIs(DocType.ARTICLE, false), new Filter.TagIs("crps", false),
                new Filter.SourceIs("Pain", false), new Filter.YearIn(2019, 2020, false));
        assertThatThrownBy(() -> new SearchRequest("x", List.of("video"), List.of(), List.of(), null,
                SortOrder.RELEVANCE, 1, 10)).hasMessage("type must be article, podcast or note (got: video)");
    }
}
