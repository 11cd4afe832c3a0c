package org.painsearch.web;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.HttpStatus;
import io.javalin.http.SameSite;
import io.javalin.http.UnauthorizedResponse;
import io.javalin.plugin.bundled.RateLimitPlugin;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Who may do what. With a password, everything but the login page needs a session cookie (or the command line's
 * token); without one the server answers only to this machine's own names, as it is bound to loopback. Either way,
 * the endpoints that touch files on this machine answer only loopback clients and authenticated ones.
 */
final class Access {
    static final String COOKIE = "painsearch_session";
    /** How the command line proves it runs as the server's owner: the token from the owner-only server file. */
    static final String TOKEN_SCHEME = "Bearer ";
    // Login attempts allowed per client address per minute; a person mistyping never meets it, a guesser does.
    static final int LOGINS_PER_MINUTE = 5;
    private static final Set<String> OPEN = Set.of("/login.html", "/login.js", "/app.css", "/favicon.ico",
            "/api/login", "/api/session", "/health");
    private static final Set<String> TOUCHES_FILES = Set.of("/api/import", "/api/corpus/changed", "/api/reindex");
    private static final String CALLER = "painsearch.caller";

    /** Who sent a request. */
    enum Caller { COMMAND_LINE, SESSION, ANONYMOUS }

    private final WebOptions options;
    private final Sessions sessions;
    private final Set<String> allowedHosts;

    Access(WebOptions options, Set<String> allowedHosts, Clock clock) {
        this.options = options;
        this.allowedHosts = allowedHosts;
        this.sessions = new Sessions(clock);
    }

    /** Runs before every request: refuses what the caller may not do. */
    void check(Context ctx) {
        if (options.password() == null) {
            // Loopback only: a foreign Host is a page elsewhere that pointed its name at 127.0.0.1 (DNS rebinding).
            CrossOriginGuard.checkHost(ctx, allowedHosts);
        }
        Caller caller = identify(ctx);
        ctx.attribute(CALLER, caller);
        String path = ctx.path();
        if (options.password() != null && caller == Caller.ANONYMOUS && !OPEN.contains(path)) {
            if (path.startsWith("/api/")) {
                throw new UnauthorizedResponse("log in first: this painsearch is protected by a password");
            }
            String back = path + (ctx.queryString() == null ? "" : "?" + ctx.queryString());
            ctx.redirect("/login.html?next=" + java.net.URLEncoder.encode(back, StandardCharsets.UTF_8), HttpStatus.FOUND);
            ctx.skipRemainingHandlers();
            return;
        }
        if (TOUCHES_FILES.contains(path) && caller == Caller.ANONYMOUS && !fromLoopback(ctx)) {
            throw new ForbiddenResponse("only this machine or a logged-in session may import, reindex or index files");
        }
    }

    /** The caller of a request that went through {@link #check}. */
    static Caller caller(Context ctx) {
        Caller c = ctx.attribute(CALLER);
        return c == null ? Caller.ANONYMOUS : c;
    }

    /** The body of {@code POST /api/login}. */
    record LoginBody(String password) {
    }

    void login(Context ctx) {
        if (options.password() == null) {
            throw new IllegalArgumentException("this painsearch has no password, so there is nothing to log in to");
        }
        ctx.with(RateLimitPlugin.class).requestPerTimeUnit(LOGINS_PER_MINUTE, TimeUnit.MINUTES);
        LoginBody body = JsonBody.read(ctx, LoginBody.class, "{\"password\": \"...\"}");
        if (!options.password().matches(body.password())) {
            throw new UnauthorizedResponse("wrong password");
        }
        ctx.cookie(new Cookie(COOKIE, sessions.open(), "/", -1, secure(ctx), true, null, SameSite.STRICT));
        ctx.json(Map.of("loggedIn", true));
    }

    void logout(Context ctx) {
        sessions.close(ctx.cookie(COOKIE));
        ctx.cookie(new Cookie(COOKIE, "", "/", 0, secure(ctx), true, null, SameSite.STRICT));
        ctx.status(HttpStatus.NO_CONTENT);
    }

    /** What the page needs to know: whether a login is needed here and whether it has one. */
    void session(Context ctx) {
        ctx.json(Map.of("loginRequired", options.password() != null, "loggedIn", caller(ctx) != Caller.ANONYMOUS));
    }

    private Caller identify(Context ctx) {
        String auth = ctx.header("Authorization");
        if (options.cliToken() != null && auth != null && auth.startsWith(TOKEN_SCHEME)
                && MessageDigest.isEqual(auth.substring(TOKEN_SCHEME.length()).strip().getBytes(StandardCharsets.UTF_8),
                        options.cliToken().getBytes(StandardCharsets.UTF_8))) {
            return Caller.COMMAND_LINE;
        }
        return options.password() != null && sessions.touch(ctx.cookie(COOKIE)) ? Caller.SESSION : Caller.ANONYMOUS;
    }

    // Behind a TLS proxy the request arrives as plain HTTP; the proxy says so in X-Forwarded-Proto.
    private static boolean secure(Context ctx) {
        return "https".equalsIgnoreCase(ctx.scheme()) || "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"));
    }

    static boolean fromLoopback(Context ctx) {
        String remote = ctx.req().getRemoteAddr() == null ? "" : ctx.req().getRemoteAddr().replace("[", "").replace("]", "");
        if (!remote.matches("[0-9A-Fa-f:.%]+")) {
            return false; // only literal addresses are parsed, so this never asks DNS
        }
        try {
            return InetAddress.getByName(remote).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
