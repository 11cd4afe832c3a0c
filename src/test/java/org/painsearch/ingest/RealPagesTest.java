package org.painsearch.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The ways real pages defeated the first extractor, each as a page written for this test: class-name traps on the
 * article's own box, text in divs separated by line breaks, a feed beside the article, share bars, bylines and
 * captions, site names in titles, placeholder dates, "By" bylines, and pages that are not articles at all.
 */
class RealPagesTest {
    private static final String ADDRESS = "https://clinic.example/notes/page";
    private static final String PARAGRAPHS = """
            <p>Pain that lingers after an injury has healed is often a sign that the nervous system has become more \
            protective, not that the tissue is still damaged.</p>
            <p>Explaining this to a client, in plain words and with an example from their own life, can lower the \
            threat they feel and make gentle movement easier to try.</p>
            <p>Touch helps too: slow, predictable pressure tells the brain that the area is safe, and the guarding \
            in the muscles around it can ease within a session.</p>
            """;

    @ParameterizedTest
    @ValueSource(strings = {"l-sidebar-fixed", "content-with-sidebar-wrp", "modal-body", "pagination-wrap story",
            "share-aware"})
    void aFurnitureWordInTheArticlesOwnClassDoesNotDeleteIt(String trap) {
        var x = HtmlExtractor.extract("""
                <html><head><title>Why pain lingers | Calm Clinic</title></head><body>
                <nav><ul><li><a href="/">Home</a></li><li><a href="/about">About</a></li></ul></nav>
                <div class="%s"><h1>Why pain lingers</h1>%s</div>
                <aside class="sidebar"><p><a href="/x">Ten stretches for the office</a></p></aside>
                </body></html>
                """.formatted(trap, PARAGRAPHS), ADDRESS);

        assertThat(x.kind()).isInstanceOf(PageKind.Article.class);
        assertThat(x.markdown()).contains("Pain that lingers after an injury", "slow, predictable pressure")
                .doesNotContain("Ten stretches", "Home", "About");
    }

    @Test
    void textInDivsSeparatedByLineBreaksIsKeptAndTheMenuIsNot() {
        var x = HtmlExtractor.extract("""
                <html><head><title>Sleep and pain</title></head><body>
                <table><tr><td class="menu">
                  <p><a href="/a">Treatments</a></p><p><a href="/b">Prices</a></p><p><a href="/c">Contact us today</a></p>
                </td><td>
                  <div class="body">Poor sleep lowers the pain threshold the next day, and pain in turn breaks up \
                sleep, so each problem feeds the other over weeks.<br><br>A regular bedtime and a dark, cool room \
                are small changes, yet clients often report that their aches feel less sharp after a fortnight.<br>\
                <br>Massage in the evening can help some people fall asleep sooner, which is worth asking about at \
                the next appointment.</div>
                </td></tr></table></body></html>
                """, ADDRESS);

        assertThat(x.markdown()).isEqualTo("""
                Poor sleep lowers the pain threshold the next day, and pain in turn breaks up sleep, so each problem \
                feeds the other over weeks.

                A regular bedtime and a dark, cool room are small changes, yet clients often report that their aches \
                feel less sharp after a fortnight.

                Massage in the evening can help some people fall asleep sooner, which is worth asking about at the \
                next appointment.""");
    }

    @Test
    void theArticleWinsOverALongerFeedOfOtherStories() {
        var feed = new StringBuilder();
        for (int i = 1; i <= 8; i++) {
            feed.append("""
                    <article><h2><a href="/story-%d">Story number %d about something else entirely</a></h2>
                    <p>A teaser paragraph for another story, long enough to look like prose, with commas, clauses, \
                    and a full stop at the end of it, number %d.</p></article>
                    """.formatted(i, i, i));
        }
        var x = HtmlExtractor.extract("""
                <html><head><title>Why pain lingers</title></head><body>
                <main><h1>Why pain lingers</h1>%s</main>
                <section class="more">%s</section>
                </body></html>
                """.formatted(PARAGRAPHS, feed), ADDRESS);

        assertThat(x.markdown()).contains("Pain that lingers", "slow, predictable pressure")
                .doesNotContain("teaser paragraph", "Story number");
    }

