package com.finlens.platform.http;

import io.vertx.ext.web.Router;

/** A feature's routes: pages on the root router, JSON endpoints under {@code /api/v1} through {@link ApiRoutes}. */
@FunctionalInterface
public interface RouteModule {

    void mount(Router root, ApiRoutes api);
}
