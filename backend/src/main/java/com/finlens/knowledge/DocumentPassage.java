package com.finlens.knowledge;

import io.vertx.core.json.JsonObject;

/** A retrieved piece of a document, as the assistant cites it and the search API returns it. */
public record DocumentPassage(String chunkId, long documentId, String title, int position, String text, double score,
                      String sourceUrl, boolean shared) {

    public JsonObject toJson() {
        return new JsonObject().put("chunkId", chunkId).put("documentId", documentId).put("title", title)
                .put("position", position).put("text", text).put("score", score).put("sourceUrl", sourceUrl)
                .put("shared", shared);
    }
}
