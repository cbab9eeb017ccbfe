package com.finlens.account;

import com.finlens.platform.auth.AuthHandler;
import com.finlens.platform.auth.CurrentUser;
import com.finlens.platform.auth.SessionCookie;
import com.finlens.platform.auth.SignedInSession;
import com.finlens.platform.http.Requests;
import com.finlens.platform.view.Views;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.LocalDate;
import java.util.Map;

/**
 * The account page with its forms (revoke a session or extension, export, delete) and the same as JSON under
 * {@code /api/v1/account}. Forms carry the CSRF token; the auth handler checks it.
 */
public final class AccountRoutes {

    private final AccountService accounts;
    private final SessionCookie cookie;
    private final Views views;

    public AccountRoutes(AccountService accounts, SessionCookie cookie, Views views) {
        this.accounts = accounts;
        this.cookie = cookie;
        this.views = views;
    }

    public void mount(Router root, Router api) {
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
        accounts.overview(CurrentUser.id(ctx), currentSessionHash(ctx))
                .onSuccess(overview -> views.render(ctx, "account/account.html", Map.of(
                        "active", "account",
                        "account", overview)))
                .onFailure(ctx::fail);
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
                .onFailure(ctx::fail);
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
