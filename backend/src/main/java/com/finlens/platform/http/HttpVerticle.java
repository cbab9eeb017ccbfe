package com.finlens.platform.http;

import io.vertx.core.AbstractVerticle;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.net.HostAndPort;
import io.vertx.ext.web.AllowForwardHeaders;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.StaticHandler;
import io.vertx.micrometer.PrometheusScrapingHandler;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The HTTP server. The router is built in one fixed order so no security handler can be skipped by accident:
 * request metrics, connection close after Transfer-Encoding, request id + access log, forwarded headers, security
 * headers, CORS, body limit, auth (session cookie or bearer, with CSRF), the sign-in guard (signed-in by default),
 * feature routes, static files, one failure handler.
 */
public final class HttpVerticle extends AbstractVerticle {

    /**
     * What the server needs to know: its address, the extension ids CORS admits, where uploads are spooled, the
     * metrics registry {@code /metrics} scrapes, and whether only requests naming this machine are served (while
     * development sign-in is on).
     */
    public record Settings(HttpConfig http, List<String> extensionIds, Path uploadDir, String metricsRegistry,
                           boolean loopbackHostsOnly) {
    }

    /** The two security steps every request passes: who is calling, then whether the route needs a user. */
    public record Security(Identify identify, Handler<RoutingContext> guard) {
    }

    /** Finds out who is calling, then hands the request to {@code then} (or fails it). */
    public interface Identify {
        void identify(RoutingContext ctx, Handler<RoutingContext> then);
    }

    private final Settings settings;
    private final Security security;
    private final FailureHandler failures;
    private final List<RouteModule> features;
    private final RequestLog requestLog;
    private static final Buffer LIVE = Buffer.buffer("{\"status\":\"UP\"}");
    private static final CharSequence JSON = HttpHeaders.createOptimized("application/json");
    private static final CharSequence NO_STORE = HttpHeaders.createOptimized("no-store");
    /**
     * Route orders: the steps every request takes come first, then the JSON API, then the pages (Vert.x Web's
     * default orders count up from zero, and routes of equal order keep the order they were added in).
     */
    private static final int EVERY_REQUEST = -2;
    private static final int API = -1;
    private static final String API_PREFIX = "/api/v1";

    private final EventLoopLag lag;
    private final HttpMetrics metrics;
    private final Listening onListening;
    private final List<String> routes = new ArrayList<>();
    private HttpServer server;
    private HttpServer management;
    private long lagProbe = -1;

    /** Told the bound ports once both listeners are up (port 0 in tests picks free ones). */
    public interface Listening {
        void accept(int appPort, int managementPort);
    }

    public HttpVerticle(Settings settings, Security security, FailureHandler failures, List<RouteModule> features,
                        RequestLog requestLog, EventLoopLag lag, HttpMetrics metrics, Listening onListening) {
        this.settings = settings;
        this.security = security;
        this.failures = failures;
        this.features = List.copyOf(features);
        this.requestLog = requestLog;
        this.lag = lag;
        this.metrics = metrics;
        this.onListening = onListening;
    }

    @Override
    public void start(Promise<Void> started) {
        Router router = router();
        server = vertx.createHttpServer(new HttpServerOptions()
                .setCompressionSupported(settings.http().compression())
                .setMaxFormAttributeSize(64 * 1024));
        management = vertx.createHttpServer();
        lagProbe = lag.probe(vertx);
        server.requestHandler(router)
                .listen(shared(settings.http().port(), -1), settings.http().host())
                .compose(s -> management.requestHandler(managementRouter())
                        .listen(shared(settings.http().managementPort(), -2), settings.http().managementHost())
                        .map(m -> {
                            onListening.accept(s.actualPort(), m.actualPort());
                            return m;
                        }))
                .onSuccess(s -> started.complete())
                .onFailure(started::fail);
    }

    /** Metrics only, on their own listener (loopback by default): the app port never serves them. */
    private Router managementRouter() {
        Router router = Router.router(vertx);
        router.get("/metrics").handler(PrometheusScrapingHandler.create(settings.metricsRegistry()));
        return router;
    }

