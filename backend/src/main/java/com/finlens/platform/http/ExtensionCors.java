package com.finlens.platform.http;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.CorsHandler;
import java.net.URI;
import java.util.List;
import java.util.Set;

/**
 * CORS for the extension's origins on {@code /api/**} and {@code /auth/extension/**}. Same-origin requests skip it:
 * the web UI's own pages send an Origin header on every POST. Called by the server's per-request step rather than
 * routed to: a router hop per request cost about as much as a small step (docs/benchmarks.md).
 */
final class ExtensionCors {

    private final CorsHandler cors;

    /** No extension ids: no cross-origin caller is admitted, and nothing is checked. */
    ExtensionCors(List<String> extensionIds) {
        this.cors = extensionIds.isEmpty() ? null : CorsHandler.create()
                .addOrigins(extensionIds.stream().map(id -> "chrome-extension://" + id).toList())
                .allowedMethods(Set.of(HttpMethod.GET, HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH,
                        HttpMethod.DELETE))
                .allowedHeaders(Set.of("Authorization", "Content-Type", "Accept", "Last-Event-ID", "If-None-Match"))
                .exposedHeaders(Set.of("Location", "Retry-After", "ETag", RequestLog.HEADER))
                .maxAgeSeconds(600);
    }

    /** Sends the request on to the next route: through CORS when it is a cross-origin call of a CORS path. */
    void next(RoutingContext ctx) {
        if (cors != null && isCorsPath(ctx.normalizedPath()) && !isSameOrigin(ctx)) {
            cors.handle(ctx);
        } else {
            ctx.next();
        }
    }

    /** The paths Vert.x Web's routes "/api/*" and "/auth/extension/*" matched. */
    private static boolean isCorsPath(String path) {
        return under(path, "/api") || under(path, "/auth/extension");
    }

    private static boolean under(String path, String prefix) {
        return path.startsWith(prefix) && (path.length() == prefix.length() || path.charAt(prefix.length()) == '/');
    }

    /** No Origin, or an Origin naming this very host (as the browser or nginx addressed it). */
    private static boolean isSameOrigin(RoutingContext ctx) {
        String origin = ctx.request().getHeader("Origin");
        if (origin == null) {
            return true;
        }
        String host = ctx.request().getHeader("Host");
        try {
            URI uri = URI.create(origin);
            String authority = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
            return host != null && uri.getHost() != null && (authority.equalsIgnoreCase(host)
                    || uri.getHost().equalsIgnoreCase(host) && uri.getPort() < 0);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
