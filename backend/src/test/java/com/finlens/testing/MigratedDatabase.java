package com.finlens.testing;

import com.finlens.platform.db.Database;
import com.finlens.platform.db.DbConfig;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * A fresh schema on the shared test MariaDB with the real Flyway migrations, for repository tests that need no
 * app: its own Vert.x, and {@link #onLoop} to run Hibernate Reactive work where it must run, on an event loop.
 */
public final class MigratedDatabase implements AutoCloseable {

    private final Vertx vertx;
    private final Database database;

    private MigratedDatabase(Vertx vertx, Database database) {
        this.vertx = vertx;
        this.database = database;
    }

    /** With {@code entities} mapped for Hibernate Reactive queries (none: native queries only). */
    public static MigratedDatabase start(Path dataDir, Class<?>... entities) throws Exception {
        Vertx vertx = Vertx.vertx();
        // The shared test MariaDB starts once per JVM (5-15 s, longer on a busy machine); each caller gets its own schema.
        DbConfig config = new DbConfig(TestDatabase.freshDatabaseUrl(), "root", "", 0, 2);
        Database database = Database.start(vertx, config, dataDir, List.of(entities))
                .toCompletionStage().toCompletableFuture().get(3, TimeUnit.MINUTES);
        return new MigratedDatabase(vertx, database);
    }

    public Mutiny.SessionFactory sessions() {
        return database.sessionFactory();
    }

    public String jdbcUrl() {
        return database.jdbcUrl();
    }

    /** Runs the work on an event-loop context and waits for it (Hibernate Reactive sessions need one). */
    public <T> T onLoop(Supplier<Future<T>> work) {
        Promise<T> promise = Promise.promise();
        vertx.getOrCreateContext().runOnContext(v -> work.get().onComplete(promise));
        return ReplayServer.await(promise.future());
    }

    @Override
    public void close() {
        database.close();
        ReplayServer.await(vertx.close());
    }
}
