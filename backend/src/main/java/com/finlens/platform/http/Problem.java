package com.finlens.platform.http;

import io.vertx.core.json.JsonObject;
import java.util.Map;

/** An RFC 9457 problem document. */
public record Problem(String type, String title, int status, String detail, String instance,
                      Map<String, Object> extensions) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://finlens.app/problems/";

    public static Problem of(ApiException e, String instance) {
        return new Problem(TYPE_BASE + e.type(), e.title(), e.status(), e.detail(), instance, e.extensions());
    }

    public JsonObject toJson() {
        JsonObject json = new JsonObject()
                .put("type", type)
                .put("title", title)
                .put("status", status);
        if (detail != null) {
            json.put("detail", detail);
        }
        if (instance != null) {
            json.put("instance", instance);
        }
        extensions.forEach(json::put);
        return json;
    }
}
