package org.painsearch.crawl;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.zip.GZIPInputStream;

/**
 * One GET at a time with painsearch's limits: redirects are returned, not followed (each hop is checked by the
 * caller); the whole answer must arrive within the read timeout; bodies over the cap are cut off unread; gzip is
 * decoded (and capped again, against compression bombs).
 */
final class Http {
    /** A body over the size cap: the page is skipped, not retried. */
    static final class TooLarge extends IOException {
        TooLarge(String message) {
            super(message);
        }
    }

    private final HttpClient client;
    private final CrawlConfig config;

    Http(CrawlConfig config) {
        this.config = config;
        // HTTP/1.1 keeps one connection per host while requests to it are sequential, as the politeness gate makes them.
        this.client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(config.connectTimeout()).version(HttpClient.Version.HTTP_1_1).build();
    }

    /** GETs {@code uri}, sending the validators of the stored copy when there is one. */
    Response get(URI uri, String etag, String lastModified) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(uri).GET().timeout(config.readTimeout())
                .header("User-Agent", config.userAgent())
                .header("Accept", "text/html, application/xhtml+xml, application/rss+xml, application/atom+xml, "
                        + "application/xml;q=0.9, text/plain;q=0.8, text/vtt, application/x-subrip, application/json;q=0.8, */*;q=0.1")
                .header("Accept-Encoding", "gzip");
        if (etag != null) {
            request.header("If-None-Match", etag);
        }
        if (lastModified != null) {
            request.header("If-Modified-Since", lastModified);
        }
        CompletableFuture<HttpResponse<byte[]>> future = client.sendAsync(request.build(), this::capped);
        HttpResponse<byte[]> r;
        try {
            r = future.get(config.readTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new HttpTimeoutException("no answer within " + seconds(config.readTimeout().toMillis()));
        } catch (ExecutionException e) {
            throw readable(e.getCause());
        }
        HttpHeaders h = r.headers();
        if (r.body() == null) {
            throw new TooLarge("the response is larger than the " + megabytes(config.maxBodyBytes()) + " limit");
        }
        byte[] body = r.body();
        if (h.firstValue("Content-Encoding").map(v -> v.toLowerCase(Locale.ROOT).contains("gzip")).orElse(false)) {
            body = gunzip(body);
        }
        return new Response(r.uri(), r.statusCode(), h.firstValue("Content-Type").orElse(null),
                h.firstValue("ETag").orElse(null), h.firstValue("Last-Modified").orElse(null),
                h.firstValue("Location").orElse(null), h.firstValue("Retry-After").orElse(null),
                String.join(", ", h.allValues("X-Robots-Tag")), body);
    }

    // Reads at most the cap; a declared or actual body over it is cut off and answered with a null body.
    private HttpResponse.BodySubscriber<byte[]> capped(HttpResponse.ResponseInfo info) {
        long declared = info.headers().firstValueAsLong("Content-Length").orElse(-1);
        return new CappedBody(declared > config.maxBodyBytes() ? -1 : config.maxBodyBytes());
    }

    private byte[] gunzip(byte[] gz) throws IOException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
            byte[] out = in.readNBytes((int) Math.min(config.maxBodyBytes() + 1, Integer.MAX_VALUE - 8));
            if (out.length > config.maxBodyBytes()) {
                throw new TooLarge("the response is larger than the " + megabytes(config.maxBodyBytes()) + " limit once unzipped");
            }
            return out;
        } catch (java.util.zip.ZipException e) {
            throw new IOException("the response says it is gzip-compressed but is not (" + e.getMessage() + ")");
        }
    }

    private IOException readable(Throwable cause) {
        return switch (cause) {
            case HttpConnectTimeoutException e -> new HttpConnectTimeoutException(
                    "could not connect within " + seconds(config.connectTimeout().toMillis()));
            case HttpTimeoutException e -> new HttpTimeoutException(
                    "no answer within " + seconds(config.readTimeout().toMillis()));
            case ConnectException e -> new ConnectException("connection refused");
            case IOException e -> new IOException(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), e);
            default -> new IOException(cause.toString(), cause);
        };
    }

    static String seconds(long millis) {
        return millis % 1000 == 0 ? millis / 1000 + " s" : String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }

    static String megabytes(long bytes) {
        return bytes >= 1024 * 1024 ? String.format(Locale.ROOT, "%.1f MB", bytes / 1048576.0)
                : String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
    }

    /** Collects a body up to a cap (-1: refuse at once); over it, cancels the download and yields null. */
    private static final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {
        private final long cap;
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private Flow.Subscription subscription;

        CappedBody(long cap) {
            this.cap = cap;
        }

        @Override
        public java.util.concurrent.CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            if (cap < 0) {
                s.cancel();
                result.complete(null);
            } else {
                s.request(Long.MAX_VALUE);
            }
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            if (result.isDone()) {
                return;
            }
            for (ByteBuffer b : items) {
                byte[] chunk = new byte[b.remaining()];
                b.get(chunk);
                buffer.writeBytes(chunk);
            }
            if (buffer.size() > cap) {
                subscription.cancel();
                result.complete(null);
            }
        }

        @Override
        public void onError(Throwable t) {
            result.completeExceptionally(t);
        }

        @Override
        public void onComplete() {
            result.complete(buffer.toByteArray());
        }
    }
}
