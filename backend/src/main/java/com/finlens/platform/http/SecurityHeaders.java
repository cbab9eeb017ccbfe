package com.finlens.platform.http;

import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * Security headers on every response. The CSP allows only our own scripts and styles: no inline script, no
 * third-party origins, so model output that slips past sanitising still cannot run.
 *
 * <p>JSON responses (the API and health checks) are never documents, so they get the set OWASP's REST Security
 * Cheat Sheet gives APIs: a policy that allows nothing ({@code default-src 'none'}) and may not be framed, nosniff,
 * no framing. The document-only headers (referrer, permissions, opener policy) would be 200 bytes of every API
 * response for nothing; behind nginx the edge adds its own copies to every response anyway.
 */
public final class SecurityHeaders implements Handler<RoutingContext> {

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
            + "frame-ancestors 'none'";

    /** Swagger UI sets inline style attributes; only its vendored pages get inline styles, never inline script. */
    static final String DOCS_CSP = CSP.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'");
    private static final String DOCS_PATH = "/static/vendor/swagger-ui/";

    private static final CharSequence CSP_NAME = HttpHeaders.createOptimized("Content-Security-Policy");
    private static final CharSequence CSP_VALUE = HttpHeaders.createOptimized(CSP);
    private static final CharSequence DOCS_CSP_VALUE = HttpHeaders.createOptimized(DOCS_CSP);
    private static final CharSequence JSON_CSP_VALUE =
            HttpHeaders.createOptimized("default-src 'none'; frame-ancestors 'none'");
    /** Names and values encoded once (with their hashes), not per response. */
    private static final CharSequence[][] EVERY_RESPONSE = optimized(new String[][] {
        {"X-Content-Type-Options", "nosniff"},
        {"X-Frame-Options", "DENY"}});
    private static final CharSequence[][] PAGES_ONLY = optimized(new String[][] {
        {"Referrer-Policy", "strict-origin-when-cross-origin"},
        {"Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()"},
        {"Cross-Origin-Opener-Policy", "same-origin"}});
    private static final CharSequence[] HSTS = optimized(new String[][] {
        {"Strict-Transport-Security", "max-age=63072000; includeSubDomains"}})[0];

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
        apply(ctx);
        ctx.next();
    }

    /** Sets the headers on the response (the server's per-request step calls this directly). */
    public void apply(RoutingContext ctx) {
        // add, not set: this runs first on a fresh response, so there is nothing to replace (set looks first).
        MultiMap headers = ctx.response().headers();
        String path = ctx.request().path();
        add(headers, EVERY_RESPONSE);
        if (path.startsWith("/api/") || path.startsWith("/health/")) {
            headers.add(CSP_NAME, JSON_CSP_VALUE);
        } else {
            headers.add(CSP_NAME, path.startsWith(DOCS_PATH) ? DOCS_CSP_VALUE : CSP_VALUE);
            add(headers, PAGES_ONLY);
        }
        if (https) {
            headers.add(HSTS[0], HSTS[1]);
        }
    }

    private static void add(MultiMap headers, CharSequence[][] pairs) {
        for (CharSequence[] header : pairs) {
            headers.add(header[0], header[1]);
        }
    }

    private static CharSequence[][] optimized(String[][] pairs) {
        CharSequence[][] out = new CharSequence[pairs.length][];
        for (int i = 0; i < pairs.length; i++) {
            out[i] = new CharSequence[] {HttpHeaders.createOptimized(pairs[i][0]),
                HttpHeaders.createOptimized(pairs[i][1])};
        }
        return out;
    }
}