    @Test
    void shareBarsBylinesAndCaptionsAreLeftOut() {
        var x = HtmlExtractor.extract("""
                <html><head><title>Why pain lingers</title></head><body><article>
                <h1>Why pain lingers</h1>
                <p class="byline">By <a rel="author" href="/people/ann">Ann Lee</a></p>
                <div class="social-share"><a href="#">Share on Facebook</a> <a href="#">Tweet this</a></div>
                <figure><img src="a.jpg"><figcaption>A therapist at work in the clinic room</figcaption></figure>
                %s
                <div class="most-popular"><h3>Most popular</h3><ul><li><a href="/1">Ten foods</a></li>
                <li><a href="/2">Five stretches</a></li><li><a href="/3">Three habits</a></li></ul></div>
                </article></body></html>
                """.formatted(PARAGRAPHS), ADDRESS);

        assertThat(x.authors()).containsExactly("Ann Lee");
        assertThat(x.markdown()).startsWith("Pain that lingers").endsWith("can ease within a session.")
                .doesNotContain("By Ann", "Share", "Tweet", "therapist at work", "Most popular", "Ten foods");
    }

    @Test
    void titleLosesTheSiteNameAndFullWidthSeparatorsAreRead() {
        var x = HtmlExtractor.extract("""
                <html><head><title>Why pain lingers ｜ Calm Clinic</title>
                <meta property="og:site_name" content="Calm Clinic"></head>
                <body><article>%s</article></body></html>
                """.formatted(PARAGRAPHS), ADDRESS);

        assertThat(x.title()).isEqualTo("Why pain lingers");
        assertThat(x.source()).isEqualTo("Calm Clinic");
    }

    @Test
    void theHeadlineThePageShowsDecidesWhichPartOfTheTitleIsTheSite() {
        var x = HtmlExtractor.extract("""
                <html><head><title>Calm Clinic - Notes - Why pain lingers after healing</title></head>
                <body><h1>Why pain lingers after healing</h1><div>%s</div></body></html>
                """.formatted(PARAGRAPHS), ADDRESS);

        assertThat(x.title()).isEqualTo("Why pain lingers after healing");
    }

    @Test
    void placeholderDatesAreRefusedAndTheNextDateIsUsed() {
        var x = HtmlExtractor.extract("""
                <html><head><title>Why pain lingers</title>
                <meta property="article:published_time" content="0001-01-01T00:00:00Z">
                <meta name="date" content="2999-01-01">
                </head><body><article><time datetime="2021-06-02">2 June 2021</time>%s</article></body></html>
                """.formatted(PARAGRAPHS), ADDRESS);

        assertThat(x.published()).isEqualTo(LocalDate.of(2021, 6, 2));
    }

    @Test
    void aDateOnlyInTextIsRead() {
        assertThat(PageDates.parse("Posted on March 25, 2015 at 9:15AM")).isEqualTo(LocalDate.of(2015, 3, 25));
        assertThat(PageDates.parse("Tue, 8 Jan 2008 17:10:00 GMT")).isEqualTo(LocalDate.of(2008, 1, 8));
        assertThat(PageDates.parse("20190514")).isEqualTo(LocalDate.of(2019, 5, 14));
        assertThat(PageDates.parse("1899-12-31")).isNull();
        assertThat(PageDates.parse("sometime soon")).isNull();
    }

    @Test
    void bylinesLoseByAndAreSplitIntoPeopleOnce() {
        var x = HtmlExtractor.extract("""
                <html><head><title>Why pain lingers</title>
                <meta name="author" content="By Ann Lee and Tom Okafor">
                <meta name="author" content="ann lee">
                </head><body><article>%s</article></body></html>
                """.formatted(PARAGRAPHS), ADDRESS);

        assertThat(x.authors()).containsExactly("Ann Lee", "Tom Okafor");
        assertThat(Bylines.clean(java.util.List.of("Written by Priya Raman, March 3, 2021"), true))
                .containsExactly("Priya Raman");
        // Scholarly metadata writes family name first: the comma does not part two people there.
        assertThat(Bylines.clean(java.util.List.of("Cherkin, Daniel C."), false)).containsExactly("Cherkin, Daniel C.");
    }

