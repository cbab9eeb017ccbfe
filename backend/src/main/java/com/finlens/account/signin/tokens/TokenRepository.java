package com.finlens.account.signin.tokens;

import com.finlens.platform.db.Futures;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;
import org.hibernate.LockMode;
import org.hibernate.reactive.mutiny.Mutiny;

/** Extension token families, refresh tokens and access tokens in MySQL. Only hashes are stored. */
public final class TokenRepository {

    /** What presenting a refresh token did. */
    public enum RotationResult { ROTATED, REUSED, INVALID }

    private final Mutiny.SessionFactory sessions;

    public TokenRepository(Mutiny.SessionFactory sessions) {
        this.sessions = sessions;
    }

    public Future<Void> insertFamily(TokenFamily family, RefreshToken refresh, AccessToken access) {
        return Futures.toFuture(sessions.withTransaction(s -> s.persist(family)
                .chain(() -> s.persist(refresh))
                .chain(() -> s.persist(access))));
    }

    /**
     * Exchanges a refresh token for its successor, in one transaction with the token row locked so two concurrent
     * uses cannot both succeed. A token already used (or revoked) revokes its whole family: whoever holds the
     * newest token may be the thief, so every token of that sign-in stops working.
     */
    public Future<RotationResult> rotate(String presentedHash, Instant now, RefreshToken next, AccessToken access,
                                         String userAgent, String ipAddress) {
        return Futures.toFuture(sessions.withTransaction(s -> s
                .find(RefreshToken.class, presentedHash, LockMode.PESSIMISTIC_WRITE)
                .chain(token -> {
                    if (token == null) {
                        return Uni.createFrom().item(RotationResult.INVALID);
                    }
                    return s.find(TokenFamily.class, token.getFamilyId()).chain(family -> {
                        if (family == null || family.getRevokedAt() != null) {
                            return Uni.createFrom().item(RotationResult.INVALID);
                        }
                        if (token.getUsedAt() != null || token.getRevokedAt() != null) {
                            return revokeFamily(s, family.getId(), now).replaceWith(RotationResult.REUSED);
                        }
                        if (!token.getExpiresAt().isAfter(now)) {
                            return Uni.createFrom().item(RotationResult.INVALID);
                        }
                        token.markUsed(now);
                        family.used(now, userAgent, ipAddress);
                        return s.persist(next).chain(() -> s.persist(access)).replaceWith(RotationResult.ROTATED);
                    });
                })));
    }

    /** The refresh token with this hash (used, revoked or not), or null. */
    public Future<RefreshToken> findRefresh(String tokenHash) {
        return Futures.toFuture(sessions.withSession(s -> s.find(RefreshToken.class, tokenHash)));
    }

    public Future<Boolean> revokeFamily(String familyId, Instant now) {
        return Futures.toFuture(sessions.withTransaction(s -> revokeFamily(s, familyId, now)));
    }

    /** Revokes one of the user's families; false when it is not theirs or not active. */
    public Future<Boolean> revokeFamilyForUser(long userId, String familyId, Instant now) {
        return Futures.toFuture(sessions.withTransaction(s -> s.find(TokenFamily.class, familyId)
                .chain(family -> family == null || family.getUserId() != userId || family.getRevokedAt() != null
                        ? Uni.createFrom().item(false)
                        : revokeFamily(s, familyId, now))));
    }

    private static Uni<Boolean> revokeFamily(Mutiny.Session s, String familyId, Instant now) {
        return s.createMutationQuery("update TokenFamily set revokedAt = :now where id = :id and revokedAt is null")
                .setParameter("now", now).setParameter("id", familyId).executeUpdate()
                .call(() -> s.createMutationQuery("update RefreshToken set revokedAt = :now"
                                + " where familyId = :id and revokedAt is null")
                        .setParameter("now", now).setParameter("id", familyId).executeUpdate())
                .call(() -> s.createMutationQuery("delete from AccessToken where familyId = :id")
                        .setParameter("id", familyId).executeUpdate())
                .map(n -> n > 0);
    }

    /** The user of a live access token (unexpired, family not revoked), or null. */
    public Future<Long> userIdForAccessToken(String tokenHash, Instant now) {
        return Futures.toFuture(sessions.withSession(s -> s
                .createSelectionQuery("select a.userId from AccessToken a, TokenFamily f where a.tokenHash = :hash"
                        + " and a.expiresAt > :now and f.id = a.familyId and f.revokedAt is null", Long.class)
                .setParameter("hash", tokenHash)
                .setParameter("now", now)
                .getSingleResultOrNull()));
    }

    /** The user's active families, most recently used first. */
    public Future<List<TokenFamily>> listActive(long userId, Instant lastUsedAfter) {
        return Futures.toFuture(sessions.withSession(s -> s
                .createSelectionQuery("from TokenFamily where userId = :user and revokedAt is null"
                        + " and lastUsedAt > :after order by lastUsedAt desc", TokenFamily.class)
                .setParameter("user", userId)
                .setParameter("after", lastUsedAfter)
                .getResultList()));
    }

    /**
     * Deletes expired access tokens and families that are revoked or unused for longer than a refresh token lives
     * (their newest refresh token has expired); the database cascades to their tokens.
     */
    public Future<Integer> deleteExpired(Instant now, Instant familyUnusedSince) {
        return Futures.toFuture(sessions.withTransaction(s -> s
                .createMutationQuery("delete from AccessToken where expiresAt <= :now")
                .setParameter("now", now).executeUpdate()
                .chain(tokens -> s.createMutationQuery("delete from TokenFamily where revokedAt is not null"
                                + " or lastUsedAt <= :cutoff")
                        .setParameter("cutoff", familyUnusedSince).executeUpdate()
                        .map(families -> tokens + families))));
    }
}
