package com.finlens.platform.auth;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpHeaders;
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

    /**
     * The session cookie's value, or null. Read from the Cookie header for this one name: {@code getCookie} decoded
     * every cookie into a jar for the request and the response on every request (docs/benchmarks.md).
     */
    public String read(RoutingContext ctx) {
        // One header in HTTP/1.1; HTTP/2 clients may split the cookies over several.
        for (String header : ctx.request().headers().getAll(HttpHeaders.COOKIE)) {
            String value = valueIn(header, name);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    /**
     * The value of cookie {@code name} in a Cookie header ("a=1; name=value"), as Netty's decoder reads it: the
     * first of that name wins, a value in double quotes loses them; null when it is not there.
     */
    static String valueIn(String header, String name) {
        int length = header.length();
        int at = 0;
        while (at < length) {
            while (at < length && (header.charAt(at) == ' ' || header.charAt(at) == '\t')) {
                at++;
            }
            int end = header.indexOf(';', at);
            if (end < 0) {
                end = length;
            }
            int equals = at + name.length();
            if (equals < end && header.charAt(equals) == '=' && header.startsWith(name, at)) {
                int from = equals + 1;
                int to = end;
                while (to > from && (header.charAt(to - 1) == ' ' || header.charAt(to - 1) == '\t')) {
                    to--;
                }
                if (to - from >= 2 && header.charAt(from) == '"' && header.charAt(to - 1) == '"') {
                    from++;
                    to--;
                }
                return header.substring(from, to);
            }
            at = end + 1;
        }
        return null;
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
