package org.painsearch.web;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.concurrent.ConcurrentHashMap;

/** Logged-in browsers: random session tokens that lapse after a day unused, held in memory only. */
final class Sessions {
    static final Duration IDLE = Duration.ofHours(24);
    // A person has a few browsers; more sessions than this are old logins, and the oldest is dropped.
    private static final int MAX_SESSIONS = 50;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ConcurrentHashMap<String, Instant> lastSeen = new ConcurrentHashMap<>();
    private final Clock clock;

    Sessions(Clock clock) {
        this.clock = clock;
    }

    /** A new session's token. */
    String open() {
        if (lastSeen.size() >= MAX_SESSIONS) {
            lastSeen.entrySet().stream().min(Comparator.comparing(java.util.Map.Entry::getValue))
                    .ifPresent(oldest -> lastSeen.remove(oldest.getKey()));
        }
        String token = newToken();
        lastSeen.put(token, clock.instant());
        return token;
    }

    /** True when {@code token} is a live session; using it keeps it alive. */
    boolean touch(String token) {
        if (token == null) {
            return false;
        }
        Instant now = clock.instant();
        Instant seen = lastSeen.computeIfPresent(token, (t, last) -> last.plus(IDLE).isBefore(now) ? null : now);
        return seen != null;
    }

    void close(String token) {
        if (token != null) {
            lastSeen.remove(token);
        }
    }

    /** 256 random bits, URL-safe. */
    static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
