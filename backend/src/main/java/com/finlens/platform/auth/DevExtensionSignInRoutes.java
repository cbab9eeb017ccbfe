package com.finlens.platform.auth;

import com.finlens.account.UserRepository;
import com.finlens.platform.auth.tokens.ExtensionTokenService;
import com.finlens.platform.http.ApiException;
import com.finlens.platform.view.Views;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Development sign-in for the Chrome extension: the same {@code /auth/extension/start} contract as the Google
 * flow, answered with an email form instead of Google. Mounted only where development sign-in exists (loopback,
 * no Google client), so the extension works against a local Finlens without any keys.
 */
public final class DevExtensionSignInRoutes {

    private static final Pattern EXTENSION_REDIRECT =
            Pattern.compile("https://([a-p]{32})\\.chromiumapp\\.org/[A-Za-z0-9._~/-]{0,200}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,255}\\.[^@\\s]{1,63}");

    private final UserRepository users;
    private final ExtensionTokenService tokens;
    private final Views views;
    private final List<String> extensionIds;
    private final Clock clock;

    public DevExtensionSignInRoutes(UserRepository users, ExtensionTokenService tokens, Views views,
                                    List<String> extensionIds, Clock clock) {
        this.users = users;
        this.tokens = tokens;
        this.views = views;
        this.extensionIds = List.copyOf(extensionIds);
        this.clock = clock;
    }

    public void mount(Router router) {
        router.get("/auth/extension/start").handler(this::form);
        router.post("/auth/extension/dev").handler(this::signIn);
    }

    private void form(RoutingContext ctx) {
        String redirectUri = allowedRedirect(ctx.request().getParam("redirect_uri"));
        views.render(ctx, "account/extension-dev-sign-in.html", Map.of("redirectUri", redirectUri));
    }

    private void signIn(RoutingContext ctx) {
        String redirectUri = allowedRedirect(ctx.request().getFormAttribute("redirect_uri"));
        String email = ctx.request().getFormAttribute("email");
        if (email == null || !EMAIL.matcher(email.strip()).matches()) {
            throw ApiException.badRequest("email", "Enter an email address.");
        }
        String clean = email.strip().toLowerCase();
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

    /** Tokens only ever go to an allow-listed extension's chromiumapp.org address. */
    private String allowedRedirect(String redirectUri) {
        Matcher m = redirectUri == null ? null : EXTENSION_REDIRECT.matcher(redirectUri);
        if (m == null || !m.matches() || !extensionIds.contains(m.group(1))) {
            throw new ApiException(400, "invalid-redirect-uri", "Unknown extension",
                    "This sign-in request did not come from an allowed Finlens extension.");
        }
        return redirectUri;
    }
}
