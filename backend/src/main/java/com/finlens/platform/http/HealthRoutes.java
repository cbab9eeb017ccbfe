package com.finlens.platform.http;

import com.finlens.platform.db.Database;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** Readiness: the database answers within a second, and not while draining. Liveness is in {@link HttpVerticle}. */
public final class HealthRoutes {

    private final Database database;
    private final RequestLog requests;

    public HealthRoutes(Database database, RequestLog requests) {
        this.database = database;
        this.requests = requests;
    }

    public void mount(Router router) {
        router.get("/health/ready").handler(this::ready);
    }

    private void ready(RoutingContext ctx) {
        if (requests.draining()) {
            ctx.response().setStatusCode(503).putHeader("Content-Type", "application/json")
                    .putHeader("Cache-Control", "no-store")
                    .end(new JsonObject().put("status", "DRAINING").encode());
            return;
        }
        database.ping().timeout(1, java.util.concurrent.TimeUnit.SECONDS).onComplete(result -> {
            JsonObject body = new JsonObject().put("status", result.succeeded() ? "UP" : "DOWN")
                    .put("database", result.succeeded() ? "UP" : "DOWN");
            ctx.response().setStatusCode(result.succeeded() ? 200 : 503)
                    .putHeader("Content-Type", "application/json")
                    .putHeader("Cache-Control", "no-store")
                    .end(body.encode());
        });
    }
}
