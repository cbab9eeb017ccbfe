package com.finlens.platform.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.finlens.account.user.User;
import com.finlens.testing.TestDatabase;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.hibernate.reactive.mutiny.Mutiny;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ParallelSessionsTest {

    private static Vertx vertx;
    private static Database database;

    @BeforeAll
    static void start() throws Exception {
        vertx = Vertx.vertx();
        DbConfig config = new DbConfig(TestDatabase.freshDatabaseUrl(), "root", "", 0, 4);
        database = Database.start(vertx, config, Files.createTempDirectory("parallel-sessions"), List.of(User.class))
                .toCompletionStage().toCompletableFuture().get(2, TimeUnit.MINUTES);
    }

    @AfterAll
    static void stop() throws Exception {
        database.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    @DisplayName("Units of work started in parallel from one Vert.x context each get their own session")
    void parallelReadsOnOneContext() throws Exception {
        List<Long> results = onOneContext(sessions -> {
            List<Future<Long>> reads = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                long n = i;
                reads.add(Futures.toFuture(sessions.withSession(s -> s
                        .createNativeQuery("select " + n + " + count(*) from users", Long.class).getSingleResult())));
            }
            return Future.all(reads).map(all -> all.<Long>list());
        });
        assertThat(results).hasSize(12).contains(0L, 11L);
    }

    @Test
    @DisplayName("Transactions started in parallel from one context commit independently")
    void parallelTransactionsOnOneContext() throws Exception {
        List<Integer> written = onOneContext(sessions -> {
            List<Future<Integer>> writes = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                long n = i;
                writes.add(Futures.toFuture(sessions.withTransaction(s -> s.createNativeQuery(
                        "insert into users (oidc_subject, email, created_at, last_seen_at) values"
                                + " (concat('dev:parallel-', " + n + "), 'p@example.com', now(), now())")
                        .executeUpdate())));
            }
            return Future.all(writes).map(all -> all.<Integer>list());
        });
        assertThat(written).containsOnly(1).hasSize(8);
    }

    private static <T> T onOneContext(java.util.function.Function<Mutiny.SessionFactory, Future<T>> work)
            throws Exception {
        Promise<T> result = Promise.promise();
        vertx.getOrCreateContext().runOnContext(v -> work.apply(database.sessionFactory()).onComplete(result));
        return result.future().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    }
}
