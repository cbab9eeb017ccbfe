package com.finlens.platform.http;

import io.vertx.ext.web.RoutingContext;

/** The friendly error page a browser gets instead of problem+json; the view layer renders it. */
@FunctionalInterface
public interface ErrorPage {

    void renderError(RoutingContext ctx, ApiException problem);
}
