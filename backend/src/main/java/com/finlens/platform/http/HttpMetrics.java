package com.finlens.platform.http;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/**
 * Request count and latency per route template ("/api/v1/companies/:code"), method and status class, exported as
 * {@code finlens_http_server_requests_seconds} (count, sum, max and a few latency buckets), plus the requests in
 * flight. It replaces the Vert.x Micrometer HTTP server metrics, which built tag arrays and looked meters up in
 * the registry on every request (about a quarter of the CPU of a cached GET): here each route's timers are
 * registered once and a request costs two map reads and one timer update. Labels come only from the routes in
 * code, never from the request path, so their number is bounded.
 */
public final class HttpMetrics implements Handler<RoutingContext> {

    /** Requests no route template answered: refused by a filter, failed before routing, not found. */
    static final String UNROUTED = "unrouted";
    private static final String ENDPOINT = "finlens.metrics.endpoint";
    private static final List<HttpMethod> METHODS = List.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.POST,
            HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE, HttpMethod.OPTIONS);
    private static final Duration[] BUCKETS = {Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofMillis(10),
        Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(500), Duration.ofSeconds(1),
        Duration.ofSeconds(5), Duration.ofSeconds(30)};

    private final MeterRegistry registry;
    private final Map<Route, Slots> byRoute = new ConcurrentHashMap<>();
    private final Slots unrouted;

    public HttpMetrics(MeterRegistry registry, IntSupplier inFlight) {
        this.registry = registry;
        this.unrouted = new Slots(UNROUTED);
        Gauge.builder("finlens.http.server.active.requests", inFlight::getAsInt)
                .description("HTTP requests started and not yet answered (streams included)")
                .register(registry);
    }

    /** First on the main router: times the request and records it once the response has ended. */
    @Override
    public void handle(RoutingContext ctx) {
        start(ctx);
        ctx.next();
    }

    /** Starts timing the request (the server's per-request step calls this directly). */
    public void start(RoutingContext ctx) {
        long started = System.nanoTime();
        ctx.addEndHandler(done -> timerFor(ctx).record(System.nanoTime() - started, TimeUnit.NANOSECONDS));
    }

    /**
     * First handler of an endpoint whose failures should still count under its template: a failed request's current
     * route is the failure handler's by the time it ends, so the endpoint is remembered here.
     */
    public Handler<RoutingContext> endpoint() {
        return ctx -> {
            ctx.put(ENDPOINT, ctx.currentRoute());
            ctx.next();
        };
    }

    /** The endpoint that answered; a filter (a route for every method) or no route at all counts as unrouted. */
    private Timer timerFor(RoutingContext ctx) {
        Route route = ctx.get(ENDPOINT, ctx.currentRoute());
        Slots slots = route == null || route.getPath() == null || route.methods() == null ? unrouted
                : byRoute.computeIfAbsent(route, r -> new Slots(template(ctx.mountPoint(), r)));
        int method = METHODS.indexOf(ctx.request().method());
        int statusClass = Math.max(1, Math.min(5, ctx.response().getStatusCode() / 100));
        return slots.timer(method < 0 ? METHODS.size() : method, statusClass);
    }

    private static String template(String mountPoint, Route route) {
        String prefix = mountPoint == null ? "" : mountPoint.endsWith("/")
                ? mountPoint.substring(0, mountPoint.length() - 1) : mountPoint;
        return prefix + route.getPath() + (route.isExactPath() ? "" : "*");
    }

    /**
     * A route template's timers, one per method ("OTHER" last) and status class, each registered the first time
     * it is used (so /metrics lists only what was answered). Two loops racing to register get the same timer.
     */
    private final class Slots {

        private final String template;
        private final Timer[] timers = new Timer[(METHODS.size() + 1) * 5];

        Slots(String template) {
            this.template = template;
        }

        Timer timer(int method, int statusClass) {
            int index = method * 5 + statusClass - 1;
            Timer timer = timers[index];
            if (timer == null) {
                timer = Timer.builder("finlens.http.server.requests")
                        .description("HTTP requests by route template, method and status class")
                        .tags("route", template, "method", method < METHODS.size() ? METHODS.get(method).name()
                                : "OTHER", "status", statusClass + "xx")
                        .serviceLevelObjectives(BUCKETS)
                        .register(registry);
                timers[index] = timer;
            }
            return timer;
        }
    }
}