    Router router() {
        Router router = Router.router(vertx);
        if (settings.http().trustForwardedHeaders()) {
            router.allowForward(AllowForwardHeaders.X_FORWARD);
        }
        SecurityHeaders securityHeaders = new SecurityHeaders(settings.http().isHttps());
        boolean loopbackOnly = settings.loopbackHostsOnly();
        boolean forwardedTrusted = settings.http().trustForwardedHeaders();
        ExtensionCors cors = new ExtensionCors(settings.extensionIds());
        // The steps every request takes, in this order, as one handler: they were seven, and each router hop (find
        // the next matching route, call it) cost about as much as the small step it led to (docs/benchmarks.md).
        router.route().order(EVERY_REQUEST).handler(ctx -> {
            metrics.start(ctx);
            closeAfterTransferEncoding(ctx);
            if (!requestLog.admit(ctx) || loopbackOnly && !namesThisMachine(ctx, forwardedTrusted)) {
                return;
            }
            securityHeaders.apply(ctx);
            noStoreJson(ctx);
            cors.next(ctx);
        });
        // Liveness needs no body or sign-in handling, and probes call it often: it answers first.
        router.get("/health/live").order(EVERY_REQUEST)
                .handler(ctx -> ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, JSON).end(LIVE));
        router.route().order(EVERY_REQUEST).handler(BodyHandler.create(settings.uploadDir().toString())
                .setBodyLimit(settings.http().bodyLimitBytes())
                .setDeleteUploadedFilesOnEnd(true)
                .setHandleFileUploads(true));
        Identify identify = security.identify();
        Handler<RoutingContext> guard = security.guard();
        router.route().order(EVERY_REQUEST).handler(ctx -> identify.identify(ctx, guard));
        // Tested before the pages' routes, so an API request is not matched against each of them first (an API
        // path that no API route answers still falls through to the routes after it).
        ApiRoutes api = new ApiRoutes(router, API_PREFIX, API, metrics.endpoint());
        features.forEach(feature -> feature.mount(router, api));
        router.route("/static/*").method(HttpMethod.GET).method(HttpMethod.HEAD)
                .handler(StaticHandler.create("webroot").setMaxAgeSeconds(3600)
                .setIncludeHidden(false).setDirectoryListing(false));
        router.route().failureHandler(failures);
        router.errorHandler(404, failures);
        router.errorHandler(405, failures);
        router.errorHandler(413, failures);
        routes.clear();
        list(router, routes);
        return router;
    }

    /**
     * Every endpoint the server answers, as "GET /chat/:id" ("/static/*" for a prefix), in mounting order; filters
     * that run on every method (CORS, rate limits) are not endpoints. Filled when the server starts.
     */
    public List<String> routes() {
        return List.copyOf(routes);
    }

    private static void list(Router router, List<String> out) {
        for (Route route : router.getRoutes()) {
            if (route.methods() == null || route.getPath() == null) {
                continue;
            }
            String path = route.getPath() + (route.isExactPath() ? "" : "*");
            route.methods().stream().map(method -> method.name() + " " + path).sorted().forEach(out::add);
        }
    }

    /**
     * A request framed by Transfer-Encoding ends its connection once answered. Netty reads a request that carries
     * both Content-Length and Transfer-Encoding by the latter and drops the former before we see it, so the only
     * safe reading of RFC 9112 section 6.1 ("the server MUST close the connection") is to close after every such
     * request: a proxy that framed it differently can never smuggle a second request onto this connection.
     */
    private static void closeAfterTransferEncoding(RoutingContext ctx) {
        if (ctx.request().headers().contains(HttpHeaders.TRANSFER_ENCODING)
                && ctx.request().version() != HttpVersion.HTTP_2) {
            ctx.response().putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
            ctx.addEndHandler(v -> ctx.request().connection().close());
        }
    }

    /**
     * Development sign-in trusts whoever reaches it: a page on another name that resolves here (DNS rebinding) must
     * not, so while it is on every request has to name this machine. False (and the request failed) otherwise.
     */
    private static boolean namesThisMachine(RoutingContext ctx, boolean forwardedTrusted) {
        HttpServerRequest request = ctx.request();
        boolean named;
        if (forwardedTrusted || request.version() == HttpVersion.HTTP_2) {
            // authority(): the proxy's X-Forwarded-Host, or :authority in HTTP/2 (also after an h2c upgrade)
            HostAndPort authority = request.authority();
            named = authority != null && Loopback.isLoopbackHost(authority.host());
        } else {
            // The Host header as sent: authority() would run Vert.x Web's forwarded-header parser on every request.
            named = Loopback.isLoopbackAuthority(request.getHeader(HttpHeaders.HOST));
        }
        if (named) {
            return true;
        }
        ctx.fail(new ApiException(421, "host-not-allowed", "Host not allowed",
                "This development server answers only requests addressed to localhost or 127.0.0.1."));
        return false;
    }

    /** JSON answers are private (a user's data, tokens, problems): no cache keeps them unless a route says otherwise. */
    private static void noStoreJson(RoutingContext ctx) {
        ctx.addHeadersEndHandler(v -> {
            String type = ctx.response().headers().get(HttpHeaders.CONTENT_TYPE);
            if (type != null && type.contains("json")
                    && !ctx.response().headers().contains(HttpHeaders.CACHE_CONTROL)) {
                ctx.response().putHeader(HttpHeaders.CACHE_CONTROL, NO_STORE);
            }
        });
    }

    /**
     * Port 0 asks for any free port. A negative port makes every instance of this verticle share the free port the
     * first one gets; each listener needs its own negative number, or the two would share one port.
     */
    private static int shared(int port, int sharedRandom) {
        return port == 0 ? sharedRandom : port;
    }

    @Override
    public void stop(Promise<Void> stopped) {
        if (lagProbe >= 0) {
            vertx.cancelTimer(lagProbe);
        }
        if (server == null) {
            stopped.complete();
            return;
        }
        Future.join(server.close(), management.close()).onComplete(r -> stopped.complete());
    }
}
