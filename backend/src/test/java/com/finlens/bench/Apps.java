package com.finlens.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Starts the processes the benchmark measures (each under its own PID), waits until they answer, reads their RSS. */
final class Apps {

    /**
     * The production image's JVM flags, read from the file the image reads them from (backend/docker/jvm.options),
     * and its ENTRYPOINT's two system properties, so RSS here is what a server sees.
     */
    static final List<String> JVM_FLAGS = jvmFlags(Path.of("backend/docker/jvm.options"));

    /** The image's environment for the native libraries (backend/Dockerfile: fewer glibc malloc arenas). */
    private static final Map<String, String> IMAGE_ENV = Map.of("MALLOC_ARENA_MAX", "2");

    /** A process's resident memory now and its peak since it started ({@code VmRSS}, {@code VmHWM}), MiB or -1. */
    record Memory(long rssMiB, long peakMiB) {
    }

    record Running(Process process, int port, double secondsToReady, Path log) implements AutoCloseable {

        Memory memory() {
            long rss = -1;
            long peak = -1;
            try {
                for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
                    if (line.startsWith("VmRSS:")) {
                        rss = kibToMib(line);
                    } else if (line.startsWith("VmHWM:")) {
                        peak = kibToMib(line);
                    }
                }
            } catch (IOException e) {
                // the process is gone: both stay unknown
            }
            return new Memory(rss, peak);
        }

        /** "native epoll" or "NIO", as the process's log says it started; "unknown" when it does not say. */
        String transport() {
            try {
                String text = Files.readString(log);
                return text.contains(" on native epoll transport") ? "native epoll"
                        : text.contains(" on NIO transport") ? "NIO" : "unknown";
            } catch (IOException e) {
                return "unknown";
            }
        }

        private static long kibToMib(String statusLine) {
            return Long.parseLong(statusLine.replaceAll("[^0-9]", "")) / 1024;
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    private Apps() {
    }

    static Running hello(Path work, int port) throws Exception {
        List<String> command = new ArrayList<>(List.of(java(), "-cp", System.getProperty("java.class.path"),
                HelloBaseline.class.getName(), Integer.toString(port)));
        return start(command, Map.of(), work.resolve("hello.log"), port, "/");
    }

    static Running finlens(Path jar, Path work, Path dataDir, int port, Map<String, String> env) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(java());
        command.addAll(JVM_FLAGS);
        // bench.jvm="-XX:+FlagA -XX:FlagB=1": extra JVM flags for every Finlens (a JFR recording, GC logging).
        for (String flag : System.getProperty("bench.jvm", "").trim().split("\\s+")) {
            if (!flag.isEmpty()) {
                command.add(flag);
            }
        }
        command.addAll(List.of("-jar", jar.toString()));
        Map<String, String> all = new java.util.HashMap<>(Map.of(
                "FINLENS_PORT", Integer.toString(port),
                "FINLENS_HOST", "127.0.0.1",
                "FINLENS_PUBLIC_URL", "http://127.0.0.1:" + port,
                "FINLENS_DATA_DIR", dataDir.toString(),
                "FINLENS_DAILY_ANSWER_QUOTA", "1000000",
                "FINLENS_SIGNIN_RATE_PER_MINUTE", "10000",
                // One benchmark user sends tens of thousands of requests a second; the per-user API limit would
                // measure 429s. The management port (metrics) is not measured: any free one.
                "FINLENS_API_RATE_PER_MINUTE", "100000000",
                "FINLENS_MANAGEMENT_PORT", "0"));
        all.putAll(IMAGE_ENV);
        all.putAll(env);
        // bench.env=K=V,K=V: extra settings for every Finlens the benchmark starts (experiments, comparisons).
        for (String pair : System.getProperty("bench.env", "").split(",")) {
            if (pair.contains("=")) {
                all.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
            }
        }
        return start(command, all, work.resolve("finlens-" + port + ".log"), port, "/health/ready");
    }

    private static Running start(List<String> command, Map<String, String> env, Path log, int port, String ready)
            throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(env);
        long started = System.nanoTime();
        Process process = builder.start();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = started + TimeUnit.MINUTES.toNanos(5);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("process ended before it was ready; see " + log);
            }
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + ready))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return new Running(process, port, (System.nanoTime() - started) / 1e9, log);
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        process.destroyForcibly();
        throw new IOException("not ready within 5 minutes; see " + log);
    }

    /** A java launcher argument file: flags separated by white space, {@code #} to the end of a line a comment. */
    static List<String> jvmFlags(Path optionsFile) {
        List<String> flags = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(optionsFile)) {
                String content = line.contains("#") ? line.substring(0, line.indexOf('#')) : line;
                for (String flag : content.trim().split("\\s+")) {
                    if (!flag.isEmpty()) {
                        flags.add(flag);
                    }
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("run the benchmark from the repository root", e);
        }
        flags.addAll(List.of("-Dorg.jboss.logging.provider=slf4j", "-Dfile.encoding=UTF-8"));
        return List.copyOf(flags);
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static int freePort() throws IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
