package org.painsearch.web;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.net.URI;

/**
 * Refuses state-changing requests sent by another web origin (a page elsewhere posting to this server),
 * while plain clients such as curl or the CLI, which send no {@code Origin}, work as they are.
 */
final class CrossOriginGuard {
    private CrossOriginGuard() {
    }

    /** Thrown for a cross-origin write. */
    static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }

    /**
     * Refuses requests whose {@code Host} is not this server's own name: a page elsewhere can point a domain it
     * controls at 127.0.0.1 (DNS rebinding) and read the notes otherwise.
     */
    static void checkHost(Context ctx, java.util.Set<String> allowedHosts) {
        String host = ctx.header("Host");
        String name = host == null ? "" : host.strip().toLowerCase(java.util.Locale.ROOT);
        if (name.startsWith("[")) {
            name = name.substring(1, Math.max(1, name.indexOf(']')));
        } else if (name.lastIndexOf(':') > 0) {
            name = name.substring(0, name.lastIndexOf(':'));
        }
        if (!allowedHosts.contains(name)) {
            throw new Refused("requests for host '" + host + "' are refused; open painsearch by its own address");
        }
    }

    static void check(Context ctx) {
        HandlerType m = ctx.method();
        if (m == HandlerType.GET || m == HandlerType.HEAD || m == HandlerType.OPTIONS) {
            return;
        }
        String site = ctx.header("Sec-Fetch-Site");
        if (site != null && !site.equals("same-origin") && !site.equals("none")) {
            throw new Refused("writes from another site are refused (Sec-Fetch-Site: " + site + ")");
        }
        String origin = ctx.header("Origin");
        if (origin != null && !origin.equals("null")) {
            String host = ctx.header("Host");
            String originHost;
            try {
                originHost = URI.create(origin).getAuthority();
            } catch (IllegalArgumentException e) {
                originHost = null;
            }
            if (host == null || !host.equalsIgnoreCase(originHost)) {
                throw new Refused("writes from another origin are refused (Origin: " + origin + ")");
            }
        } else if ("null".equals(origin)) {
            throw new Refused("writes from an opaque origin are refused");
        }
    }
}
