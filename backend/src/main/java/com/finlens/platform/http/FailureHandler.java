package com.finlens.platform.http;

import com.finlens.platform.db.Database;
import io.vertx.core.Handler;
import io.vertx.core.json.DecodeException;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one error path. API requests (and anything asking for JSON) get RFC 9457 problem+json with a stable type;
 * pages get the friendly error page. Unexpected failures are logged once with the request id and shown without
 * details.
 */
public final class FailureHandler implements Handler<RoutingContext> {

    private static final Logger LOG = LoggerFactory.getLogger(FailureHandler.class);

    private final ErrorPage errorPage;

    public FailureHandler(ErrorPage errorPage) {
        this.errorPage = errorPage;
    }

    @Override
    public void handle(RoutingContext ctx) {
        ApiException problem = toProblem(ctx);
        if (ctx.response().headWritten()) {
            // A streamed response already started (SSE): the stream reports its own errors; just close it.
            if (!ctx.response().ended()) {
                ctx.response().end();
            }
            return;
        }
        problem.headers().forEach((k, v) -> ctx.response().putHeader(k, v));
        if (wantsJson(ctx)) {
            ctx.response()
                    .setStatusCode(problem.status())
                    .putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .putHeader("Cache-Control", "no-store")
                    .end(Problem.of(problem, ctx.request().path()).toJson().encode());
        } else {
            errorPage.renderError(ctx, problem);
        }
    }

    private ApiException toProblem(RoutingContext ctx) {
        Throwable failure = ctx.failure();
        if (failure instanceof ApiException api) {
            return api;
        }
        if (failure instanceof DecodeException || failure instanceof IllegalArgumentException
                && failure.getCause() instanceof DecodeException) {
            return new ApiException(400, "malformed-json", "Malformed JSON", "The request body is not valid JSON.");
        }
        // A handler may fail with an explicit 4xx and a cause (the CORS handler does); only 5xx and unknown
        // statuses are unexpected.
        int status = failure instanceof HttpException http ? http.getStatusCode() : ctx.statusCode();
        if (Database.isUnreachable(failure)) {
            LOG.warn("Request {} {} {}: the database is unreachable", RequestLog.id(ctx), ctx.request().method(),
                    ctx.request().path());
            return new ApiException(503, "database-unavailable", "Service unavailable",
                    "Finlens cannot reach its database right now; try again in a moment.",
                    Map.of(), Map.of("Retry-After", "5"));
        }
        if (status >= 500 || status < 400) {
            LOG.error("Request {} {} {} failed", RequestLog.id(ctx), ctx.request().method(), ctx.request().path(),
                    failure);
            return new ApiException(500, "internal-error", "Something went wrong",
                    "An unexpected error occurred. Reference: " + RequestLog.id(ctx),
                    Map.of("requestId", RequestLog.id(ctx)), Map.of());
        }
        return switch (status) {
            case 400 -> new ApiException(400, "bad-request", "Bad request", "The request could not be understood.");
            case 401 -> ApiException.unauthorized("Sign in to use this.");
            case 403 -> ApiException.forbidden("You are not allowed to do this.");
            case 404 -> ApiException.notFound("The page or resource");
            case 405 -> new ApiException(405, "method-not-allowed", "Method not allowed",
                    "This method is not allowed here.");
            case 413 -> new ApiException(413, "payload-too-large", "Request too large",
                    "The request body is larger than this server accepts.");
            case 415 -> new ApiException(415, "unsupported-media-type", "Unsupported media type",
                    "Send JSON (Content-Type: application/json) or a form.");
            default -> new ApiException(status, "http-" + status, "Request failed", "The request failed.");
        };
    }

    private static boolean wantsJson(RoutingContext ctx) {
        String path = ctx.request().path();
        if (path != null && (path.startsWith("/api/") || path.startsWith("/auth/extension/"))) {
            return true;
        }
        String accept = ctx.request().getHeader("Accept");
        String contentType = ctx.request().getHeader("Content-Type");
        return accept != null && (accept.contains("application/json") || accept.contains("problem+json"))
                && !accept.contains("text/html")
                || contentType != null && contentType.contains("application/json");
    }
}