    @Test
    void aPageOfLinksIsNotAnArticle() {
        var links = new StringBuilder();
        for (int i = 1; i <= 40; i++) {
            links.append("<li><a href=\"/notes/%d\">Clinic note number %d on pain and touch</a></li>\n".formatted(i, i));
        }
        var x = HtmlExtractor.extract("""
                <html><head><title>All notes</title></head><body><h1>All notes</h1><ul>%s</ul>
                <p>Browse by tag.</p></body></html>
                """.formatted(links), ADDRESS);

        assertThat(x.kind()).isInstanceOfSatisfying(PageKind.NotArticle.class,
                n -> assertThat(n.describe()).startsWith("a list of links").endsWith("not an article"));
    }

    @Test
    void aTagPageOfTeasersIsAnIndexNotAnArticle() {
        var teasers = new StringBuilder();
        for (int i = 1; i <= 10; i++) {
            teasers.append("<div class=\"teaser\"><h2><a href=\"/n/%d\">A note about pain science, part %d</a></h2>"
                    .formatted(i, i)).append("<p>Short summary.</p></div>\n");
        }
        var x = HtmlExtractor.extract("<html><head><title>Tag: pain</title></head><body>" + teasers + "</body></html>",
                ADDRESS);

        assertThat(x.kind()).isInstanceOfSatisfying(PageKind.NotArticle.class,
                n -> assertThat(n.what()).isIn("an index of other pages", "a list of links"));
    }

    @Test
    void aSignInPageAndACookieWallAreNotArticles() {
        var login = HtmlExtractor.extract("""
                <html><head><title>Sign in</title></head><body><h1>Sign in</h1>
                <form><p>Log in to read this article.</p><input name="user"><input type="password" name="pw">
                <button>Log in</button></form></body></html>
                """, ADDRESS);
        var cookies = HtmlExtractor.extract("""
                <html><head><title>Before you continue</title></head><body>
                <div><p>We use cookies to run this site and to measure how it is used. Choose accept all to allow \
                them or reject all to refuse the optional ones. Your consent can be changed later.</p>
                <button>Accept all</button><button>Reject all</button></div></body></html>
                """, ADDRESS);

        assertThat(login.kind()).isInstanceOfSatisfying(PageKind.NotArticle.class,
                n -> assertThat(n.what()).isEqualTo("a sign-in page"));
        assertThat(cookies.kind()).isInstanceOfSatisfying(PageKind.NotArticle.class,
                n -> assertThat(n.what()).isEqualTo("a cookie wall"));
    }

    @Test
    void aShortArticleOnABusyPageIsStillAnArticle() {
        var menu = new StringBuilder();
        for (int i = 1; i <= 30; i++) {
            menu.append("<li><a href=\"/s/%d\">Section %d</a></li>".formatted(i, i));
        }
        var x = HtmlExtractor.extract("""
                <html><head><title>Why pain lingers</title></head><body><ul>%s</ul>
                <div class="post"><h1>Why pain lingers</h1>%s</div></body></html>
                """.formatted(menu, PARAGRAPHS), ADDRESS);

        assertThat(x.kind()).isInstanceOf(PageKind.Article.class);
        assertThat(x.markdown()).startsWith("Pain that lingers");
    }

    @Test
    void aTitleNeverClosedDoesNotSwallowThePage() {
        var x = HtmlExtractor.extract("<html><head><title>Why pain lingers" + "x".repeat(1200)
                + "</head><body><article>" + PARAGRAPHS + "</article></body></html>", ADDRESS);

        assertThat(x.markdown()).contains("Pain that lingers after an injury", "can ease within a session.");
        assertThat(x.title()).isNull();
    }
}
