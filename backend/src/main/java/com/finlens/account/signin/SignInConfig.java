package com.finlens.account.signin;

import com.finlens.platform.config.Env;
import com.finlens.platform.http.HttpConfig;
import com.finlens.platform.http.Loopback;
import java.time.Duration;
import java.util.List;

/** Sign-in: Google (OpenID Connect), sessions, extension tokens. */
public record SignInConfig(String oidcIssuer, String googleClientId, String googleClientSecret,
                           List<String> extensionIds, Duration sessionIdle, Duration sessionAbsolute,
                           Duration accessTokenTtl, Duration refreshTokenTtl, int signInPerMinute,
                           boolean devSignIn) {

    /** The id of extension/ in this repository; its manifest "key" pins it. */
    public static final String BUNDLED_EXTENSION_ID = "ddnnmbjcmeigkckpfgccefnenkbkgghf";

    public static SignInConfig from(Env env, HttpConfig http) {
        String issuer = env.url("FINLENS_OIDC_ISSUER", "https://accounts.google.com");
        String clientId = env.raw("FINLENS_GOOGLE_CLIENT_ID");
        String secret = env.secret("FINLENS_GOOGLE_CLIENT_SECRET");
        if (clientId != null && secret == null) {
            env.problem("FINLENS_GOOGLE_CLIENT_SECRET is required when FINLENS_GOOGLE_CLIENT_ID is set");
        }
        if (clientId == null && !http.isLoopback()) {
            env.problem("FINLENS_GOOGLE_CLIENT_ID is required when FINLENS_PUBLIC_URL is not a loopback address"
                    + " (nobody could sign in)");
        }
        List<String> ids = env.list("FINLENS_EXTENSION_IDS");
        for (String id : ids) {
            if (!id.matches("[a-p]{32}")) {
                env.problem("FINLENS_EXTENSION_IDS must list Chrome extension ids (32 letters a-p), got '" + id + "'");
            }
        }
        Duration idle = env.duration("FINLENS_SESSION_IDLE", Duration.ofHours(12));
        Duration absolute = env.duration("FINLENS_SESSION_ABSOLUTE", Duration.ofDays(14));
        Duration access = env.duration("FINLENS_ACCESS_TOKEN_TTL", Duration.ofMinutes(15));
        Duration refresh = env.duration("FINLENS_REFRESH_TOKEN_TTL", Duration.ofDays(30));
        int perMinute = env.integer("FINLENS_SIGNIN_RATE_PER_MINUTE", 20, 1, 10_000);
        boolean dev = clientId == null && http.isLoopback();
        if (dev && !Loopback.isLoopbackHost(http.host())) {
            // Anyone who reaches development sign-in can be anyone: it must not be reachable from the network.
            env.problem("FINLENS_HOST must be a loopback address (127.0.0.1, ::1, localhost) while development"
                    + " sign-in is on (a loopback FINLENS_PUBLIC_URL and no FINLENS_GOOGLE_CLIENT_ID); was '"
                    + http.host() + "'");
        }
        if (ids.isEmpty() && dev) {
            // Locally, the extension in this repository (its manifest key pins this id) works out of the box.
            ids = List.of(BUNDLED_EXTENSION_ID);
        }
        return new SignInConfig(issuer, clientId, secret, ids, idle, absolute, access, refresh, perMinute, dev);
    }

    public boolean googleConfigured() {
        return googleClientId != null;
    }

    @Override
    public String toString() {
        return "SignInConfig[issuer=" + oidcIssuer + ", clientId=" + googleClientId + ", secret=***, extensions="
                + extensionIds + ", devSignIn=" + devSignIn + "]";
    }
}
