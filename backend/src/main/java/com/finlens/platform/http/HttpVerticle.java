package com.finlens.platform.http;

import io.vertx.core.AbstractVerticle;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.AllowForwardHeaders;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.CorsHandler;
import io.vertx.ext.web.handler.StaticHandler;
import io.vertx.micrometer.PrometheusScrapingHandler;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.IntConsumer;

/**
 * The HTTP server. The router is built in one fixed order so no security handler can be skipped by accident:
 * request id + access log, forwarded headers, security headers, CORS, body limit, auth (session cookie or bearer,
 * with CSRF), the sign-in guard (signed-in by default), feature routes, static files, one failure handler.
 */
public final class HttpVerticle extends AbstractVerticle {

    /**
     * What the server needs to know: its address, the extension ids CORS admits, where uploads are spooled, the
     * metrics registry {@code /metrics} scrapes.
     */
    public record Settings(HttpConfig http, List<String> extensionIds, Path uploadDir, String metricsRegistry) {
    }

    /** The two security steps every request passes: who is calling, then whether the route needs a user. */
    public record Security(Handler<RoutingContext> identify, Handler<RoutingContext> guard) {
    }

    private final Settings settings;
    private final Security security;
    private final FailureHandler failures;
    private final List<RouteModule> features;
    private final RequestLog requestLog;
    private final IntConsumer onListening;
    private final List<String> routes = new ArrayList<>();
    private HttpServer server;

    public HttpVerticle(Settings settings, Security security, FailureHandler failures, List<RouteModule> features,
                        RequestLog requestLog, IntConsumer onListening) {
        this.settings = settings;
        this.security = security;
        this.failures = failures;
        this.features = List.copyOf(features);
        this.requestLog = requestLog;
        this.onListening = onListening;
    }

    @Override
    public void start(Promise<Void> started) {
        Router router = router();
        server = vertx.createHttpServer(new HttpServerOptions()
                .setCompressionSupported(true)
                .setMaxFormAttributeSize(64 * 1024));
        server.requestHandler(router)
                .listen(settings.http().port(), settings.http().host())
                .onSuccess(s -> {
                    onListening.accept(s.actualPort());
                    started.complete();
                })
                .onFailure(started::fail);
    }

    Router router() {
        Router router = Router.router(vertx);
        if (settings.http().trustForwardedHeaders()) {
            router.allowForward(AllowForwardHeaders.X_FORWARD);
        }
        router.route().handler(requestLog);
        router.route().handler(new SecurityHeaders(settings.http().isHttps()));
        router.get("/metrics").handler(PrometheusScrapingHandler.create(settings.metricsRegistry()));
        if (!settings.extensionIds().isEmpty()) {
            CorsHandler cors = CorsHandler.create()
                    .addOrigins(settings.extensionIds().stream().map(id -> "chrome-extension://" + id).toList())
                    .allowedMethods(Set.of(HttpMethod.GET, HttpMethod.POST, HttpMethod.PUT, HttpMethod.DELETE))
                    .allowedHeaders(Set.of("Authorization", "Content-Type", "Accept", "Last-Event-ID"))
                    .exposedHeaders(Set.of("Location", "Retry-After", RequestLog.HEADER))
                    .maxAgeSeconds(600);
            // The web UI's own pages send an Origin header on every POST: same-origin requests skip CORS entirely.
            Handler<RoutingContext> crossOriginOnly = ctx -> {
                if (isSameOrigin(ctx)) {
                    ctx.next();
                } else {
                    cors.handle(ctx);
                }
            };
            router.route("/api/*").handler(crossOriginOnly);
            router.route("/auth/extension/*").handler(crossOriginOnly);
        }
        router.route().handler(BodyHandler.create(settings.uploadDir().toString())
                .setBodyLimit(settings.http().bodyLimitBytes())
                .setDeleteUploadedFilesOnEnd(true)
                .setHandleFileUploads(true));
        router.route().handler(security.identify());
        router.route().handler(security.guard());
        Router api = Router.router(vertx);
        features.forEach(feature -> feature.mount(router, api));
        router.route("/api/v1/*").subRouter(api);
        router.route("/static/*").method(HttpMethod.GET).method(HttpMethod.HEAD)
                .handler(StaticHandler.create("webroot").setMaxAgeSeconds(3600)
                .setIncludeHidden(false).setDirectoryListing(false));
        router.route().failureHandler(failures);
        router.errorHandler(404, failures);
        router.errorHandler(405, failures);
        router.errorHandler(413, failures);
        routes.clear();
        list(router, "", routes);
        list(api, "/api/v1", routes);
        return router;
    }

    /**
     * Every endpoint the server answers, as "GET /chat/:id" ("/static/*" for a prefix), in mounting order; filters
     * that run on every method (CORS, rate limits) are not endpoints. Filled when the server starts.
     */
    public List<String> routes() {
        return List.copyOf(routes);
    }

    private static void list(Router router, String prefix, List<String> out) {
        for (Route route : router.getRoutes()) {
            if (route.methods() == null || route.getPath() == null) {
                continue;
            }
            String path = prefix + route.getPath() + (route.isExactPath() ? "" : "*");
            route.methods().stream().map(method -> method.name() + " " + path).sorted().forEach(out::add);
        }
    }

    /** No Origin, or an Origin naming this very host (as the browser or nginx addressed it). */
    static boolean isSameOrigin(RoutingContext ctx) {
        String origin = ctx.request().getHeader("Origin");
        if (origin == null) {
            return true;
        }
        String host = ctx.request().getHeader("Host");
        try {
            java.net.URI uri = java.net.URI.create(origin);
            String authority = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
            return host != null && uri.getHost() != null && (authority.equalsIgnoreCase(host)
                    || uri.getHost().equalsIgnoreCase(host) && uri.getPort() < 0);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    public void stop(Promise<Void> stopped) {
        if (server == null) {
            stopped.complete();
            return;
        }
        server.close().onComplete(r -> stopped.complete());
    }
}
