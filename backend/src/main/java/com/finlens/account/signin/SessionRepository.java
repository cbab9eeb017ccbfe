package com.finlens.account.signin;

import com.finlens.platform.db.Futures;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;
import org.hibernate.reactive.mutiny.Mutiny;

/** Web sessions in MySQL, so every backend replica sees the same sessions. */
public final class SessionRepository {

    private final Mutiny.SessionFactory sessions;

    public SessionRepository(Mutiny.SessionFactory sessions) {
        this.sessions = sessions;
    }

    public Future<Void> insert(WebSession session) {
        return Futures.toFuture(sessions.withTransaction(s -> s.persist(session)));
    }

    public Future<WebSession> find(String idHash) {
        return Futures.toFuture(sessions.withSession(s -> s.find(WebSession.class, idHash)));
    }

    public Future<Void> touch(String idHash, Instant now) {
        return Futures.toFuture(sessions.withTransaction(s -> s
                .createMutationQuery("update WebSession set lastSeenAt = :now where idHash = :id")
                .setParameter("now", now)
                .setParameter("id", idHash)
                .executeUpdate())).mapEmpty();
    }

    public Future<Boolean> delete(String idHash) {
        return Futures.toFuture(sessions.withTransaction(s -> s
                .createMutationQuery("delete from WebSession where idHash = :id")
                .setParameter("id", idHash)
                .executeUpdate())).map(n -> n > 0);
    }

    /** Deletes one of the user's sessions, chosen by its hash; scoped to the owner. */
    public Future<Boolean> deleteForUser(long userId, String idHash) {
        return Futures.toFuture(sessions.withTransaction(s -> s
                .createMutationQuery("delete from WebSession where idHash = :id and userId = :user")
                .setParameter("id", idHash)
                .setParameter("user", userId)
                .executeUpdate())).map(n -> n > 0);
    }

    public Future<List<WebSession>> listForUser(long userId, Instant now) {
        return Futures.toFuture(sessions.withSession(s -> s
                .createSelectionQuery("from WebSession where userId = :user and expiresAt > :now"
                        + " order by lastSeenAt desc", WebSession.class)
                .setParameter("user", userId)
                .setParameter("now", now)
                .getResultList()));
    }

    public Future<Integer> deleteExpired(Instant now, Instant idleCutoff) {
        return Futures.toFuture(sessions.withTransaction(s -> s
                .createMutationQuery("delete from WebSession where expiresAt <= :now or lastSeenAt <= :idle")
                .setParameter("now", now)
                .setParameter("idle", idleCutoff)
                .executeUpdate()));
    }
}
