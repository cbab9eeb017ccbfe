package com.finlens.platform.http;

import io.vertx.ext.web.Router;

/** A feature's routes: pages on the root router, JSON endpoints on the {@code /api/v1} router. */
@FunctionalInterface
public interface RouteModule {

    void mount(Router root, Router api);
}
