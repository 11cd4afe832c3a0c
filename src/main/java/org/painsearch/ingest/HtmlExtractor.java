package org.painsearch.ingest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.painsearch.corpus.DocumentCodec;
import tools.jackson.databind.JsonNode;

/**
 * Finds a web page's main content (no navigation, footers, scripts or cookie banners) and its metadata from
 * {@code citation_*}, Open Graph, {@code article:*} and JSON-LD, in that order of trust.
 */
public final class HtmlExtractor {
    private static final String CHROME = "script, style, noscript, template, svg, canvas, iframe, object, embed, form:not(:has(p)), "
            + "nav, footer, aside, button, dialog, select, input, [role=navigation], [role=banner], "
            + "[role=contentinfo], [role=complementary], [role=dialog], [aria-hidden=true], [hidden]";
    // Class or id words that mark page furniture rather than content.
    private static final Pattern FURNITURE = Pattern.compile(
            "(?i)(^|[\\s_-])(cookie|consent|gdpr|banner|newsletter|subscribe|share|sharing|social|related|comments?|"
                    + "advert|ads|promo|sidebar|breadcrumbs?|popup|modal|menu|navbar|masthead|site-header|site-footer|"
                    + "skip-link|pagination)($|[\\s_-])");
    private static final String BLOCKS = "h1, h2, h3, h4, h5, h6, p, li, blockquote, pre, tr, dt, dd, figcaption";

    private HtmlExtractor() {
    }

    /** Extracts a page; {@code baseUri} resolves relative links and is the fallback address. */
    public static Extracted extract(String html, String baseUri) {
        Document page = Jsoup.parse(html, baseUri == null ? "" : baseUri);
        JsonNode ld = JsonLd.find(page);
        String title = first(meta(page, "citation_title"), meta(page, "og:title"), JsonLd.text(ld, "headline"),
                JsonLd.text(ld, "name"), page.title());
        String url = first(page.select("link[rel=canonical]").attr("abs:href"), meta(page, "og:url"),
                JsonLd.text(ld, "url"), baseUri);
        var authors = new ArrayList<>(metas(page, "citation_author"));
        if (authors.isEmpty()) {
            authors.addAll(JsonLd.names(ld, "author"));
        }
        if (authors.isEmpty()) {
            authors.addAll(metas(page, "author"));
            authors.addAll(metas(page, "article:author").stream().filter(a -> !a.startsWith("http")).toList());
        }
        LocalDate published = date(first(meta(page, "citation_publication_date"), meta(page, "citation_date"),
                meta(page, "article:published_time"), JsonLd.text(ld, "datePublished"), meta(page, "dc.date"),
                meta(page, "date"), page.select("time[datetime]").attr("datetime")));
        String source = first(meta(page, "citation_journal_title"), meta(page, "og:site_name"),
                JsonLd.text(ld, "publisher"), JsonLd.text(ld, "partOfSeries"));
        var tags = new LinkedHashSet<String>(metas(page, "article:tag"));
        String keywords = first(meta(page, "keywords"), meta(page, "citation_keywords"),
                String.join(",", JsonLd.names(ld, "keywords")));
        if (keywords != null && tags.isEmpty()) {
            Arrays.stream(keywords.split("[,;]")).map(String::strip).filter(k -> !k.isEmpty() && k.length() <= 40)
                    .limit(8).forEach(tags::add);
        }
        String doi = first(meta(page, "citation_doi"), meta(page, "dc.identifier"));
        if (doi != null) {
            doi = doi.replaceFirst("(?i)^(doi:|https?://(dx\\.)?doi\\.org/)", "");
            doi = doi.startsWith("10.") ? doi : null;
        }
        String markdown = mainContent(page, title);
        return new Extracted(title == null ? null : title.strip(), url, authors.stream().distinct().toList(), published,
                source, DocumentCodec.normalizeTags(tags), doi, meta(page, "citation_pmid"), markdown);
    }

    /** The page's main text as simple Markdown: headings, paragraphs, list items and quotes. */
    static String mainContent(Document page, String title) {
        Element body = page.body();
        body.select(CHROME).remove();
        for (Element e : body.select("[class], [id]")) {
            if (e.parent() != null && (FURNITURE.matcher(e.className()).find() || FURNITURE.matcher(e.id()).find())
                    && !e.is("article, main, body")
                    && e.selectFirst("article, main, [role=main], [itemprop=articleBody]") == null) {
                e.remove();
            }
        }
        Element root = chooseRoot(body);
        var out = new StringBuilder();
        Set<Element> taken = new java.util.HashSet<>();
        for (Element block : root.select(BLOCKS)) {
            if (block.parents().stream().anyMatch(taken::contains)) {
                continue;
            }
            taken.add(block);
            String text = block.is("pre") ? block.wholeText().strip() : block.text().strip();
            if (text.isEmpty() || block.is("h1") && text.equals(title)) {
                continue;
            }
            out.append(switch (block.tagName()) {
                case "h1" -> "# " + text;
                case "h2" -> "## " + text;
                case "h3", "h4", "h5", "h6" -> "### " + text;
                case "li", "dd" -> "- " + text;
                case "blockquote" -> "> " + text;
                case "pre" -> "```\n" + text + "\n```";
                case "tr" -> String.join(" | ", block.select("td, th").eachText());
                default -> text;
            }).append("\n\n");
        }
        String md = out.toString().strip();
        return md.isEmpty() ? root.text().strip() : md;
    }

    // The article or main element when there is one; otherwise the container holding the most paragraph text.
    private static Element chooseRoot(Element body) {
        Element best = null;
        for (Element candidate : body.select("article, main, [role=main], [itemprop=articleBody]")) {
            if (best == null || candidate.text().length() > best.text().length()) {
                best = candidate;
            }
        }
        if (best != null && best.text().length() > 200) {
            return best;
        }
        Element dense = body;
        int denseScore = 0;
        for (Element div : body.select("div, section")) {
            int score = div.select("> p").stream().mapToInt(p -> p.text().length()).sum();
            if (score > denseScore) {
                dense = div;
                denseScore = score;
            }
        }
        return denseScore > 200 ? dense : body;
    }

    private static String meta(Document page, String name) {
        Element e = page.selectFirst("meta[name=" + name + "], meta[property=" + name + "]");
        if (e == null) {
            e = page.select("meta[name]").stream().filter(m -> m.attr("name").equalsIgnoreCase(name)).findFirst().orElse(null);
        }
        if (e == null) {
            return null;
        }
        String v = e.attr("content").strip();
        return v.isEmpty() ? null : v;
    }

    private static List<String> metas(Document page, String name) {
        return page.select("meta[name=" + name + "], meta[property=" + name + "]").eachAttr("content").stream()
                .map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static String first(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return null;
    }

    private static LocalDate date(String value) {
        if (value == null) {
            return null;
        }
        try {
            return DocumentCodec.parseDate(value.replace('/', '-'), "date");
        } catch (IllegalArgumentException e) {
            return null; // an unreadable page date is left out, not a reason to refuse the page
        }
    }
}
