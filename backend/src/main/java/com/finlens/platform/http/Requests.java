package com.finlens.platform.http;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** Small parsing helpers that turn bad input into 400/415 problems naming what is wrong. */
public final class Requests {

    private Requests() {
    }

    /** A positive numeric path parameter. */
    public static long idParam(RoutingContext ctx, String name) {
        String raw = ctx.pathParam(name);
        try {
            long id = Long.parseLong(raw);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ApiException.badRequest(name, "\"" + name + "\" must be a positive number.");
    }

    /** The JSON object body; 415 when not JSON, 400 when malformed or not an object. */
    public static JsonObject jsonBody(RoutingContext ctx) {
        String type = ctx.request().getHeader("Content-Type");
        if (type == null || !type.toLowerCase().startsWith("application/json")) {
            throw new ApiException(415, "unsupported-media-type", "Unsupported media type",
                    "Send the body as JSON with Content-Type: application/json.");
        }
        try {
            Object parsed = ctx.body().asJsonObject();
            if (parsed == null) {
                throw new ApiException(400, "malformed-json", "Malformed JSON", "The request body is empty.");
            }
            return (JsonObject) parsed;
        } catch (DecodeException | ClassCastException e) {
            throw new ApiException(400, "malformed-json", "Malformed JSON",
                    "The request body must be a JSON object.");
        }
    }

    /** Like {@link #jsonBody} but an absent body is an empty object. */
    public static JsonObject optionalJsonBody(RoutingContext ctx) {
        if (ctx.body() == null || ctx.body().length() == 0) {
            return new JsonObject();
        }
        return jsonBody(ctx);
    }
}
