package com.finlens.account.signin;

import com.finlens.account.user.User;
import com.finlens.account.user.UserRepository;
import com.finlens.platform.auth.Secrets;
import com.finlens.platform.auth.SessionResolver;
import com.finlens.platform.auth.SignedInSession;
import com.finlens.platform.cache.ExpiringCache;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Creates, resolves and ends web sessions. A new session (a new cookie value) is issued at every sign-in, so a
 * session id fixed before sign-in is never promoted. Sessions expire after an idle period and at an absolute
 * age, whichever comes first.
 *
 * <p>Resolving a cookie costs a database round trip, so resolved sessions are kept in memory for
 * {@link SignInConfig#revocationBound()}: a session ended on this replica stops working here at once, one ended on
 * another replica (or deleted straight in the database) stops working here within that bound.
 */
public final class SessionService implements SessionResolver {

    /** Writing last-seen on every request would make every page a write; this is precise enough for idle expiry. */
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    /** A session just created: the cookie value goes to the browser once and is never stored. */
    public record NewSession(String cookieValue, WebSession session) {
    }

    private final SessionRepository repository;
    private final UserRepository users;
    private final Secrets secrets;
    private final Clock clock;
    private final SignInConfig config;
    private final ExpiringCache<String, Resolved> resolved;

    /** A session as read from the database: who it belongs to and the deadlines to check on every use. */
    private record Resolved(SignedInSession session, Instant expiresAt, Instant lastSeenAt) {
    }

    public SessionService(SessionRepository repository, UserRepository users, Secrets secrets, Clock clock,
                          SignInConfig config) {
        this.repository = repository;
        this.users = users;
        this.secrets = secrets;
        this.clock = clock;
        this.config = config;
        this.resolved = new ExpiringCache<>(config.revocationBound(), 100_000);
    }

    public Future<NewSession> create(long userId, String userAgent, String ipAddress) {
        String cookieValue = secrets.newToken();
        Instant now = clock.instant();
        WebSession session = new WebSession(Secrets.sha256(cookieValue), userId, secrets.newToken(), now,
                now.plus(config.sessionAbsolute()), truncate(userAgent, 300), truncate(ipAddress, 64));
        return repository.insert(session).map(v -> new NewSession(cookieValue, session));
    }

    /** The live session for a cookie value, or null when unknown, expired or idle too long (then it is deleted). */
    @Override
    public Future<SignedInSession> resolve(String cookieValue) {
        if (cookieValue == null || cookieValue.length() < 20 || cookieValue.length() > 100) {
            return Future.succeededFuture(null);
        }
        String idHash = Secrets.sha256(cookieValue);
        return resolved.get(idHash, () -> load(idHash), Objects::nonNull).compose(found -> {
            if (found == null) {
                return Future.succeededFuture(null);
            }
            if (live(found.expiresAt(), found.lastSeenAt(), clock.instant())) {
                return Future.succeededFuture(found.session());
            }
            resolved.invalidate(idHash);
            return repository.delete(idHash).map(deleted -> null);
        });
    }

    private Future<Resolved> load(String idHash) {
        Instant now = clock.instant();
        return repository.find(idHash).compose(session -> {
            if (session == null) {
                return Future.succeededFuture(null);
            }
            if (!live(session.getExpiresAt(), session.getLastSeenAt(), now)) {
                return repository.delete(idHash).map(deleted -> null);
            }
            boolean stale = session.getLastSeenAt().plus(TOUCH_EVERY).isBefore(now);
            Future<Void> touched = stale ? repository.touch(idHash, now) : Future.succeededFuture();
            Instant lastSeen = stale ? now : session.getLastSeenAt();
            return touched.compose(v -> users.find(session.getUserId())).map(user -> user == null ? null
                    : new Resolved(new SignedInSession(idHash, user.getId(), session.getCsrfToken(), user.getEmail(),
                    user.getDisplayName()), session.getExpiresAt(), lastSeen));
        });
    }

    private boolean live(Instant expiresAt, Instant lastSeenAt, Instant now) {
        return expiresAt.isAfter(now) && lastSeenAt.plus(config.sessionIdle()).isAfter(now);
    }

    public Future<Boolean> end(String idHash) {
        resolved.invalidate(idHash);
        // Again once deleted: a lookup that read the row just before the delete must not stay cached.
        return repository.delete(idHash).onComplete(done -> resolved.invalidate(idHash));
    }

    /** Forgets what this replica remembers of the user's sessions (the account is being deleted). */
    public void forgetUser(long userId) {
        resolved.invalidateIf(found -> found.session().userId() == userId);
    }

    public Future<List<WebSession>> listForUser(long userId) {
        return repository.listForUser(userId, clock.instant());
    }

    public Future<Boolean> revokeForUser(long userId, String idHash) {
        resolved.invalidate(idHash);
        return repository.deleteForUser(userId, idHash).onComplete(done -> resolved.invalidate(idHash));
    }

    public Future<Integer> purgeExpired() {
        Instant now = clock.instant();
        return repository.deleteExpired(now, now.minus(config.sessionIdle()));
    }

    /**
     * Signs a user in by subject (upsert) and opens a fresh session; the browser's previous session, if any, ends,
     * so a second sign-in never leaves an older cookie alive.
     */
    public Future<NewSession> signIn(String subject, String email, String displayName, String userAgent,
                                     String ipAddress, SignedInSession previous) {
        return users.upsertBySubject(subject, email, displayName, clock.instant())
                .compose((User user) -> create(user.getId(), userAgent, ipAddress))
                .compose(created -> previous == null ? Future.succeededFuture(created)
                        : end(previous.idHash()).map(created));
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
