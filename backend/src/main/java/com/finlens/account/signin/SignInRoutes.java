package com.finlens.account.signin;

import com.finlens.platform.auth.AuthHandler;
import com.finlens.platform.auth.CurrentUser;
import com.finlens.platform.auth.SessionCookie;
import com.finlens.platform.auth.SignInGuard;
import com.finlens.platform.auth.SignedInSession;
import com.finlens.platform.http.ApiException;
import com.finlens.platform.http.ApiRoutes;
import com.finlens.platform.http.Requests;
import com.finlens.platform.view.Views;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Sign-in page, sign-out, the session probe for scripts, the sign-in methods on offer, and the development sign-in.
 * Development sign-in exists only when no Google client is configured and the public URL is a loopback address;
 * otherwise it is a 404.
 */
public final class SignInRoutes {

    private static final String AFTER_SIGN_IN = "/chat";
    /** RFC 5321 limits a forward path to 256 octets including the angle brackets: 254 characters of address. */
    public static final int MAX_EMAIL = 254;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,251}\\.[^@\\s]{1,63}");

    private final SessionService sessions;
    private final SessionCookie cookie;
    private final Views views;
    private final SignInConfig config;

    public SignInRoutes(SessionService sessions, SessionCookie cookie, Views views, SignInConfig config) {
        this.sessions = sessions;
        this.cookie = cookie;
        this.views = views;
        this.config = config;
    }

    public void mount(Router router, ApiRoutes api) {
        router.get("/").handler(this::home);
        router.get("/sign-in").handler(this::signInPage);
        router.post("/auth/logout").handler(this::logout);
        router.post("/auth/dev").handler(this::devSignIn);
        api.get("/session").handler(this::session);
        api.get("/sign-in/methods").handler(this::methods);
    }

    /** What the sign-in button should say: the extension asks before it offers Google or the development sign-in. */
    private void methods(RoutingContext ctx) {
        ctx.response().putHeader("Cache-Control", "no-store");
        ctx.json(new JsonObject().put("development", config.devSignIn()).put("google", config.googleConfigured()));
    }

    private void home(RoutingContext ctx) {
        if (CurrentUser.isSignedIn(ctx)) {
            ctx.redirect(AFTER_SIGN_IN);
        } else {
            views.render(ctx, "home.html", Map.of("active", "home"));
        }
    }

    /** The sign-in page; {@code next} (set by the sign-in guard) is where the user goes once signed in. */
    private void signInPage(RoutingContext ctx) {
        String next = SignInGuard.sameOriginPath(ctx.request().getParam("next"));
        if (CurrentUser.isSignedIn(ctx)) {
            ctx.redirect(next == null ? AFTER_SIGN_IN : next);
            return;
        }
        Map<String, Object> model = new HashMap<>(Map.of("active", "sign-in"));
        if (next != null) {
            model.put("next", next);
        }
        views.render(ctx, "account/sign-in.html", model);
    }

    private void devSignIn(RoutingContext ctx) {
        if (!config.devSignIn()) {
            throw ApiException.notFound("The page");
        }
        String email = ctx.request().getFormAttribute("email");
        if (email == null && Requests.isJson(ctx)) {
            Object value = Requests.jsonBody(ctx).getValue("email");
            email = value instanceof String s ? s : null;
        }
        String clean = requireEmail(email);
        sessions.signIn("dev:" + clean, clean, null, ctx.request().getHeader("User-Agent"), clientIp(ctx),
                        AuthHandler.session(ctx))
                .onSuccess(created -> {
                    cookie.set(ctx, created.cookieValue());
                    String next = SignInGuard.sameOriginPath(ctx.request().getFormAttribute("next"));
                    ctx.response().setStatusCode(303).putHeader("Location", next == null ? AFTER_SIGN_IN : next).end();
                })
                .onFailure(ctx::fail);
    }

    private void logout(RoutingContext ctx) {
        SignedInSession session = AuthHandler.session(ctx);
        cookie.clear(ctx);
        if (session == null) {
            ctx.response().setStatusCode(303).putHeader("Location", "/").end();
            return;
        }
        sessions.end(session.idHash())
                .onSuccess(v -> ctx.response().setStatusCode(303).putHeader("Location", "/").end())
                .onFailure(ctx::fail);
    }

    private void session(RoutingContext ctx) {
        SignedInSession session = AuthHandler.session(ctx);
        JsonObject body = new JsonObject().put("signedIn", CurrentUser.isSignedIn(ctx));
        if (session != null) {
            body.put("user", new JsonObject().put("id", session.userId()).put("email", session.email())
                    .put("name", session.displayName())).put("csrfToken", session.csrfToken());
        } else if (CurrentUser.isSignedIn(ctx)) {
            body.put("user", new JsonObject().put("id", CurrentUser.id(ctx)));
        }
        ctx.response().putHeader("Cache-Control", "no-store");
        ctx.json(body);
    }

    /** A plausible email address, trimmed and lower-cased; 400 naming the field otherwise. */
    static String requireEmail(String email) {
        if (email == null || email.strip().length() > MAX_EMAIL || !EMAIL.matcher(email.strip()).matches()) {
            throw ApiException.badRequest("email", "Enter an email address.");
        }
        return email.strip().toLowerCase();
    }

    static String clientIp(RoutingContext ctx) {
        return ctx.request().remoteAddress() == null ? null : ctx.request().remoteAddress().host();
    }
}
