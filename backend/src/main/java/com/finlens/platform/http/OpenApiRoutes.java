package com.finlens.platform.http;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The OpenAPI 3 description of the JSON API, merged at startup from one fragment per area
 * ({@code openapi/<area>.json} on the classpath), and the locally served Swagger UI at {@code /api/docs}.
 */
public final class OpenApiRoutes {

    /** Areas whose fragments make up the document, in the order they appear. */
    public static final List<String> AREAS = List.of("base", "conversations", "account", "market", "knowledge",
            "usage", "watchlist");

    private final String document;

    public OpenApiRoutes(String publicUrl) {
        this.document = merge(publicUrl).encodePrettily();
    }

    public void mount(Router router, ApiRoutes api) {
        api.get("/openapi.json").handler(ctx -> ctx.response()
                .putHeader("Content-Type", "application/json")
                .putHeader("Cache-Control", "no-cache")
                .end(document));
        router.get("/api/docs").handler(ctx -> ctx.redirect("/static/vendor/swagger-ui/index.html"));
    }

    static JsonObject merge(String publicUrl) {
        JsonObject doc = null;
        for (String area : AREAS) {
            JsonObject fragment = load("openapi/" + area + ".json");
            if (fragment == null) {
                continue;
            }
            if (doc == null) {
                doc = fragment;
                continue;
            }
            doc.getJsonObject("paths").mergeIn(fragment.getJsonObject("paths", new JsonObject()));
            JsonObject schemas = fragment.getJsonObject("components", new JsonObject())
                    .getJsonObject("schemas", new JsonObject());
            doc.getJsonObject("components").getJsonObject("schemas").mergeIn(schemas);
        }
        if (doc == null) {
            throw new IllegalStateException("openapi/base.json is missing");
        }
        doc.put("servers", new io.vertx.core.json.JsonArray().add(new JsonObject().put("url", publicUrl + "/api/v1")));
        return doc;
    }

    private static JsonObject load(String path) {
        try (InputStream in = OpenApiRoutes.class.getClassLoader().getResourceAsStream(path)) {
            return in == null ? null : new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
