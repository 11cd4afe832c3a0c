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
