package com.finlens.account.signin;

import static com.finlens.testing.TestApp.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.finlens.account.signin.google.OAuthAttempt;
import com.finlens.account.signin.tokens.AccessToken;
import com.finlens.account.signin.tokens.ExtensionTokenService;
import com.finlens.account.signin.tokens.ExtensionTokens;
import com.finlens.account.signin.tokens.RefreshToken;
import com.finlens.account.signin.tokens.TokenFamily;
import com.finlens.account.signin.tokens.TokenRepository;
import com.finlens.account.user.User;
import com.finlens.account.user.UserRepository;
import com.finlens.platform.auth.Secrets;
import com.finlens.platform.db.Database;
import com.finlens.platform.db.DbConfig;
import com.finlens.testing.TestDatabase;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AuthHousekeepingTest {

    /** A clock the test moves by hand. */
    private static final class ManualClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private static final SignInConfig CONFIG = new SignInConfig("https://accounts.google.com", null,
            null, List.of(), Duration.ofHours(12), Duration.ofDays(14), Duration.ofMinutes(15), Duration.ofDays(30),
            20, true);

    private static Vertx vertx;
    private static Database database;

    @BeforeAll
    static void start() throws Exception {
        vertx = Vertx.vertx();
        DbConfig db = new DbConfig(TestDatabase.freshDatabaseUrl(), "root", "", 0, 2);
        database = await(Database.start(vertx, db, Files.createTempDirectory("finlens-housekeeping"),
                List.of(User.class, WebSession.class, OAuthAttempt.class, TokenFamily.class, RefreshToken.class,
                        AccessToken.class)));
    }

    @AfterAll
    static void stop() {
        database.close();
        vertx.close();
    }

    @Test
    @DisplayName("The purge deletes sessions and extension sign-ins past their lifetime and keeps live ones")
    void purgesOnlyExpired() {
        ManualClock clock = new ManualClock();
        Secrets secrets = new Secrets();
        UserRepository users = new UserRepository(database.sessionFactory());
        SessionService sessions = new SessionService(new SessionRepository(database.sessionFactory()), users,
                secrets, clock, CONFIG);
        ExtensionTokenService tokens = new ExtensionTokenService(new TokenRepository(database.sessionFactory()),
                secrets, clock, CONFIG.accessTokenTtl(), CONFIG.refreshTokenTtl());
        AuthHousekeeping housekeeping = new AuthHousekeeping(sessions, tokens, null);

        long userId = await(users.upsertBySubject("housekeeping", "h@example.com", null, clock.instant())).getId();
        SessionService.NewSession old = await(sessions.create(userId, "old browser", "127.0.0.1"));
        ExtensionTokens oldDevice = await(tokens.issue(userId, "old extension", "127.0.0.1"));
        clock.advance(Duration.ofDays(31));
        SessionService.NewSession fresh = await(sessions.create(userId, "new browser", "127.0.0.1"));
        ExtensionTokens freshDevice = await(tokens.issue(userId, "new extension", "127.0.0.1"));

        assertThat(await(housekeeping.purge())).isPositive();

        assertThat(await(sessions.listForUser(userId))).extracting(WebSession::getIdHash)
                .containsExactly(Secrets.sha256(fresh.cookieValue()))
                .doesNotContain(Secrets.sha256(old.cookieValue()));
        assertThat(await(tokens.devices(userId))).extracting(TokenFamily::getUserAgent)
                .containsExactly("new extension");
        assertThat(await(tokens.userIdFor(freshDevice.accessToken()))).isEqualTo(userId);
        assertThat(await(tokens.userIdFor(oldDevice.accessToken()))).isNull();
        assertThat(await(new TokenRepository(database.sessionFactory())
                .findRefresh(Secrets.sha256(oldDevice.refreshToken())))).isNull();
        assertThat(await(housekeeping.purge())).isZero();
    }
}
