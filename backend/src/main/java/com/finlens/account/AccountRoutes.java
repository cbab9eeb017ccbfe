package com.finlens.account;

import com.finlens.platform.auth.AuthHandler;
import com.finlens.platform.auth.CurrentUser;
import com.finlens.platform.auth.SessionCookie;
import com.finlens.platform.auth.SignedInSession;
import com.finlens.platform.http.ApiException;
import com.finlens.platform.http.ApiRoutes;
import com.finlens.platform.http.Requests;
import com.finlens.platform.view.Messages;
import com.finlens.platform.view.Views;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/**
 * The account page with its forms (revoke a session or extension, export, delete) and the same as JSON under
 * {@code /api/v1/account}. Forms carry the CSRF token; the auth handler checks it. The page shows today's usage
 * and each sign-in as "Chrome · Windows · 2시간 전"; a wrong confirmation email re-renders it with the message
 * next to the field.
 */
public final class AccountRoutes {

    private final AccountService accounts;
    private final SessionCookie cookie;
    private final Views views;
    private final UsageSummary usage;
    private final Clock clock;

    public AccountRoutes(AccountService accounts, SessionCookie cookie, Views views, UsageSummary usage,
                         Clock clock) {
        this.accounts = accounts;
        this.cookie = cookie;
        this.views = views;
        this.usage = usage;
        this.clock = clock;
    }

    public void mount(Router root, ApiRoutes api) {
        root.get("/account").handler(this::page);
        root.post("/account/sessions/:id/revoke").handler(this::revokeSession);
        root.post("/account/devices/:familyId/revoke").handler(this::revokeDevice);
        root.get("/account/export").handler(this::export);
        root.post("/account/delete").handler(this::deleteFromForm);
        api.get("/account").handler(this::overviewJson);
        api.get("/account/export").handler(this::export);
        api.delete("/account").handler(this::deleteFromApi);
    }

    private void page(RoutingContext ctx) {
        renderPage(ctx, 200, null).onFailure(ctx::fail);
    }

    private Future<Void> renderPage(RoutingContext ctx, int status, String deleteError) {
        long userId = CurrentUser.id(ctx);
        String lang = Views.lang(ctx);
        return accounts.overview(userId, currentSessionHash(ctx)).compose(overview -> usage.today(userId)
                .compose(today -> {
                    Map<String, Object> model = new HashMap<>();
                    model.put("active", "account");
                    model.put("account", readable(overview, lang));
                    model.put("usage", today);
                    if (deleteError != null) {
                        model.put("deleteError", deleteError);
                    }
                    return views.render(ctx, status, "account/account.html", model);
                }));
    }

    /** Sign-ins as people read them: browser and system instead of the raw user agent, and how long ago. */
    private JsonObject readable(JsonObject overview, String lang) {
        Messages messages = views.messages();
        Instant now = clock.instant();
        for (String list : new String[] {"sessions", "devices"}) {
            JsonArray entries = overview.getJsonArray(list, new JsonArray());
            for (int i = 0; i < entries.size(); i++) {
                JsonObject entry = entries.getJsonObject(i);
                UserAgents.Summary ua = UserAgents.summarize(entry.getString("userAgent"));
                entry.put("device", (ua.browser() == null ? messages.get(lang, "account.ua.unknownBrowser")
                        : ua.browser()) + " · " + (ua.system() == null
                        ? messages.get(lang, "account.ua.unknownSystem") : ua.system()));
                String last = entry.getString("lastSeenAt", entry.getString("lastUsedAt"));
                entry.put("lastAgo", RelativeTime.ago(messages, lang, Instant.parse(last), now));
            }
        }
        return overview;
    }

    private void overviewJson(RoutingContext ctx) {
        accounts.overview(CurrentUser.id(ctx), currentSessionHash(ctx))
                .onSuccess(overview -> {
                    ctx.response().putHeader("Cache-Control", "no-store");
                    ctx.json(overview);
                })
                .onFailure(ctx::fail);
    }

    private void revokeSession(RoutingContext ctx) {
        long userId = CurrentUser.id(ctx);
        String id = ctx.pathParam("id");
        String current = currentSessionHash(ctx);
        boolean revokingThisBrowser = current != null && AccountService.publicId(current).equals(id);
        accounts.revokeSession(userId, id)
                .onSuccess(v -> {
                    if (revokingThisBrowser) {
                        cookie.clear(ctx);
                        ctx.response().setStatusCode(303).putHeader("Location", "/").end();
                    } else {
                        ctx.response().setStatusCode(303).putHeader("Location", "/account").end();
                    }
                })
                .onFailure(ctx::fail);
    }

    private void revokeDevice(RoutingContext ctx) {
        accounts.revokeDevice(CurrentUser.id(ctx), ctx.pathParam("familyId"))
                .onSuccess(v -> ctx.response().setStatusCode(303).putHeader("Location", "/account").end())
                .onFailure(ctx::fail);
    }

    private void export(RoutingContext ctx) {
        accounts.export(CurrentUser.id(ctx))
                .onSuccess(export -> ctx.response()
                        .putHeader("Content-Type", "application/json; charset=utf-8")
                        .putHeader("Content-Disposition", "attachment; filename=\"finlens-export-"
                                + LocalDate.now() + ".json\"")
                        .putHeader("Cache-Control", "no-store")
                        .end(export.encodePrettily()))
                .onFailure(ctx::fail);
    }

    private void deleteFromForm(RoutingContext ctx) {
        accounts.delete(CurrentUser.id(ctx), ctx.request().getFormAttribute("confirm"))
                .onSuccess(v -> {
                    cookie.clear(ctx);
                    ctx.response().setStatusCode(303).putHeader("Location", "/").end();
                })
                .onFailure(e -> {
                    if (e instanceof ApiException problem && problem.status() == 400) {
                        String email = AuthHandler.session(ctx) == null ? "" : AuthHandler.session(ctx).email();
                        renderPage(ctx, 400, views.messages().get(Views.lang(ctx), "account.delete.mismatch", email))
                                .onFailure(ctx::fail);
                    } else {
                        ctx.fail(e);
                    }
                });
    }

    private void deleteFromApi(RoutingContext ctx) {
        JsonObject body = Requests.jsonBody(ctx);
        Object confirm = body.getValue("confirm");
        accounts.delete(CurrentUser.id(ctx), confirm instanceof String s ? s : null)
                .onSuccess(v -> {
                    if (AuthHandler.session(ctx) != null) {
                        cookie.clear(ctx);
                    }
                    ctx.response().setStatusCode(204).end();
                })
                .onFailure(ctx::fail);
    }

    private static String currentSessionHash(RoutingContext ctx) {
        SignedInSession session = AuthHandler.session(ctx);
        return session == null ? null : session.idHash();
    }
}
