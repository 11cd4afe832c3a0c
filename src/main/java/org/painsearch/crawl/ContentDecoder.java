package org.painsearch.crawl;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Decodes fetched text: the charset in the Content-Type header, then a byte order mark, then a page's own
 * {@code <meta charset>}, then UTF-8 if the bytes are valid UTF-8, else Windows-1252. A header that says UTF-8 over
 * bytes that are not is taken as wrong and the page's own declaration is used instead.
 */
final class ContentDecoder {
    private static final Pattern HEADER_CHARSET = Pattern.compile("(?i)charset\\s*=\\s*[\"']?([\\w.:-]+)");
    private static final Pattern META_CHARSET = Pattern.compile(
            "(?i)<meta[^>]+?charset\\s*=\\s*[\"']?([\\w.:-]+)");
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private ContentDecoder() {
    }

    static String decode(byte[] body, String contentType) {
        Charset declared = charset(contentType == null ? null : HEADER_CHARSET.matcher(contentType));
        if (declared != null && !declared.equals(StandardCharsets.UTF_8)) {
            return strip(new String(body, declared));
        }
        if (body.length >= 3 && (body[0] & 0xff) == 0xEF && (body[1] & 0xff) == 0xBB && (body[2] & 0xff) == 0xBF) {
            return new String(body, 3, body.length - 3, StandardCharsets.UTF_8);
        }
        if (body.length >= 2 && ((body[0] & 0xff) == 0xFE && (body[1] & 0xff) == 0xFF
                || (body[0] & 0xff) == 0xFF && (body[1] & 0xff) == 0xFE)) {
            return strip(new String(body, StandardCharsets.UTF_16));
        }
        String utf8 = strictUtf8(body);
        if (utf8 != null) {
            return strip(utf8);
        }
        String head = new String(body, 0, Math.min(body.length, 4096), StandardCharsets.ISO_8859_1);
        Charset meta = charset(META_CHARSET.matcher(head));
        return strip(new String(body, meta != null && !meta.equals(StandardCharsets.UTF_8) ? meta : WINDOWS_1252));
    }

    /** The charset a Content-Type header names, or null; used to retry XML that does not decode as it says. */
    static String headerCharset(String contentType) {
        Charset c = charset(contentType == null ? null : HEADER_CHARSET.matcher(contentType));
        return c == null ? null : c.name();
    }

    private static Charset charset(java.util.regex.Matcher m) {
        if (m == null || !m.find()) {
            return null;
        }
        try {
            String name = m.group(1).toLowerCase(Locale.ROOT);
            // Browsers read pages labelled Latin-1 as Windows-1252; so do we (curly quotes, dashes).
            return name.equals("iso-8859-1") || name.equals("latin1") ? WINDOWS_1252 : Charset.forName(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String strictUtf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static String strip(String s) {
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }
}
