package com.finlens.watchlist;

import com.finlens.platform.auth.CurrentUser;
import com.finlens.platform.http.ApiException;
import com.finlens.platform.http.ApiRoutes;
import com.finlens.platform.http.Requests;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code /api/v1/watchlist}: the signed-in user's watched companies and disclosure feed. The feed carries an ETag;
 * a poll with a matching {@code If-None-Match} costs one aggregate query and gets 304.
 */
public final class WatchlistRoutes {

    private final WatchlistService watchlist;

    WatchlistRoutes(WatchlistService watchlist) {
        this.watchlist = watchlist;
    }

    /** Mounts as API routes (served under /api/v1), behind the auth handler and its CSRF check. */
    public void mount(ApiRoutes api) {
        api.get("/watchlist").handler(this::list);
        api.get("/watchlist/feed").handler(this::feed);
        api.post("/watchlist/feed/read").handler(this::markRead);
        api.put("/watchlist/:companyKey").handler(this::add);
        api.delete("/watchlist/:companyKey").handler(this::remove);
    }

    private void list(RoutingContext ctx) {
        watchlist.list(CurrentUser.id(ctx)).onSuccess(items -> {
            JsonArray array = new JsonArray();
            items.forEach(c -> array.add(c.toJson()));
            ctx.response().putHeader("Cache-Control", "no-store");
            ctx.json(new JsonObject().put("items", array));
        }).onFailure(ctx::fail);
    }

    private void add(RoutingContext ctx) {
        watchlist.add(CurrentUser.id(ctx), ctx.pathParam("companyKey"))
                .onSuccess(company -> ctx.json(new JsonObject().put("companyKey", company.id())
                        .put("name", company.name()).put("disclosures", company.dartCorpCode() != null)))
                .onFailure(ctx::fail);
    }

    private void remove(RoutingContext ctx) {
        watchlist.remove(CurrentUser.id(ctx), ctx.pathParam("companyKey"))
                .onSuccess(v -> ctx.response().setStatusCode(204).end())
                .onFailure(ctx::fail);
    }

    private void feed(RoutingContext ctx) {
        long userId = CurrentUser.id(ctx);
        long since = cursor(ctx.request().getParam("since"), "since");
        watchlist.feedVersion(userId, since).compose(etag -> {
            ctx.response().putHeader("ETag", etag).putHeader("Cache-Control", "private, no-cache");
            if (etag.equals(ctx.request().getHeader("If-None-Match"))) {
                return ctx.response().setStatusCode(304).end();
            }
            return watchlist.feed(userId, since).compose(feed -> ctx.json(feed.toJson()));
        }).onFailure(ctx::fail);
    }

    private void markRead(RoutingContext ctx) {
        Object upTo = Requests.optionalJsonBody(ctx).getValue("upTo");
        long limit = upTo == null ? Long.MAX_VALUE : cursor(String.valueOf(upTo), "upTo");
        watchlist.markRead(CurrentUser.id(ctx), limit)
                .onSuccess(v -> ctx.response().setStatusCode(204).end())
                .onFailure(ctx::fail);
    }

    /** A feed cursor: a non-negative integer from an earlier feed's {@code cursor}; absent means the whole feed. */
    static long cursor(String value, String parameter) {
        if (value == null || value.isBlank()) {
            return 0;
        }
        try {
            long cursor = Long.parseLong(value.trim());
            if (cursor >= 0) {
                return cursor;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiException.badRequest(parameter, parameter + " must be a cursor from an earlier feed (an integer >= 0)");
    }
}
