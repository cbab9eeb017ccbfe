package com.finlens.platform.auth;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;

/**
 * The session cookie: HttpOnly, SameSite=Lax, and over https Secure with the {@code __Host-} prefix (which pins it
 * to our host and path "/").
 */
public final class SessionCookie {

    private final boolean secure;
    private final String name;
    private final Duration maxAge;

    public SessionCookie(boolean secure, Duration maxAge) {
        this.secure = secure;
        this.name = secure ? "__Host-finlens_session" : "finlens_session";
        this.maxAge = maxAge;
    }

    public String name() {
        return name;
    }

    public String read(RoutingContext ctx) {
        Cookie cookie = ctx.request().getCookie(name);
        return cookie == null ? null : cookie.getValue();
    }

    public void set(RoutingContext ctx, String value) {
        ctx.response().addCookie(Cookie.cookie(name, value).setPath("/").setHttpOnly(true).setSecure(secure)
                .setSameSite(CookieSameSite.LAX).setMaxAge(maxAge.toSeconds()));
    }

    public void clear(RoutingContext ctx) {
        ctx.response().addCookie(Cookie.cookie(name, "").setPath("/").setHttpOnly(true).setSecure(secure)
                .setSameSite(CookieSameSite.LAX).setMaxAge(0));
    }
}
