package com.finlens.account.user;

import com.finlens.platform.db.Futures;
import io.vertx.core.Future;
import java.time.Instant;
import org.hibernate.reactive.mutiny.Mutiny;

/** Users in MySQL through Hibernate Reactive. */
public final class UserRepository {

    private final Mutiny.SessionFactory sessions;

    public UserRepository(Mutiny.SessionFactory sessions) {
        this.sessions = sessions;
    }

    /** The users.display_name column: a longer name from the identity provider is cut, never a failed insert. */
    private static final int MAX_DISPLAY_NAME = 200;

    /** Creates the user for this subject or updates its email and name. */
    public Future<User> upsertBySubject(String subject, String email, String name, Instant now) {
        String displayName = name == null || name.length() <= MAX_DISPLAY_NAME ? name : name.substring(0, MAX_DISPLAY_NAME);
        return Futures.toFuture(sessions.withTransaction(s -> s
                .createSelectionQuery("from User where oidcSubject = :subject", User.class)
                .setParameter("subject", subject)
                .getSingleResultOrNull()
                .chain(existing -> {
                    if (existing != null) {
                        existing.signedIn(email, displayName, now);
                        return io.smallrye.mutiny.Uni.createFrom().item(existing);
                    }
                    User created = new User(subject, email, displayName, now);
                    return s.persist(created).replaceWith(created);
                })));
    }

    public Future<User> find(long id) {
        return Futures.toFuture(sessions.withSession(s -> s.find(User.class, id)));
    }

    /** Deletes the user; the database cascades to sessions, tokens, conversations and messages. */
    public Future<Boolean> delete(long id) {
        return Futures.toFuture(sessions.withTransaction(s -> s
                .createMutationQuery("delete from User where id = :id")
                .setParameter("id", id)
                .executeUpdate()))
                .map(n -> n > 0);
    }
}
