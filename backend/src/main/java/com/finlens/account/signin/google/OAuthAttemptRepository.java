package com.finlens.account.signin.google;

import com.finlens.platform.db.Futures;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Future;
import java.time.Instant;
import org.hibernate.reactive.mutiny.Mutiny;

/** Sign-in attempts in MySQL, so the Google callback can land on any replica. */
public final class OAuthAttemptRepository {

    private final Mutiny.SessionFactory sessions;

    public OAuthAttemptRepository(Mutiny.SessionFactory sessions) {
        this.sessions = sessions;
    }

    public Future<Void> insert(OAuthAttempt attempt) {
        return Futures.toFuture(sessions.withTransaction(s -> s.persist(attempt)));
    }

    /**
     * Removes and returns the attempt for a state hash, or null. Only the caller whose delete succeeded gets it, so
     * two concurrent callbacks with the same state cannot both proceed.
     */
    public Future<OAuthAttempt> take(String stateHash) {
        return Futures.toFuture(sessions.withTransaction(s -> s.find(OAuthAttempt.class, stateHash)
                .chain(found -> found == null ? Uni.createFrom().nullItem() : s
                        .createMutationQuery("delete from OAuthAttempt where stateHash = :id")
                        .setParameter("id", stateHash)
                        .executeUpdate()
                        .map(deleted -> deleted == 1 ? found : null))));
    }

    public Future<Integer> deleteExpired(Instant now) {
        return Futures.toFuture(sessions.withTransaction(s -> s
                .createMutationQuery("delete from OAuthAttempt where expiresAt <= :now")
                .setParameter("now", now)
                .executeUpdate()));
    }
}
