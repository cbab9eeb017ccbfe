package com.finlens.account.signin.tokens;

import com.finlens.platform.auth.AccessTokenVerifier;
import com.finlens.platform.auth.Secrets;
import com.finlens.platform.http.ApiException;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Backend-issued tokens for the Chrome extension: opaque random access tokens (short-lived) and rotating refresh
 * tokens grouped in a family per sign-in. Access tokens are looked up in the database on every request (nothing
 * cached), so a revocation takes effect at once.
 */
public final class ExtensionTokenService implements AccessTokenVerifier {

    private final TokenRepository repository;
    private final Secrets secrets;
    private final Clock clock;
    private final Duration accessTokenTtl;
    private final Duration refreshTokenTtl;

    public ExtensionTokenService(TokenRepository repository, Secrets secrets, Clock clock, Duration accessTokenTtl,
                                 Duration refreshTokenTtl) {
        this.repository = repository;
        this.secrets = secrets;
        this.clock = clock;
        this.accessTokenTtl = accessTokenTtl;
        this.refreshTokenTtl = refreshTokenTtl;
    }

    /** Starts a new family (a new device) for a user who just signed in. */
    public Future<ExtensionTokens> issue(long userId, String userAgent, String ipAddress) {
        Instant now = clock.instant();
        TokenFamily family = new TokenFamily(secrets.newToken(), userId, now, truncate(userAgent, 300),
                truncate(ipAddress, 64));
        String refresh = secrets.newToken();
        String access = secrets.newToken();
        return repository.insertFamily(family,
                        new RefreshToken(Secrets.sha256(refresh), family.getId(), userId, null, now,
                                now.plus(refreshTokenTtl)),
                        new AccessToken(Secrets.sha256(access), family.getId(), userId, now,
                                now.plus(accessTokenTtl)))
                .map(v -> new ExtensionTokens(access, refresh, accessTokenTtl.toSeconds()));
    }

    /** Exchanges a refresh token for a new pair; a reused token revokes its family and fails with 401. */
    public Future<ExtensionTokens> refresh(String refreshToken, String userAgent, String ipAddress) {
        if (!plausible(refreshToken)) {
            return Future.failedFuture(invalidGrant());
        }
        String presented = Secrets.sha256(refreshToken);
        return repository.findRefresh(presented).compose(current -> {
            if (current == null) {
                return Future.failedFuture(invalidGrant());
            }
            Instant now = clock.instant();
            String refresh = secrets.newToken();
            String access = secrets.newToken();
            RefreshToken next = new RefreshToken(Secrets.sha256(refresh), current.getFamilyId(), current.getUserId(),
                    presented, now, now.plus(refreshTokenTtl));
            AccessToken nextAccess = new AccessToken(Secrets.sha256(access), current.getFamilyId(),
                    current.getUserId(), now, now.plus(accessTokenTtl));
            return repository.rotate(presented, now, next, nextAccess, truncate(userAgent, 300),
                    truncate(ipAddress, 64)).compose(result -> switch (result) {
                        case ROTATED -> Future.succeededFuture(
                                new ExtensionTokens(access, refresh, accessTokenTtl.toSeconds()));
                        case REUSED -> Future.failedFuture(new ApiException(401, "refresh-token-reused",
                                "Signed out for safety", "This refresh token was already used, so every token of"
                                + " this sign-in has been revoked. Sign in again."));
                        case INVALID -> Future.failedFuture(invalidGrant());
                    });
        });
    }

    /** Revokes the family of a refresh token; unknown tokens are ignored (revoking is idempotent). */
    public Future<Void> revoke(String refreshToken) {
        if (!plausible(refreshToken)) {
            return Future.succeededFuture();
        }
        return repository.findRefresh(Secrets.sha256(refreshToken)).compose(token -> token == null
                ? Future.succeededFuture()
                : repository.revokeFamily(token.getFamilyId(), clock.instant()).mapEmpty());
    }

    @Override
    public Future<Long> userIdFor(String accessToken) {
        if (!plausible(accessToken)) {
            return Future.succeededFuture(null);
        }
        return repository.userIdForAccessToken(Secrets.sha256(accessToken), clock.instant());
    }

    /** The user's signed-in extensions. */
    public Future<List<TokenFamily>> devices(long userId) {
        Instant now = clock.instant();
        return repository.listActive(userId, now.minus(refreshTokenTtl));
    }

    public Future<Boolean> revokeDevice(long userId, String familyId) {
        return repository.revokeFamilyForUser(userId, familyId, clock.instant());
    }

    public Future<Integer> purgeExpired() {
        Instant now = clock.instant();
        return repository.deleteExpired(now, now.minus(refreshTokenTtl));
    }

    private static boolean plausible(String token) {
        return token != null && token.length() >= 20 && token.length() <= 100;
    }

    private static ApiException invalidGrant() {
        return new ApiException(401, "invalid-refresh-token", "Sign-in expired",
                "The refresh token is invalid, expired or revoked. Sign in again.");
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
