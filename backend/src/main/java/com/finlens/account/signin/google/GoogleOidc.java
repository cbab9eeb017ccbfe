package com.finlens.account.signin.google;

import com.finlens.platform.http.ApiException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.oauth2.OAuth2Auth;
import io.vertx.ext.auth.oauth2.OAuth2AuthorizationURL;
import io.vertx.ext.auth.oauth2.OAuth2Options;
import io.vertx.ext.auth.oauth2.Oauth2Credentials;
import io.vertx.ext.auth.oauth2.providers.OpenIDConnectAuth;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The OpenID Connect client for Google (or any issuer: tests use a local one). Endpoints and signing keys come
 * from the issuer's discovery document, fetched on first use so the app starts even while Google is unreachable.
 * Vert.x checks the ID token's signature (JWKS), issuer and audience; this class adds expiry (Vert.x lets an
 * expired ID token through the code flow), the nonce and {@code email_verified}.
 */
public final class GoogleOidc {

    private static final Logger LOG = LoggerFactory.getLogger(GoogleOidc.class);
    private static final List<String> SCOPES = List.of("openid", "email", "profile");
    /** Tolerated clock difference between Google and us. */
    private static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

    private final Vertx vertx;
    private final Clock clock;
    private final OAuth2Options options;
    private Future<OAuth2Auth> discovered;

    public GoogleOidc(Vertx vertx, Clock clock, String issuer, String clientId, String clientSecret) {
        this.vertx = vertx;
        this.clock = clock;
        this.options = new OAuth2Options().setSite(issuer).setClientId(clientId).setClientSecret(clientSecret);
    }

    /** The URL that sends the browser to Google, with state, nonce and the PKCE (S256) challenge. */
    public Future<String> authorizeUrl(String redirectUri, String state, String nonce, String codeChallenge) {
        return provider().map(oauth2 -> oauth2.authorizeURL(new OAuth2AuthorizationURL()
                .setRedirectUri(redirectUri)
                .setScopes(SCOPES)
                .setState(state)
                .setAdditionalParameters(Map.of(
                        "nonce", nonce,
                        "code_challenge", codeChallenge,
                        "code_challenge_method", "S256"))));
    }

    /** Redeems the code and returns the verified identity; any failure is a 401 that reveals nothing upstream. */
    public Future<GoogleIdentity> redeem(String code, String redirectUri, String codeVerifier, String expectedNonce) {
        return provider()
                .compose(oauth2 -> oauth2.authenticate(new Oauth2Credentials()
                        .setCode(code)
                        .setRedirectUri(redirectUri)
                        .setCodeVerifier(codeVerifier)))
                .recover(e -> {
                    LOG.info("Google sign-in rejected: {}", e.getMessage());
                    return Future.failedFuture(signInFailed("Google did not confirm the sign-in."));
                })
                .map(user -> identity(user.attributes().getJsonObject("idToken"), expectedNonce));
    }

    private GoogleIdentity identity(JsonObject idToken, String expectedNonce) {
        if (idToken == null) {
            throw signInFailed("Google did not return an ID token.");
        }
        Long expires = idToken.getLong("exp");
        if (expires == null || !Instant.ofEpochSecond(expires).plus(CLOCK_SKEW).isAfter(clock.instant())) {
            throw signInFailed("Google's sign-in response has expired.");
        }
        if (!expectedNonce.equals(idToken.getString("nonce"))) {
            throw signInFailed("The sign-in response does not belong to this sign-in attempt.");
        }
        String subject = idToken.getString("sub");
        String email = idToken.getString("email");
        if (subject == null || subject.isBlank() || email == null || email.isBlank()) {
            throw signInFailed("Google did not share the account's id and email.");
        }
        if (!Boolean.TRUE.equals(idToken.getValue("email_verified"))) {
            throw signInFailed("This Google account's email address is not verified.");
        }
        return new GoogleIdentity(subject, email.toLowerCase(), idToken.getString("name"));
    }

    public static ApiException signInFailed(String detail) {
        return new ApiException(401, "sign-in-failed", "Sign-in failed", detail);
    }

    private synchronized Future<OAuth2Auth> provider() {
        if (discovered == null) {
            Future<OAuth2Auth> attempt = OpenIDConnectAuth.discover(vertx, new OAuth2Options(options))
                    .recover(e -> {
                        LOG.warn("OpenID Connect discovery at {} failed: {}", options.getSite(), e.getMessage());
                        return Future.failedFuture(ApiException.unavailable("sign-in-unavailable",
                                "Google sign-in is unreachable right now. Try again in a minute."));
                    });
            discovered = attempt;
            attempt.onFailure(e -> forget(attempt));
        }
        return discovered;
    }

    /** A failed discovery is retried by the next sign-in instead of being remembered. */
    private synchronized void forget(Future<OAuth2Auth> failed) {
        if (discovered == failed) {
            discovered = null;
        }
    }
}
