package org.painsearch.crawl;

import java.net.URI;

/**
 * One HTTP answer, its body already decoded from gzip and within the size cap.
 *
 * @param location   the {@code Location} header, or null
 * @param retryAfter the {@code Retry-After} header, or null
 * @param robotsTag  the {@code X-Robots-Tag} header, or null
 */
record Response(URI uri, int status, String contentType, String etag, String lastModified, String location,
                String retryAfter, String robotsTag, byte[] body) {
    Response {
        body = body == null ? new byte[0] : body;
    }

    boolean isRedirect() {
        return (status == 301 || status == 302 || status == 303 || status == 307 || status == 308) && location != null;
    }
}
