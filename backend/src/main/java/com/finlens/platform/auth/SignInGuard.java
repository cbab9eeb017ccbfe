package com.finlens.platform.auth;

import com.finlens.platform.http.ApiException;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Signed-in by default. Runs right after {@link AuthHandler}: a request without a user goes on only when its route
 * is on the allow-list the composition root hands in. Otherwise an API call ({@code /api/**}) fails with 401
 * problem+json, and a page visit is sent to the sign-in page, with the page asked for as a same-origin
 * {@code next} parameter when it was a GET. Handlers behind the guard read the user with {@link CurrentUser#id}.
 */
public final class SignInGuard implements Handler<RoutingContext> {

    public static final String SIGN_IN_PAGE = "/sign-in";
    private static final Pattern SAME_ORIGIN_PATH = Pattern.compile("/(?![/\\\\])[A-Za-z0-9._~/?=&%+-]{0,400}");

    /** A public route: an exact path, or every path under a prefix written {@code /prefix/*}. */
    public record PublicRoute(Set<HttpMethod> methods, String path) {

        public static PublicRoute get(String path) {
            return new PublicRoute(Set.of(HttpMethod.GET, HttpMethod.HEAD), path);
        }

        public static PublicRoute post(String path) {
            return new PublicRoute(Set.of(HttpMethod.POST), path);
        }

        /** Every method: for flows whose requests carry their own credential (a refresh token, an OAuth code). */
        public static PublicRoute any(String path) {
            return new PublicRoute(Set.of(), path);
        }

        boolean matches(HttpMethod method, String requestPath) {
            if (!methods.isEmpty() && !methods.contains(method)) {
                return false;
            }
            return path.endsWith("/*")
                    ? requestPath.startsWith(path.substring(0, path.length() - 1))
                    : requestPath.equals(path);
        }
    }

    private final List<PublicRoute> publicRoutes;

    public SignInGuard(List<PublicRoute> publicRoutes) {
        this.publicRoutes = List.copyOf(publicRoutes);
    }

    @Override
    public void handle(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        HttpMethod method = ctx.request().method();
        if (CurrentUser.isSignedIn(ctx) || publicRoutes.stream().anyMatch(route -> route.matches(method, path))) {
            ctx.next();
        } else if (path.startsWith("/api/")) {
            ctx.fail(ApiException.unauthorized("Sign in to use this."));
        } else if (method == HttpMethod.GET || method == HttpMethod.HEAD) {
            String next = sameOriginPath(ctx.request().uri());
            ctx.redirect(next == null ? SIGN_IN_PAGE
                    : SIGN_IN_PAGE + "?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8));
        } else {
            ctx.response().setStatusCode(303).putHeader("Location", SIGN_IN_PAGE).end();
        }
    }

    /**
     * {@code next} when it is a path on this site ("/chat/12?x=1"), else null: never another origin ("//evil",
     * "https://..."), a backslash trick, a header-splitting control character or anything outside URL characters.
     */
    public static String sameOriginPath(String next) {
        return next != null && SAME_ORIGIN_PATH.matcher(next).matches() ? next : null;
    }
}
