package com.finlens.account.signin;

import com.finlens.account.signin.google.GoogleSignIn;
import com.finlens.account.signin.tokens.ExtensionTokenService;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes expired web sessions, sign-in attempts and extension tokens every so often. Expired rows are already
 * refused when presented; this only keeps the tables small. Every replica may run it: the deletes are idempotent.
 */
public final class AuthHousekeeping {

    private static final Logger LOG = LoggerFactory.getLogger(AuthHousekeeping.class);

    private final SessionService sessions;
    private final ExtensionTokenService tokens;
    private final GoogleSignIn google;

    /** {@code google} is null when Google sign-in is not configured. */
    public AuthHousekeeping(SessionService sessions, ExtensionTokenService tokens, GoogleSignIn google) {
        this.sessions = sessions;
        this.tokens = tokens;
        this.google = google;
    }

    /** Purges a minute after startup and then at every interval, until Vert.x closes. */
    public void start(Vertx vertx, Duration every) {
        long interval = Math.max(1, every.toMillis());
        vertx.setPeriodic(Math.min(interval, 60_000), interval, id -> purge());
    }

    public Future<Integer> purge() {
        return sessions.purgeExpired()
                .compose(s -> tokens.purgeExpired().map(t -> s + t))
                .compose(n -> google == null ? Future.succeededFuture(n) : google.purgeExpired().map(a -> n + a))
                .onSuccess(n -> {
                    if (n > 0) {
                        LOG.info("Purged {} expired sessions, sign-in attempts and tokens", n);
                    }
                })
                .onFailure(e -> LOG.warn("Purging expired sessions and tokens failed: {}", e.getMessage()));
    }
}
