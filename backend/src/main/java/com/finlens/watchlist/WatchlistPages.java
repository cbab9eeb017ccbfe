package com.finlens.watchlist;

import com.finlens.platform.auth.CurrentUser;
import com.finlens.platform.http.ApiException;
import com.finlens.platform.view.Views;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The watchlist page: watched companies, an add form, the disclosure feed and "mark all read". Plain forms (POST,
 * CSRF field, redirect back), so it works without JavaScript.
 */
public final class WatchlistPages {

    private static final String PAGE = "/watchlist";

    private final WatchlistService watchlist;
    private final Views views;

    WatchlistPages(WatchlistService watchlist, Views views) {
        this.watchlist = watchlist;
        this.views = views;
    }

    public void mount(Router router) {
        router.get(PAGE).handler(this::page);
        router.post(PAGE + "/add").handler(this::add);
        router.post(PAGE + "/:companyKey/remove").handler(this::remove);
        router.post(PAGE + "/read").handler(this::markRead);
    }

    private void page(RoutingContext ctx) {
        long userId = CurrentUser.id(ctx);
        watchlist.list(userId).compose(companies -> watchlist.feed(userId, 0).compose(feed -> {
            Map<String, Object> model = new HashMap<>();
            model.put("active", "watchlist");
            model.put("companies", companies.stream().map(WatchedCompany::toJson).toList());
            model.put("feed", feed.toJson());
            model.put("missing", ctx.request().getParam("missing", ""));
            return views.render(ctx, "watchlist/watchlist.html", model);
        })).onFailure(ctx::fail);
    }

    private void add(RoutingContext ctx) {
        String query = ctx.request().getFormAttribute("q");
        watchlist.addByQuery(CurrentUser.id(ctx), query)
                .onSuccess(company -> redirect(ctx, PAGE))
                .onFailure(t -> {
                    if (t instanceof ApiException problem && problem.status() == 404) {
                        redirect(ctx, PAGE + "?missing=" + URLEncoder.encode(query == null ? "" : query.strip(),
                                StandardCharsets.UTF_8));
                    } else {
                        ctx.fail(t);
                    }
                });
    }

    private void remove(RoutingContext ctx) {
        watchlist.remove(CurrentUser.id(ctx), ctx.pathParam("companyKey"))
                .onSuccess(v -> redirect(ctx, PAGE)).onFailure(ctx::fail);
    }

    private void markRead(RoutingContext ctx) {
        long upTo;
        try {
            String sent = ctx.request().getFormAttribute("upTo");
            upTo = sent == null || sent.isBlank() ? Long.MAX_VALUE : WatchlistRoutes.cursor(sent, "upTo");
        } catch (ApiException e) {
            ctx.fail(e);
            return;
        }
        Future<Void> done = watchlist.markRead(CurrentUser.id(ctx), upTo);
        done.onSuccess(v -> redirect(ctx, PAGE)).onFailure(ctx::fail);
    }

    private static void redirect(RoutingContext ctx, String location) {
        ctx.response().setStatusCode(303).putHeader("Location", location).end();
    }
}
