package org.painsearch.ingest;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.painsearch.corpus.TextFiles;

/** Decodes an HTML file: a charset the page declares wins; otherwise it must be valid UTF-8. */
final class HtmlText {
    private static final Pattern DECLARED = Pattern.compile("(?i)<meta[^>]+charset\\s*=\\s*[\"']?([a-z0-9_.:-]+)");

    private HtmlText() {
    }

    static String decode(byte[] bytes, String where) throws IOException {
        String head = new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.ISO_8859_1);
        var m = DECLARED.matcher(head);
        if (m.find() && !m.group(1).equalsIgnoreCase("utf-8") && !m.group(1).equalsIgnoreCase("utf8")) {
            try {
                return new String(bytes, Charset.forName(m.group(1)));
            } catch (IllegalArgumentException e) {
                throw new IOException("declares an unknown charset '" + m.group(1) + "'");
            }
        }
        return TextFiles.decodeUtf8(bytes, where);
    }
}
