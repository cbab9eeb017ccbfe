package com.finlens.account.signin;

import com.finlens.account.signin.tokens.ExtensionTokenService;
import com.finlens.account.user.UserRepository;
import com.finlens.platform.http.SecurityHeaders;
import com.finlens.platform.view.Views;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * Development sign-in for the Chrome extension: the same {@code /auth/extension/start} contract as the Google
 * flow, answered with an email form instead of Google. Mounted only where development sign-in exists (loopback,
 * no Google client), so the extension works against a local Finlens without any keys.
 */
public final class DevExtensionSignInRoutes {

    private final UserRepository users;
    private final ExtensionTokenService tokens;
    private final Views views;
    private final ExtensionRedirects redirects;
    private final Clock clock;

    public DevExtensionSignInRoutes(UserRepository users, ExtensionTokenService tokens, Views views,
                                    List<String> extensionIds, Clock clock) {
        this.users = users;
        this.tokens = tokens;
        this.views = views;
        this.redirects = new ExtensionRedirects(extensionIds);
        this.clock = clock;
    }

    public void mount(Router router) {
        router.get("/auth/extension/start").handler(this::form);
        router.post("/auth/extension/dev").handler(this::signIn);
    }

    private void form(RoutingContext ctx) {
        String redirectUri = allowedRedirect(ctx.request().getParam("redirect_uri"));
        SecurityHeaders.allowFormTarget(ctx, ExtensionRedirects.origin(redirectUri));
        views.render(ctx, "account/extension-dev-sign-in.html", Map.of("redirectUri", redirectUri));
    }

    private void signIn(RoutingContext ctx) {
        String redirectUri = allowedRedirect(ctx.request().getFormAttribute("redirect_uri"));
        String email = ctx.request().getFormAttribute("email");
        String clean = SignInRoutes.requireEmail(email);
        users.upsertBySubject("dev:" + clean, clean, null, clock.instant())
                .compose(user -> tokens.issue(user.getId(), ctx.request().getHeader("User-Agent"),
                        ctx.request().remoteAddress() == null ? null : ctx.request().remoteAddress().host()))
                .onSuccess(issued -> ctx.response().setStatusCode(303)
                        .putHeader("Location", redirectUri + "#access_token=" + issued.accessToken()
                                + "&refresh_token=" + issued.refreshToken() + "&expires_in="
                                + issued.expiresInSeconds() + "&token_type=Bearer")
                        .putHeader("Cache-Control", "no-store")
                        .end())
                .onFailure(ctx::fail);
    }

    private String allowedRedirect(String redirectUri) {
        return redirects.require(redirectUri);
    }
}
