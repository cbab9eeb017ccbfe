package com.finlens.account.signin.google;

import com.finlens.platform.auth.Secrets;
import com.finlens.platform.http.ApiException;
import io.vertx.core.Future;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * The authorization-code flow with PKCE, state and nonce. Starting stores an attempt (keyed by the state's hash)
 * in the database; the callback takes it out again, so every attempt, and therefore every code, works once.
 */
public final class GoogleSignIn {

    /** Long enough to choose an account and pass two-factor; short enough that a leaked state is useless. */
    public static final Duration ATTEMPT_LIFETIME = Duration.ofMinutes(10);

    private final GoogleOidc oidc;
    private final OAuthAttemptRepository attempts;
    private final Secrets secrets;
    private final Clock clock;
    private final String callbackUrl;

    public GoogleSignIn(GoogleOidc oidc, OAuthAttemptRepository attempts, Secrets secrets, Clock clock,
                        String publicUrl) {
        this.oidc = oidc;
        this.attempts = attempts;
        this.secrets = secrets;
        this.clock = clock;
        this.callbackUrl = publicUrl.replaceAll("/+$", "") + "/auth/google/callback";
    }

    /**
     * Records a new attempt and returns Google's authorization URL for it.
     *
     * @param extensionRedirectUri the validated extension redirect URI, or null for a web sign-in
     * @param browserBinding       the value of the binding cookie just given to the browser, or null
     */
    public Future<String> start(String returnPath, String extensionRedirectUri, String browserBinding) {
        String state = secrets.newToken();
        String nonce = secrets.newToken();
        String verifier = secrets.newToken();
        Instant now = clock.instant();
        OAuthAttempt attempt = new OAuthAttempt(Secrets.sha256(state), nonce, verifier, returnPath,
                extensionRedirectUri, browserBinding == null ? null : Secrets.sha256(browserBinding), now,
                now.plus(ATTEMPT_LIFETIME));
        return attempts.insert(attempt)
                .compose(v -> oidc.authorizeUrl(callbackUrl, state, nonce, challenge(verifier)));
    }

    /**
     * Takes the attempt for a callback's state out of storage; a 400 when unknown, used, expired, or (for a web
     * sign-in) when the callback arrives in a browser other than the one that started it.
     */
    public Future<OAuthAttempt> take(String state, String browserBinding) {
        if (state == null || state.length() < 20 || state.length() > 100) {
            return Future.failedFuture(expired());
        }
        return attempts.take(Secrets.sha256(state)).map(attempt -> {
            if (attempt == null || !attempt.getExpiresAt().isAfter(clock.instant())) {
                throw expired();
            }
            if (attempt.getBrowserBindingHash() != null && (browserBinding == null
                    || !Secrets.sameSecret(Secrets.sha256(browserBinding), attempt.getBrowserBindingHash()))) {
                throw new ApiException(400, "sign-in-other-browser", "Sign-in expired",
                        "This sign-in was started in another browser. Start the sign-in again here.");
            }
            return attempt;
        });
    }

    /** Redeems the code for this attempt and returns the verified Google identity (401 when anything is off). */
    public Future<GoogleIdentity> finish(OAuthAttempt attempt, String code) {
        if (code == null || code.isBlank() || code.length() > 2048) {
            return Future.failedFuture(GoogleOidc.signInFailed("Google did not send an authorization code."));
        }
        return oidc.redeem(code, callbackUrl, attempt.getCodeVerifier(), attempt.getNonce());
    }

    public Future<Integer> purgeExpired() {
        return attempts.deleteExpired(clock.instant());
    }

    static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ApiException expired() {
        return new ApiException(400, "sign-in-expired", "Sign-in expired",
                "This sign-in link has expired or was already used. Start the sign-in again.");
    }
}
