package com.finlens.watchlist;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * A user's filings, newest first, with the unread count over the whole feed, the cursor to pass as {@code since}
 * next time, and whether the filings come from the bundled DART recording rather than the live service.
 */
public record Feed(List<Filing> items, int unreadCount, long cursor, boolean offline) {

    public JsonObject toJson() {
        JsonArray array = new JsonArray();
        items.forEach(f -> array.add(f.toJson()));
        return new JsonObject().put("items", array).put("unreadCount", unreadCount).put("cursor", cursor)
                .put("offline", offline).put("source", offline ? "offline data" : "DART");
    }
}
