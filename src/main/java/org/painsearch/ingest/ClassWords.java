package org.painsearch.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/**
 * What the words of an element's {@code class} and {@code id} suggest about it: main content, page furniture, or
 * nothing. They are hints, never verdicts: the extractor weighs them against the text an element actually holds.
 */
final class ClassWords {
    private static final Pattern SPLIT = Pattern.compile("[^A-Za-z0-9]+|(?<=[a-z])(?=[A-Z])");
    // Words naming the main text of a page.
    private static final Set<String> CONTENT = Set.of("article", "body", "content", "entry", "hentry", "main", "page",
            "post", "text", "blog", "story", "prose", "column", "articlebody", "storybody", "postbody");
    // Words naming the parts around it (navigation, promotion, social and commercial boxes, comments).
    private static final Set<String> FURNITURE = Set.of("ad", "ads", "adv", "advert", "advertisement", "banner",
            "breadcrumb", "breadcrumbs", "combx", "comment", "comments", "commentlist", "contact", "footer", "foot",
            "masthead", "meta", "outbrain", "taboola", "promo", "promotion", "related", "scroll", "share", "sharing",
            "sharebar", "shoutbox", "sidebar", "skyscraper", "sponsor", "sponsored", "shopping", "tags", "tagcloud",
            "widget", "social", "cookie", "cookies", "consent", "gdpr", "newsletter", "subscribe", "subscription",
            "signup", "popup", "modal", "nav", "navbar", "navigation", "menu", "hidden", "pagination", "pager",
            "popular", "trending", "recommended", "recommendations", "toolbar", "tools", "login", "rating", "reply",
            "replies", "disqus", "community", "remark", "rss", "supplemental", "agegate", "header", "byline",
            "dateline", "author", "caption", "credit", "credits", "print", "email", "follow", "teaser", "more",
            "moreinfo", "readmore", "utility", "utilities", "bottom", "topbar", "logo", "copyright", "legal", "disclaimer",
            "cta", "feedback", "survey", "poll", "partner", "partners", "extra", "aside", "secondary", "complementary",
            "widgets", "links", "blogroll", "archive", "archives", "categories", "category", "breaking", "ticker");
    // Furniture words that name a thing which is never the article itself, used to remove it before scoring.
    private static final Set<String> NEVER_CONTENT = Set.of("advert", "advertisement", "ads", "breadcrumb",
            "breadcrumbs", "comment", "comments", "commentlist", "outbrain", "taboola", "share", "sharing", "sharebar",
            "shoutbox", "sidebar", "skyscraper", "sponsor", "sponsored", "social", "cookie", "cookies", "consent", "gdpr",
            "newsletter", "subscribe", "signup", "popup", "modal", "navbar", "navigation", "menu", "pagination", "pager",
            "popular", "trending", "recommended", "recommendations", "toolbar", "login", "disqus", "agegate", "related",
            "masthead", "tagcloud", "blogroll", "ticker", "nav", "footer");

    private static final Set<String> COMMENTS = Set.of("comment", "comments", "commentlist", "disqus", "replies",
            "reply", "respond", "discussion");

    private ClassWords() {
    }

    // Stems of furniture words that class names glue to others (commentbody, sidebarleft, sharebar, menuitem).
    private static final List<String> FURNITURE_STEMS = List.of("comment", "sidebar", "share", "social", "advert",
            "sponsor", "promo", "footer", "widget", "cookie", "newsletter", "subscribe", "breadcrumb", "pagination",
            "popup", "modal", "menu", "navbar", "navigation", "disqus", "outbrain", "taboola", "trending", "recommended",
            "toolbar", "masthead", "related");
    // Words that begin like furniture but name content.
    private static final int LONG_STEM = 8;
    private static final Set<String> NOT_FURNITURE = Set.of("commentary", "menus");

    /** The lowercase words of an element's class and id ({@code l-sidebar-fixed} gives l, sidebar, fixed). */
    static List<String> words(Element e) {
        var out = new ArrayList<String>();
        for (String attr : new String[] {e.className(), e.id()}) {
            for (String w : SPLIT.split(attr)) {
                if (!w.isEmpty()) {
                    out.add(stem(w.toLowerCase(Locale.ROOT)));
                }
            }
        }
        return out;
    }

    // A word glued to a furniture stem counts as that stem ("commentbody" as "comment").
    private static String stem(String word) {
        if (FURNITURE.contains(word) || CONTENT.contains(word) || NOT_FURNITURE.contains(word)) {
            return word;
        }
        for (String s : FURNITURE_STEMS) {
            // A long stem without its last letters ("subscri", "paginat") also catches inflections (subscription).
            if (word.startsWith(s.length() >= LONG_STEM ? s.substring(0, s.length() - 2) : s)) {
                return s;
            }
        }
        return word;
    }

    /** +25 for each of class and id that names content, -25 for each that names furniture. */
    static int weight(Element e) {
        return weight(e.className()) + weight(e.id());
    }

    /** Whether a class or id word says the element is page furniture that is never an article's text. */
    static boolean neverContent(Element e) {
        return words(e).stream().anyMatch(NEVER_CONTENT::contains);
    }

    /** Whether a class or id word names comments or replies. */
    static boolean comments(Element e) {
        return words(e).stream().anyMatch(COMMENTS::contains);
    }

    /** Whether some class or id word is furniture and none names content. */
    static boolean furniture(Element e) {
        var words = words(e);
        return words.stream().anyMatch(FURNITURE::contains) && words.stream().noneMatch(CONTENT::contains);
    }

    private static int weight(String attr) {
        if (attr.isEmpty()) {
            return 0;
        }
        boolean content = false;
        boolean furniture = false;
        for (String w : SPLIT.split(attr)) {
            String word = stem(w.toLowerCase(Locale.ROOT));
            content |= CONTENT.contains(word);
            furniture |= FURNITURE.contains(word);
        }
        return (content ? 25 : 0) - (furniture ? 25 : 0);
    }
}
