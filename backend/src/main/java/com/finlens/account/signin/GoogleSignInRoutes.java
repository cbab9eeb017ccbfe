package com.finlens.account.signin;

import com.finlens.account.signin.google.GoogleIdentity;
import com.finlens.account.signin.google.GoogleOidc;
import com.finlens.account.signin.google.GoogleSignIn;
import com.finlens.account.signin.tokens.ExtensionTokenService;
import com.finlens.account.user.UserRepository;
import com.finlens.platform.auth.AuthHandler;
import com.finlens.platform.auth.Secrets;
import com.finlens.platform.auth.SessionCookie;
import com.finlens.platform.auth.SignInGuard;
import com.finlens.platform.auth.SignedInSession;
import com.finlens.platform.http.ApiException;
import io.vertx.core.Future;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sign in with Google, for the web UI ({@code GET /auth/google}) and for the Chrome extension
 * ({@code GET /auth/extension/start}); both finish at {@code GET /auth/google/callback}. The web gets a fresh
 * session cookie; the extension gets its tokens in the fragment of its {@code chromiumapp.org} redirect URI,
 * which only Chrome's identity API sees.
 */
public final class GoogleSignInRoutes {

    private static final Logger LOG = LoggerFactory.getLogger(GoogleSignInRoutes.class);
    /** A local path only (never //host or /\host, which browsers treat as another site). */
    private static final String DEFAULT_RETURN = "/chat";
    /** Ties a web sign-in to the browser that started it; lives as long as an attempt. */
    private static final String BINDING_COOKIE = "finlens_signin";
    private static final String CALLBACK_PATH = "/auth/google/callback";

    private final GoogleSignIn google;
    private final SessionService sessions;
    private final SessionCookie cookie;
    private final UserRepository users;
    private final ExtensionTokenService tokens;
    private final List<String> extensionIds;
    private final boolean secureCookies;
    private final Secrets secrets;
    private final Clock clock;

    public GoogleSignInRoutes(GoogleSignIn google, SessionService sessions, SessionCookie cookie,
                              UserRepository users, ExtensionTokenService tokens, List<String> extensionIds,
                              boolean secureCookies, Secrets secrets, Clock clock) {
        this.google = google;
        this.sessions = sessions;
        this.cookie = cookie;
        this.users = users;
        this.tokens = tokens;
        this.extensionIds = List.copyOf(extensionIds);
        this.secureCookies = secureCookies;
        this.secrets = secrets;
        this.clock = clock;
    }

    public void mount(Router root) {
        root.get("/auth/google").handler(this::startWeb);
        root.get("/auth/extension/start").handler(this::startExtension);
        root.get(CALLBACK_PATH).handler(this::callback);
    }

    private void startWeb(RoutingContext ctx) {
        String requested = SignInGuard.sameOriginPath(ctx.request().getParam("return"));
        String returnPath = requested != null ? requested : DEFAULT_RETURN;
        String binding = secrets.newToken();
        ctx.response().addCookie(Cookie.cookie(BINDING_COOKIE, binding).setPath(CALLBACK_PATH).setHttpOnly(true)
                .setSecure(secureCookies).setSameSite(CookieSameSite.LAX)
                .setMaxAge(GoogleSignIn.ATTEMPT_LIFETIME.toSeconds()));
        redirectToGoogle(ctx, google.start(returnPath, null, binding));
    }

    private void startExtension(RoutingContext ctx) {
        // A page, not a redirect, when refused: tokens must never go anywhere but an allow-listed extension.
        String redirectUri = new ExtensionRedirects(extensionIds).require(ctx.request().getParam("redirect_uri"));
        // No browser binding: Chrome runs the extension's sign-in in its own window.
        redirectToGoogle(ctx, google.start(DEFAULT_RETURN, redirectUri, null));
    }

    private void redirectToGoogle(RoutingContext ctx, Future<String> authorizeUrl) {
        authorizeUrl.onSuccess(url -> ctx.response()
                        .setStatusCode(302)
                        .putHeader("Location", url)
                        .putHeader("Cache-Control", "no-store")
                        .end())
                .onFailure(ctx::fail);
    }

    private void callback(RoutingContext ctx) {
        String state = ctx.request().getParam("state");
        String code = ctx.request().getParam("code");
        String error = ctx.request().getParam("error");
        Cookie binding = ctx.request().getCookie(BINDING_COOKIE);
        if (binding != null) {
            ctx.response().addCookie(Cookie.cookie(BINDING_COOKIE, "").setPath(CALLBACK_PATH).setHttpOnly(true)
                    .setSecure(secureCookies).setSameSite(CookieSameSite.LAX).setMaxAge(0));
        }
        google.take(state, binding == null ? null : binding.getValue()).onFailure(ctx::fail).onSuccess(attempt -> {
            Future<GoogleIdentity> identity = error != null
                    ? Future.failedFuture(GoogleOidc.signInFailed("Sign-in was cancelled at Google."))
                    : google.finish(attempt, code);
            if (attempt.getExtensionRedirectUri() != null) {
                finishExtension(ctx, attempt.getExtensionRedirectUri(), identity);
            } else {
                finishWeb(ctx, attempt.getReturnPath(), identity);
            }
        });
    }

    private void finishWeb(RoutingContext ctx, String returnPath, Future<GoogleIdentity> identity) {
        SignedInSession previous = AuthHandler.session(ctx);
        identity.compose(id -> sessions.signIn(id.subject(), id.email(), id.name(),
                        ctx.request().getHeader("User-Agent"), clientIp(ctx), previous))
                .onSuccess(created -> {
                    cookie.set(ctx, created.cookieValue());
                    ctx.response().setStatusCode(303).putHeader("Location", returnPath)
                            .putHeader("Cache-Control", "no-store").end();
                })
                .onFailure(ctx::fail);
    }

    private void finishExtension(RoutingContext ctx, String redirectUri, Future<GoogleIdentity> identity) {
        identity.compose(id -> users.upsertBySubject(id.subject(), id.email(), id.name(), clock.instant()))
                .compose(user -> tokens.issue(user.getId(), ctx.request().getHeader("User-Agent"), clientIp(ctx)))
                .onSuccess(issued -> fragmentRedirect(ctx, redirectUri, "access_token=" + issued.accessToken()
                        + "&refresh_token=" + issued.refreshToken()
                        + "&expires_in=" + issued.expiresInSeconds()
                        + "&token_type=Bearer"))
                .onFailure(e -> {
                    if (!(e instanceof ApiException)) {
                        LOG.error("Extension sign-in failed", e);
                    }
                    String why = e instanceof ApiException api ? api.detail() : "Sign-in failed.";
                    fragmentRedirect(ctx, redirectUri, "error=access_denied&error_description="
                            + URLEncoder.encode(why, StandardCharsets.UTF_8).replace("+", "%20"));
                });
    }

    private static void fragmentRedirect(RoutingContext ctx, String redirectUri, String fragment) {
        ctx.response().setStatusCode(302)
                .putHeader("Location", redirectUri + "#" + fragment)
                .putHeader("Cache-Control", "no-store")
                .putHeader("Referrer-Policy", "no-referrer")
                .end();
    }

    private static String clientIp(RoutingContext ctx) {
        return ctx.request().remoteAddress() == null ? null : ctx.request().remoteAddress().host();
    }
}
