package com.finlens.platform.auth;

import com.finlens.platform.http.ApiException;
import io.vertx.ext.web.RoutingContext;

/**
 * The signed-in user of a request. The auth handler (session cookie or bearer token) stores the user id in the
 * routing context; feature routes read it here and scope every lookup to it.
 */
public final class CurrentUser {

    static final String KEY = "finlens.userId";

    private CurrentUser() {
    }

    /** The signed-in user's id. Behind {@link SignInGuard} there always is one; without, this fails with 401. */
    public static long id(RoutingContext ctx) {
        Long id = ctx.get(KEY);
        if (id == null) {
            throw ApiException.unauthorized("Sign in to use this.");
        }
        return id;
    }

    public static boolean isSignedIn(RoutingContext ctx) {
        return ctx.get(KEY) != null;
    }

    public static void set(RoutingContext ctx, long userId) {
        ctx.put(KEY, userId);
    }
}
