package org.painsearch.crawl;

import crawlercommons.robots.BaseRobotRules;
import java.io.IOException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fetches an address the polite and safe way: the address guard and robots.txt before every hop, one request at
 * a time per host with its delay, at most a few redirects (loops caught), 429 and 503 retried as the server asks,
 * and conditional requests against the stored copy, whose body stands in for a 304.
 */
final class PoliteClient implements Fetcher {
    private final CrawlConfig config;
    private final RawStore raw;
    private final Http http;
    private final AddressGuard guard;
    private final Robots robots = new Robots();
    private final ConcurrentHashMap<String, HostGate> gates = new ConcurrentHashMap<>();

    PoliteClient(CrawlConfig config, RawStore raw) {
        this.config = config;
        this.raw = raw;
        this.http = new Http(config);
        this.guard = new AddressGuard(config.allowPrivate(), config.allowedHosts());
    }

    @Override
    public FetchResult fetch(String url, RawStore.Role role) throws InterruptedException {
        var chain = new LinkedHashSet<String>();
        chain.add(url);
        String current = url;
        for (int hop = 0; ; hop++) {
            URI uri = URI.create(current);
            try {
                String refusal = guard.refusal(uri);
                if (refusal != null) {
                    return new FetchResult.Skipped(current, refusal);
                }
            } catch (UnknownHostException e) {
                return new FetchResult.Failed(current, 0, "cannot find the host " + uri.getHost() + " (DNS lookup failed)");
            }
            String origin = UrlNormalizer.origin(current);
            if (role != RawStore.Role.ROBOTS) {
                BaseRobotRules rules = robots.rules(origin, this::loadRobots);
                if (rules.isDeferVisits()) {
                    return new FetchResult.Failed(current, 0, "robots.txt of " + origin
                            + " could not be fetched, so the host is left for a later crawl");
                }
                if (!rules.isAllowed(current)) {
                    return new FetchResult.Skipped(current, "disallowed by robots.txt");
                }
            }
            var stored = raw.get(current);
            Response r;
            try {
                r = exchange(gate(origin), uri, stored);
            } catch (Http.TooLarge e) {
                return new FetchResult.Skipped(current, e.getMessage());
            } catch (IOException e) {
                return new FetchResult.Failed(current, 0, e.getMessage());
            }
            if (r.isRedirect()) {
                String next = UrlNormalizer.resolve(current, r.location());
                if (next == null) {
                    return new FetchResult.Failed(current, r.status(), "redirects to an address that is not crawled: " + r.location());
                }
                if (!chain.add(next)) {
                    return new FetchResult.Failed(url, r.status(), "redirect loop: " + String.join(" -> ", chain) + " -> " + next);
                }
                if (hop >= config.maxRedirects()) {
                    return new FetchResult.Failed(url, r.status(), "more than " + config.maxRedirects() + " redirects");
                }
                current = next;
                continue;
            }
            if (r.status() == 304 && stored.isPresent()) {
                return new FetchResult.Fetched(current, stored.get().contentType(), stored.get().body(),
                        stored.get().robotsTag(), true);
            }
            if (r.status() == 200 || r.status() == 203) {
                try {
                    raw.put(new RawStore.Entry(current, role, r.contentType(), r.etag(), r.lastModified(), tag(r),
                            Instant.now(), r.body()));
                } catch (IOException e) {
                    return new FetchResult.Failed(current, r.status(), "cannot keep the raw copy under corpus/.crawl ("
                            + e.getMessage() + ")");
                }
                return new FetchResult.Fetched(current, r.contentType(), r.body(), tag(r), false);
            }
            boolean retried = (r.status() == 429 || r.status() == 503) && config.maxRetries() > 0;
            return new FetchResult.Failed(current, r.status(), "HTTP " + r.status() + " " + reasonPhrase(r.status())
                    + (retried ? " (still after " + config.maxRetries() + " retries)" : ""));
        }
    }

    private Response exchange(HostGate gate, URI uri, Optional<RawStore.Entry> stored) throws IOException, InterruptedException {
        String etag = stored.map(RawStore.Entry::etag).orElse(null);
        String lastModified = stored.map(RawStore.Entry::lastModified).orElse(null);
        for (int attempt = 0; ; attempt++) {
            Response r = gate.run(() -> http.get(uri, etag, lastModified));
            if ((r.status() != 429 && r.status() != 503) || attempt >= config.maxRetries()) {
                return r;
            }
            Duration wait = retryAfter(r.retryAfter()).orElse(config.retryBackoff().multipliedBy(1L << attempt));
            if (wait.compareTo(config.maxRetryWait()) > 0) {
                throw new IOException("HTTP " + r.status() + ": the server asks to wait " + Http.seconds(wait.toMillis())
                        + ", longer than the " + Http.seconds(config.maxRetryWait().toMillis()) + " painsearch waits");
            }
            gate.holdOff(wait);
        }
    }

    private BaseRobotRules loadRobots(String origin) throws InterruptedException {
        String url = origin + "/robots.txt";
        BaseRobotRules rules = switch (fetch(url, RawStore.Role.ROBOTS)) {
            case FetchResult.Fetched f -> Robots.parse(f.url(), f.body(), f.contentType());
            case FetchResult.Failed f -> Robots.unavailable(f.status() >= 400 && f.status() < 500 ? f.status() : 503);
            case FetchResult.Skipped s -> Robots.unavailable(404); // the pages themselves meet the same refusal
        };
        gate(origin).atLeast(Robots.crawlDelay(rules));
        return rules;
    }

    private HostGate gate(String origin) {
        return gates.computeIfAbsent(origin, o -> {
            String host = AddressGuard.host(URI.create(o));
            boolean loopback = AddressGuard.isLoopback(host);
            Duration d = config.delay();
            // Below a second only for this machine: a person's own test server, never someone else's site.
            return new HostGate(loopback || d.compareTo(CrawlConfig.MIN_PUBLIC_DELAY) >= 0 ? d : CrawlConfig.MIN_PUBLIC_DELAY);
        });
    }

    /** The delay in force for an origin (the configured one, raised by robots.txt). */
    Duration delayFor(String origin) {
        return gate(origin).delay();
    }

    private static String tag(Response r) {
        return r.robotsTag() == null ? "" : r.robotsTag();
    }

    static Optional<Duration> retryAfter(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String v = value.strip();
        if (v.matches("\\d{1,9}")) {
            return Optional.of(Duration.ofSeconds(Long.parseLong(v)));
        }
        try {
            var when = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration d = Duration.between(Instant.now(), when);
            return Optional.of(d.isNegative() ? Duration.ZERO : d);
        } catch (java.time.format.DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static String reasonPhrase(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 410 -> "Gone";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> status >= 500 ? "server error" : status >= 400 ? "client error" : "unexpected status";
        };
    }
}
