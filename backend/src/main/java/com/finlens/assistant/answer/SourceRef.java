package com.finlens.assistant.answer;

import io.vertx.core.json.JsonObject;

/**
 * A cited source: {@code id} is the citation marker used in the answer text (e.g. "S1"), {@code system} the
 * origin ("Open DART", "KRX", "Yahoo Finance", "Knowledge base"), {@code url} a link a person can open.
 */
public record SourceRef(String id, String title, String system, String url, String asOf) {

    public JsonObject toJson() {
        return new JsonObject().put("id", id).put("title", title).put("system", system).put("url", url)
                .put("asOf", asOf);
    }
}
