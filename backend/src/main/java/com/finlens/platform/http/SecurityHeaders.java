package com.finlens.platform.http;

import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;

/**
 * Security headers on every response. The CSP allows only our own scripts and styles: no inline script, no
 * third-party origins, so model output that slips past sanitising still cannot run.
 */
public final class SecurityHeaders implements Handler<RoutingContext> {

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
            + "frame-ancestors 'none'";

    /** Swagger UI sets inline style attributes; only its vendored pages get inline styles, never inline script. */
    static final String DOCS_CSP = CSP.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'");
    private static final String DOCS_PATH = "/static/vendor/swagger-ui/";

    private final boolean https;

    /**
     * The policy for a page whose form's answer redirects to {@code origin}: browsers apply {@code form-action} to
     * the redirect too, so the extension's sign-in form must name the one address its tokens may go to.
     */
    public static void allowFormTarget(RoutingContext ctx, String origin) {
        ctx.response().headers().set("Content-Security-Policy",
                CSP.replace("form-action 'self'", "form-action 'self' " + origin));
    }

    public SecurityHeaders(boolean https) {
        this.https = https;
    }

    @Override
    public void handle(RoutingContext ctx) {
        MultiMap headers = ctx.response().headers();
        headers.set("Content-Security-Policy", ctx.request().path().startsWith(DOCS_PATH) ? DOCS_CSP : CSP);
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("X-Frame-Options", "DENY");
        headers.set("Referrer-Policy", "strict-origin-when-cross-origin");
        headers.set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
        headers.set("Cross-Origin-Opener-Policy", "same-origin");
        if (https) {
            headers.set("Strict-Transport-Security", "max-age=63072000; includeSubDomains");
        }
        ctx.next();
    }
}
