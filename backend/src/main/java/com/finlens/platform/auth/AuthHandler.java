package com.finlens.platform.auth;

import com.finlens.platform.http.ApiException;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.util.Set;

/**
 * Identifies the caller of every request: a bearer access token (the extension) or the session cookie (the web
 * UI). Cookie-authenticated requests that change state must carry the session's CSRF token, in the
 * {@code X-CSRF-Token} header (scripts) or the {@code _csrf} form field (forms). Bearer requests need none:
 * browsers never attach them on their own. Anonymous requests pass through to {@link SignInGuard}, which decides
 * whether their route is public.
 */
public final class AuthHandler {

    public static final String CSRF_HEADER = "X-CSRF-Token";
    public static final String CSRF_FIELD = "_csrf";
    private static final String SESSION_KEY = "finlens.session";
    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    private final SessionResolver sessions;
    private final SessionCookie cookie;
    private final AccessTokenVerifier accessTokens;

    public AuthHandler(SessionResolver sessions, SessionCookie cookie, AccessTokenVerifier accessTokens) {
        this.sessions = sessions;
        this.cookie = cookie;
        this.accessTokens = accessTokens;
    }

    /**
     * Identifies the caller, then goes on with {@code then} (the sign-in guard, called directly: a router hop per
     * request costs about as much as a small step); a request refused here is failed instead.
     */
    public void identify(RoutingContext ctx, Handler<RoutingContext> then) {
        String authorization = ctx.request().getHeader("Authorization");
        if (authorization != null) {
            bearer(ctx, authorization, then);
            return;
        }
        String cookieValue = cookie.read(ctx);
        if (cookieValue == null) {
            then.handle(ctx);
            return;
        }
        sessions.resolve(cookieValue).onComplete(result -> {
            if (result.failed()) {
                ctx.fail(result.cause());
                return;
            }
            SignedInSession session = result.result();
            if (session == null) {
                // Unknown or expired: forget the cookie and continue anonymously.
                cookie.clear(ctx);
                then.handle(ctx);
                return;
            }
            if (!SAFE.contains(ctx.request().method()) && !csrfMatches(ctx, session)) {
                ctx.fail(new ApiException(403, "csrf-token-invalid", "Security check failed",
                        "The form or request is missing its security token. Reload the page and try again."));
                return;
            }
            ctx.put(SESSION_KEY, session);
            CurrentUser.set(ctx, session.userId());
            then.handle(ctx);
        });
    }

    private void bearer(RoutingContext ctx, String authorization, Handler<RoutingContext> then) {
        if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7) || authorization.length() > 2048) {
            ctx.fail(ApiException.unauthorized("Use an Authorization: Bearer token."));
            return;
        }
        accessTokens.userIdFor(authorization.substring(7).trim()).onComplete(result -> {
            if (result.failed()) {
                ctx.fail(result.cause());
            } else if (result.result() == null) {
                ctx.fail(new ApiException(401, "invalid-token", "Sign-in expired",
                        "The access token is invalid or expired. Refresh it or sign in again."));
            } else {
                CurrentUser.set(ctx, result.result());
                then.handle(ctx);
            }
        });
    }

    private static boolean csrfMatches(RoutingContext ctx, SignedInSession session) {
        String sent = ctx.request().getHeader(CSRF_HEADER);
        if (sent == null) {
            sent = ctx.request().getFormAttribute(CSRF_FIELD);
        }
        return Secrets.sameSecret(sent, session.csrfToken());
    }

    /** The web session of a cookie-authenticated request, or null. */
    public static SignedInSession session(RoutingContext ctx) {
        return ctx.get(SESSION_KEY);
    }
}
