package com.finlens.platform.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Where features mount their JSON endpoints: on the main router itself, each path under the API prefix
 * ({@code "/api/v1"}), not on a mounted sub-router. A sub-router joined its mount point and each route's path into a
 * new string for every route it tested, and wrapped every routing context (about a tenth of a cached GET's event-loop
 * time, docs/benchmarks.md). Every route made here gets the same {@code order}, so API routes are tested in the order
 * they were mounted, all of them before the page routes mounted after the API's place in the main router.
 */
public final class ApiRoutes {

    private final Router router;
    private final String prefix;
    private final int order;
    private final Handler<RoutingContext> first;

    /**
     * API routes on {@code router} under {@code prefix} ("" for none), tested at {@code order} (routes of equal order
     * keep the order they were added in: Vert.x Web's {@link Route#order}); {@code first} runs before each endpoint's
     * own handler (the server's metrics remember the endpoint with it).
     */
    public ApiRoutes(Router router, String prefix, int order, Handler<RoutingContext> first) {
        this.router = router;
        this.prefix = prefix;
        this.order = order;
        this.first = first;
    }

    /** Every API path: for filters that run before the endpoints (rate limits). */
    public Route route() {
        return router.route(prefix + "/*").order(order);
    }

    public Route get(String path) {
        return endpoint(router.get(prefix + path));
    }

    public Route post(String path) {
        return endpoint(router.post(prefix + path));
    }

    public Route put(String path) {
        return endpoint(router.put(prefix + path));
    }

    public Route patch(String path) {
        return endpoint(router.patch(prefix + path));
    }

    public Route delete(String path) {
        return endpoint(router.delete(prefix + path));
    }

    private Route endpoint(Route route) {
        return route.order(order).handler(first);
    }
}
