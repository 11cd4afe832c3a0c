package org.painsearch.ingest;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/** Writes extracted content as simple Markdown: headings, paragraphs, lists, quotes, code blocks and table rows. */
final class MarkdownWriter {
    private final StringBuilder out = new StringBuilder();
    private final String title;

    private MarkdownWriter(String title) {
        this.title = title == null ? "" : title.strip();
    }

    /** The Markdown of {@code content}; a heading repeating {@code title} is left out, as the title is kept apart. */
    static String write(Element content, String title) {
        var w = new MarkdownWriter(title);
        w.block(content, "");
        return w.out.toString().strip();
    }

    private void block(Element e, String quote) {
        String tag = e.normalName();
        switch (tag) {
            case "h1", "h2", "h3", "h4", "h5", "h6" -> {
                String text = inline(e);
                if (!text.isEmpty() && !text.equalsIgnoreCase(title)) {
                    int level = tag.charAt(1) - '0';
                    paragraph(quote, "#".repeat(Math.min(3, level)) + " " + text.replace('\n', ' '));
                }
            }
            case "pre" -> {
                String text = e.wholeText().strip();
                if (!text.isEmpty()) {
                    paragraph(quote, "```\n" + text.replace("```", "` ` `") + "\n```");
                }
            }
            case "ul", "ol", "menu", "dir" -> list(e, quote, "");
            case "dl" -> {
                for (Element item : e.children()) {
                    String text = inline(item);
                    if (!text.isEmpty()) {
                        paragraph(quote, item.is("dd") ? "- " + text : text);
                    }
                }
            }
            case "blockquote" -> children(e, quote + "> ");
            case "tr" -> {
                if (e.select("td td, td p, td div").isEmpty()) {
                    var cells = e.select("> td, > th").eachText().stream().filter(t -> !t.isBlank()).toList();
                    if (!cells.isEmpty()) {
                        paragraph(quote, String.join(" | ", cells));
                    }
                } else {
                    children(e, quote);
                }
            }
            case "br", "hr", "img" -> {
            }
            default -> {
                if (HtmlBlocks.TEXT.contains(tag) || e.children().stream().noneMatch(HtmlBlocks::isBlock)) {
                    paragraph(quote, inline(e));
                } else {
                    children(e, quote);
                }
            }
        }
    }

    private void children(Element e, String quote) {
        for (Node n : e.childNodes()) {
            if (n instanceof Element child) {
                block(child, quote);
            } else if (n instanceof TextNode t && !t.isBlank()) {
                paragraph(quote, t.text().strip());
            }
        }
    }

    private void list(Element list, String quote, String indent) {
        boolean numbered = list.is("ol");
        int n = 1;
        var lines = new StringBuilder();
        for (Element item : list.children()) {
            if (!item.is("li")) {
                continue;
            }
            Element copy = item.clone();
            copy.select("ul, ol").remove();
            String text = inline(copy).replace("\n", " ");
            if (!text.isEmpty()) {
                lines.append(indent).append(numbered ? n++ + ". " : "- ").append(text).append('\n');
            }
            for (Element nested : item.select("> ul, > ol")) {
                var inner = new MarkdownWriter(title);
                inner.list(nested, "", indent + "  ");
                lines.append(inner.out);
            }
        }
        if (indent.isEmpty()) {
            paragraph(quote, lines.toString().stripTrailing());
        } else {
            out.append(lines);
        }
    }

    private void paragraph(String quote, String text) {
        if (text.isBlank()) {
            return;
        }
        if (!out.isEmpty()) {
            out.append(quote.isEmpty() ? "\n\n" : "\n" + quote.stripTrailing() + "\n");
        }
        out.append(quote.isEmpty() ? text : quote + text.replace("\n", "\n" + quote));
    }

    // Text of an element with line breaks kept and whitespace otherwise collapsed.
    private static String inline(Element e) {
        var sb = new StringBuilder();
        inline(e, sb);
        return sb.toString().replaceAll("[ \\t\\x0B\\f\\r\\u00A0]+", " ").replaceAll(" ?\n ?", "\n")
                .replaceAll("\n{2,}", "\n").strip();
    }

    private static void inline(Node node, StringBuilder sb) {
        for (Node n : node.childNodes()) {
            if (n instanceof TextNode t) {
                sb.append(t.text());
            } else if (n instanceof Element el) {
                if (el.normalName().equals("br")) {
                    sb.append('\n');
                } else if (HtmlBlocks.isBlock(el)) {
                    sb.append('\n');
                    inline(el, sb);
                    sb.append('\n');
                } else {
                    inline(el, sb);
                }
            }
        }
    }
}
