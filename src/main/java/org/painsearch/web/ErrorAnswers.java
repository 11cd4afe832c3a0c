package org.painsearch.web;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;
import org.painsearch.corpus.CorpusException;
import org.painsearch.engine.EngineUnavailableException;
import org.painsearch.notes.NoteException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps failures to answers once, at the edge: what the caller can fix is a 4xx with a sentence saying what to
 * change; anything else is logged with its stack trace under a short id, and answered with that id only.
 */
final class ErrorAnswers {
    private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    // A message that names a Java type, package or stack frame came from a library, not from painsearch's words.
    private static final Pattern JAVA_NAMES = Pattern.compile(
            "\\b(java|javax|jdk|sun|org|com|tools|io)\\.[a-z]+\\.|[A-Z][A-Za-z]*(Exception|Error)\\b|\\.java:\\d+");

    private ErrorAnswers() {
    }

    static void register(JavalinConfig config, long maxBodyBytes) {
        var routes = config.routes;
        routes.exception(IllegalArgumentException.class, (e, ctx) -> refuse(ctx, HttpStatus.BAD_REQUEST, e));
        routes.exception(HttpResponseException.class, (e, ctx) -> {
            if (e.getStatus() == HttpStatus.CONTENT_TOO_LARGE.getCode()) {
                // Answered as every other limit is: a 400 that says what to change.
                error(ctx, HttpStatus.BAD_REQUEST, "the request body is too large (at most "
                        + maxBodyBytes / (1024 * 1024) + " MB); send less at once");
            } else if (e.getStatus() == HttpStatus.TOO_MANY_REQUESTS.getCode()) {
                ctx.header("Retry-After", "60"); // the login limit counts per minute
                error(ctx, HttpStatus.TOO_MANY_REQUESTS, "too many attempts; wait a minute, then try again");
            } else {
                refuse(ctx, HttpStatus.forStatus(e.getStatus()), e);
            }
        });
        routes.exception(FileAccess.Forbidden.class, (e, ctx) -> error(ctx, HttpStatus.FORBIDDEN, e.getMessage()));
        routes.exception(CrossOriginGuard.Refused.class, (e, ctx) -> error(ctx, HttpStatus.FORBIDDEN, e.getMessage()));
        routes.exception(NoteException.NotFound.class, (e, ctx) -> error(ctx, HttpStatus.NOT_FOUND, e.getMessage()));
        routes.exception(CorpusException.class, (e, ctx) -> error(ctx, HttpStatus.UNPROCESSABLE_CONTENT,
                "the file cannot be read: " + e.getMessage()));
        routes.exception(tools.jackson.core.JacksonException.class, (e, ctx) -> error(ctx, HttpStatus.BAD_REQUEST,
                "the request body is not the JSON expected"));
        // The engine (a cluster) does not answer for now: a 503 with painsearch's sentence, to try again shortly.
        routes.exception(EngineUnavailableException.class, (e, ctx) -> {
            LOG.warn("{} {}: {}", ctx.method(), ctx.path(), e.getMessage());
            ctx.header("Retry-After", "10");
            error(ctx, HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
        });
        routes.exception(Exception.class, (e, ctx) -> unexpected(ctx, e));
        routes.error(HttpStatus.NOT_FOUND, ctx -> {
            if (ctx.path().startsWith("/api/") && ctx.result() == null) {
                error(ctx, HttpStatus.NOT_FOUND, "no such endpoint: " + ctx.method() + " " + ctx.path());
            }
        });
        routes.error(HttpStatus.METHOD_NOT_ALLOWED, ctx ->
                error(ctx, HttpStatus.METHOD_NOT_ALLOWED, ctx.method() + " is not allowed on " + ctx.path()));
    }

    static void error(Context ctx, HttpStatus status, String message) {
        ctx.status(status).json(new ApiError(message == null || message.isBlank() ? status.getMessage() : message));
    }

    // A refusal whose message is painsearch's own sentence is shown; one worded by a library is logged instead.
    private static void refuse(Context ctx, HttpStatus status, Exception e) {
        String message = e.getMessage();
        if (message != null && JAVA_NAMES.matcher(message).find()) {
            String id = newId();
            LOG.warn("error {}: {} {} refused: {}", id, ctx.method(), ctx.path(), message);
            ctx.status(status).json(new ApiError("the request cannot be used as it is (error id " + id + ")", id));
            return;
        }
        error(ctx, status, message);
    }

    private static void unexpected(Context ctx, Exception e) {
        String id = newId();
        LOG.error("error {}: {} {} failed", id, ctx.method(), ctx.path(), e);
        ctx.status(HttpStatus.INTERNAL_SERVER_ERROR).json(new ApiError("painsearch hit an internal error; the server log "
                + "has the details under error id " + id, id));
    }

    private static String newId() {
        byte[] b = new byte[4];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
