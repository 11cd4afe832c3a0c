package org.painsearch.ingest;

import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Reads the feed list of an OPML file, as podcast apps export their subscriptions. */
public final class Opml {
    private Opml() {
    }

    /** One subscription: the feed's address and the name the app gave it (may be null). */
    public record Outline(String feedUrl, String title) {
    }

    /**
     * Every outline with an {@code xmlUrl}, nested ones included, in file order.
     *
     * @throws IllegalArgumentException when the file is not OPML
     */
    public static List<Outline> parse(byte[] xml) {
        var doc = SafeXml.parse(xml, null, "OPML file");
        if (!doc.getDocumentElement().getLocalName().equals("opml")) {
            throw new IllegalArgumentException("not an OPML file (the root element is <"
                    + doc.getDocumentElement().getTagName() + ">, expected <opml>)");
        }
        var out = new ArrayList<Outline>();
        NodeList outlines = doc.getElementsByTagName("outline");
        for (int i = 0; i < outlines.getLength(); i++) {
            var o = (Element) outlines.item(i);
            String url = o.getAttribute("xmlUrl").strip();
            if (!url.isEmpty()) {
                String title = o.getAttribute("title").isBlank() ? o.getAttribute("text") : o.getAttribute("title");
                out.add(new Outline(url, title.isBlank() ? null : title.strip()));
            }
        }
        return out;
    }
}
