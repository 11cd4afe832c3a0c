package org.painsearch.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class HtmlExtractorTest {
    private static final String FALLBACK = "https://fallback.example/page";
    // Two paragraphs long enough (over 200 characters) to count as a page's main text.
    private static final String STORY = """
            <p>Central sensitisation is a state in which the spinal cord and brain amplify signals from the body, \
            so that ordinary touch can hurt.</p>
            <p>It helps explain why pain can persist after tissues have healed, and why the amount of pain does \
            not track the amount of damage.</p>
            """;
    private static final String STORY_MARKDOWN = """
            Central sensitisation is a state in which the spinal cord and brain amplify signals from the body, \
            so that ordinary touch can hurt.

            It helps explain why pain can persist after tissues have healed, and why the amount of pain does \
            not track the amount of damage.""";

    @Test
    void newsPageKeepsOnlyTheArticleText() throws IOException {
        var x = HtmlExtractor.extract(fixture("news-page.html"), FALLBACK);

        assertThat(x.title()).isEqualTo("Why massage eases back pain, for a while");
        assertThat(x.url()).isEqualTo("https://news.example.com/health/massage-back-pain");
        assertThat(x.authors()).containsExactly("Jane Doe");
        assertThat(x.published()).isEqualTo(LocalDate.of(2023, 4, 18));
        assertThat(x.source()).isEqualTo("The Daily Tissue");
        assertThat(x.tags()).isEmpty();
        assertThat(x.doi()).isNull();
        // The byline is metadata, not text: it is read into authors and date and left out of the body.
        assertThat(x.markdown()).isEqualTo("""
                Massage reduces low back pain in the short term, a new review of twenty-five trials finds, \
                but the benefit fades within weeks once the sessions stop.

                The authors suggest that touch changes how the nervous system weighs threat, rather than \
                loosening knots in muscle.

                ## What this means for clients

                Therapists can explain that the relief is real even when it is temporary, and pair massage \
                with gentle movement.

                - Keep sessions regular
                - Add walking between sessions""");
        assertThat(x.markdown()).doesNotContain("Accept cookies", "We use cookies", "Manage preferences",
                "Share on", "Subscribe", "newsletter", "News", "Sport", "Wellbeing", "Home", "Opinion", "homepage",
                "Most read", "Ten foods", "All rights reserved", "Privacy policy", "trackPageView", "tracking pixel",
                "dataLayer", "Injected by script", "font-family", "position: fixed");
    }

    @Test
    void scholarlyPageUsesCitationTags() throws IOException {
        var x = HtmlExtractor.extract(fixture("scholarly-page.html"), "https://journal.example.org/article/123");

        assertThat(x.title()).isEqualTo("Massage therapy for chronic low back pain: a randomized trial");
        assertThat(x.url()).isEqualTo("https://journal.example.org/article/123");
        assertThat(x.authors()).containsExactly("Cherkin, Daniel C.", "Sherman, Karen J.", "Kahn, Janet");
        assertThat(x.published()).isEqualTo(LocalDate.of(2019, 5, 14));
        assertThat(x.source()).isEqualTo("Journal of Bodywork and Movement Therapies");
        assertThat(x.doi()).isEqualTo("10.5555/jbmt.2019.05.002");
        assertThat(x.pmid()).isEqualTo("31000001");
        assertThat(x.tags()).containsExactly("massage", "low-back-pain", "randomized-controlled-trial");
        assertThat(x.markdown()).isEqualTo("""
                ## Abstract

                Four hundred and one adults with chronic low back pain received either relaxation massage, \
                structural massage or usual care for ten weeks.

                Both kinds of massage improved function at ten weeks more than usual care did; the difference \
                had faded by one year.""");
        assertThat(x.markdown()).doesNotContain("Recommended articles", "Yoga", "Journals", "Copyright", "Cookies");
    }

    @Test
    void doiGivenAsAddressIsReducedToTheBareDoi() {
        var x = HtmlExtractor.extract("""
                <html><head>
                <meta name="citation_title" content="Pain neuroscience education">
                <meta name="citation_doi" content="https://doi.org/10.5555/pne.2016.7">
                </head><body><article>%s</article></body></html>
                """.formatted(STORY), FALLBACK);

        assertThat(x.doi()).isEqualTo("10.5555/pne.2016.7");
    }

    @Test
    void openGraphPageUsesOgAndArticleTags() throws IOException {
        var x = HtmlExtractor.extract(fixture("open-graph-page.html"), FALLBACK);

        assertThat(x.title()).isEqualTo("Poor sleep makes pain worse, and pain makes sleep worse");
        assertThat(x.url()).isEqualTo("https://bodymatters.example.org/posts/sleep-and-pain");
        // article:author holds a profile address, which is not a name.
        assertThat(x.authors()).isEmpty();
        assertThat(x.published()).isEqualTo(LocalDate.of(2022, 11, 3));
        assertThat(x.source()).isEqualTo("Body Matters");
        assertThat(x.tags()).containsExactly("sleep", "chronic-pain", "central-sensitization");
        assertThat(x.doi()).isNull();
        assertThat(x.pmid()).isNull();
        assertThat(x.markdown()).isEqualTo("""
                One short night lowers the pain threshold the next morning, and people in pain sleep less deeply. \
                The two feed each other.

                Keeping a regular bedtime is one of the few things that helps with both problems at once, \
                and it costs nothing to try.""");
    }

    @Test
    void jsonLdGraphGivesArticleMetadata() throws IOException {
        var x = HtmlExtractor.extract(fixture("json-ld-page.html"), FALLBACK);

        assertThat(x.title()).isEqualTo("Graded exposure helps people with fear of movement");
        assertThat(x.url()).isEqualTo("https://painscienceweekly.example.net/graded-exposure");
        assertThat(x.authors()).containsExactly("Priya Raman", "Tom Okafor");
        assertThat(x.published()).isEqualTo(LocalDate.of(2021, 3, 4));
        assertThat(x.source()).isEqualTo("Pain Science Weekly");
        assertThat(x.tags()).containsExactly("graded-exposure", "kinesiophobia", "fear-avoidance");
        assertThat(x.markdown()).isEqualTo("""
                People who fear that bending will damage their back often avoid it for years. Graded exposure \
                asks them to try the feared movement in small, planned steps.

                In the trial, fear of movement fell further with exposure than with graded activity, although \
                pain itself changed by about the same amount.""");
    }

    @Test
    void jsonLdPublisherAndAuthorGivenByReferenceAreResolvedInTheGraph() {
        // The shape Yoast SEO writes: the Article points at Person and Organization nodes by @id.
        var x = HtmlExtractor.extract("""
                <html><head><title>Sensitisation</title>
                <script type="application/ld+json">
                {"@context": "https://schema.org", "@graph": [
                  {"@type": "Organization", "@id": "https://clinic.example/#organization", "name": "Calm Clinic"},
                  {"@type": "Article", "headline": "Sensitisation",
                   "author": {"@id": "https://clinic.example/#/schema/person/ann"},
                   "publisher": {"@id": "https://clinic.example/#organization"}},
                  {"@type": "Person", "@id": "https://clinic.example/#/schema/person/ann", "name": "Ann Lee"}
                ]}
                </script></head>
                <body><article>%s</article></body></html>
                """.formatted(STORY), FALLBACK);

        assertThat(x.source()).isEqualTo("Calm Clinic");
        assertThat(x.authors()).containsExactly("Ann Lee");
    }

    @Test
    void jsonLdKeywordListBecomesTags() {
        var x = HtmlExtractor.extract("""
                <html><head><script type="application/ld+json">
                {"@context": "https://schema.org", "@type": "BlogPosting", "headline": "Sensitisation",
                 "keywords": ["pain", "massage", "sleep"]}
                </script></head>
                <body><article>%s</article></body></html>
                """.formatted(STORY), FALLBACK);

        assertThat(x.tags()).containsExactly("pain", "massage", "sleep");
    }

    @Test
    void withoutArticleOrMainTheDensestDivIsChosen() throws IOException {
        var x = HtmlExtractor.extract(fixture("dense-div-page.html"), FALLBACK);

        assertThat(x.title()).isEqualTo("Central sensitisation explained");
        assertThat(x.url()).isEqualTo(FALLBACK);
        assertThat(x.authors()).isEmpty();
        assertThat(x.published()).isNull();
        assertThat(x.source()).isNull();
        // The heading repeating the title is the title, kept apart from the body.
        assertThat(x.markdown()).isEqualTo("""
                Central sensitisation is a state in which the spinal cord and brain amplify signals from the body, \
                so that ordinary touch can hurt.

                It helps explain why pain can persist after tissues have healed, and why the amount of pain does \
                not track the amount of damage.

                Gentle, predictable touch and graded activity can help the system settle over weeks rather than \
                days.""");
        assertThat(x.markdown()).doesNotContain("Clinic home", "Book an appointment", "Posted in Research",
                "Opening hours", "01234", "Readers also asked");
    }

    @Test
    void brokenHtmlIsStillRead() throws IOException {
        var x = HtmlExtractor.extract(fixture("broken-page.html"), FALLBACK);

        assertThat(x.title()).isEqualTo("Trigger points & referred pain");
        assertThat(x.markdown()).isEqualTo("""
                A trigger point is a tender spot in a muscle that can send pain to another place, such as from \
                the shoulder to the head.

                Pressing on it reproduces the familiar pain, which is how most therapists find them.

                - Upper trapezius refers pain to the temple
                - Gluteus minimus refers pain down the leg

                Whether trigger points are knots in muscle or a feature of a sensitive nervous system is still \
                argued about""");
    }

    @Test
    void pageWrappedInOneFormKeepsItsText() {
        // ASP.NET Web Forms pages put the whole body inside a single <form>.
        var x = HtmlExtractor.extract("""
                <html><head><title>Sensitisation</title></head><body>
                <form id="aspnetForm" method="post" action="./article.aspx">
                <input type="hidden" name="__VIEWSTATE" value="abc">
                <div id="content">%s</div>
                </form></body></html>
                """.formatted(STORY), FALLBACK);

        assertThat(x.markdown()).isEqualTo(STORY_MARKDOWN);
    }

    @Test
    void furnitureWordOnAWrapperDoesNotRemoveTheArticleInside() {
        var x = HtmlExtractor.extract("""
                <html><head><title>Sensitisation</title></head><body>
                <div class="container has-sidebar">
                  <article>%s</article>
                  <aside class="sidebar"><p>Most read this week</p></aside>
                </div></body></html>
                """.formatted(STORY), FALLBACK);

        assertThat(x.markdown()).isEqualTo(STORY_MARKDOWN);
    }

    private static String fixture(String name) throws IOException {
        try (var in = HtmlExtractorTest.class.getResourceAsStream("/html/" + name)) {
            assertThat(in).as("test resource html/%s", name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
