package com.finlens.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real application in its own JVM ({@code java com.finlens.App}, the jar's entry point, on the test classpath),
 * so a test can send it SIGTERM or kill -9 it like an operator or a crash would. Embedded database by default;
 * output goes to {@code app.log} in the data directory.
 */
public final class ChildApp implements AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile("listening on port (\\d+)");

    private final Process process;
    private final Path log;
    private final int port;

    private ChildApp(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** Starts and waits (bounded) until it serves HTTP. */
    public static ChildApp start(Path dataDir, Map<String, String> extraEnv) throws IOException {
        Files.createDirectories(dataDir);
        Path log = dataDir.resolve("app.log");
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx384m", "-XX:TieredStopAtLevel=1", "-Dfile.encoding=UTF-8",
                // the production log levels (the test classpath's simplelogger.properties keeps only warnings)
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=info", "-Dorg.slf4j.simpleLogger.log.org.hibernate=warn",
                "-Dorg.slf4j.simpleLogger.log.org.flywaydb=warn", "-Dorg.slf4j.simpleLogger.log.io.netty=warn",
                "--add-opens=java.base/java.lang=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), "com.finlens.App"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(k -> k.startsWith("FINLENS_"));
        Map<String, String> defaults = new HashMap<>(Map.of(
                "FINLENS_PORT", "0",
                "FINLENS_HOST", "127.0.0.1",
                "FINLENS_PUBLIC_URL", "http://127.0.0.1:8080",
                "FINLENS_DATA_DIR", dataDir.toString(),
                // metrics on any free port: the default 9464 belongs to whichever Finlens already runs here
                "FINLENS_MANAGEMENT_PORT", "0",
                "FINLENS_SIGNIN_RATE_PER_MINUTE", "10000"));
        defaults.putAll(extraEnv);
        env.putAll(defaults);
        long logStart = Files.exists(log) ? Files.size(log) : 0;
        Process process = builder.start();
        long giveUpAt = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < giveUpAt) {
            String output = output(log, logStart);
            Matcher m = LISTENING.matcher(output);
            if (m.find()) {
                return new ChildApp(process, log, Integer.parseInt(m.group(1)));
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("Finlens exited with " + process.exitValue() + ":\n" + tail(output));
            }
            sleep();
        }
        process.destroyForcibly();
        throw new IllegalStateException("Finlens did not start within 3 minutes:\n" + tail(output(log, logStart)));
    }

    public int port() {
        return port;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public long pid() {
        return process.pid();
    }

    /** SIGTERM, as {@code docker stop} or systemd send it. */
    public void terminate() {
        process.destroy();
    }

    /** kill -9: no shutdown hook runs, child processes (the database server) are left behind. */
    public void kill() {
        process.destroyForcibly();
    }

    public int awaitExit(Duration limit) throws InterruptedException {
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("Finlens did not exit within " + limit);
        }
        return process.exitValue();
    }

    public String log() {
        return output(log, 0);
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }

    private static String output(Path log, long from) {
        try {
            byte[] bytes = Files.readAllBytes(log);
            return new String(bytes, (int) Math.min(from, bytes.length), (int) Math.max(0, bytes.length - from),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private static String tail(String output) {
        return output.length() < 4000 ? output : output.substring(output.length() - 4000);
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
