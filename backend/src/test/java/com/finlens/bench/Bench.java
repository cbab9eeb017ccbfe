package com.finlens.bench;

import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The benchmark (backend/bench/run.sh builds and starts it): a bare Vert.x hello as the yardstick and Finlens on its
 * embedded defaults, each scenario run {@code bench.runs} times, one table with medians, spreads and the ratio to
 * the hello measured in the same run. Prints figures; never asserts them.
 *
 * <p>The answer scenarios run unmeasured warm-up rounds at full concurrency for {@code bench.warmup} seconds before
 * the timed ones, as wrk warms each GET up first. A freshly started JVM spends its first minutes compiling, and on
 * two cores the JIT threads then take as much CPU as serving: an answer runs through far more code than a GET
 * (Hibernate Reactive, the pipeline, the stream), and the offline pipeline went from 130 answers/s in its first ten
 * rounds of 50 to 450-500 after a hundred (docs/benchmarks.md, session 11). Measured after one round, the figures
 * said more about the compiler than about the server, which runs for days. Start-up is the start rows' job.
 *
 * <p>System properties: bench.runs (3), bench.seconds (10), bench.warmup (60), bench.connections (64),
 * bench.streams (500), bench.pipeline (50), bench.scenarios (all, or a comma list of: gets, streaming, pipeline,
 * upstream, start), bench.jar (backend/target/finlens.jar), bench.jvm (extra Finlens JVM flags, space-separated),
 * bench.work (backend/target/bench), bench.env (K=V,K=V for every Finlens).
 */
public final class Bench {

    private static final List<String[]> GETS = List.of(
            new String[] {"GET /health/live (full router)", "/health/live", "no"},
            new String[] {"GET /api/v1/companies/005930 signed in, cached", "/api/v1/companies/005930", "yes"},
            new String[] {"GET /api/v1/companies/005930/prices signed in, cached", "/api/v1/companies/005930/prices",
                "yes"},
            new String[] {"GET /api/v1/conversations signed in", "/api/v1/conversations", "yes"});

    private final int runs = Integer.getInteger("bench.runs", 3);
    private final int seconds = Integer.getInteger("bench.seconds", 10);
    private final int warmupSeconds = Integer.getInteger("bench.warmup", 60);
    private final int connections = Integer.getInteger("bench.connections", 64);
    private final int streams = Integer.getInteger("bench.streams", 500);
    private final int pipeline = Integer.getInteger("bench.pipeline", 50);
    private final Set<String> scenarios = Set.of(System.getProperty("bench.scenarios",
            "gets,streaming,pipeline,upstream,start").split(","));
    private final Path jar = Path.of(System.getProperty("bench.jar", "backend/target/finlens.jar"))
            .toAbsolutePath();
    private final Path work = Path.of(System.getProperty("bench.work", "backend/target/bench"))
            .toAbsolutePath();
    private final Table table = new Table();
    private final String loadAtStart = loadAverage();
    private final List<Apps.Memory> rss = new ArrayList<>();
    private String transports = "";

    public static void main(String[] args) throws Exception {
        String report = new Bench().run();
        System.out.println(report);
    }

    String run() throws Exception {
        Files.createDirectories(work);
        Path runDir = Files.createTempDirectory(work, "run-");
        Vertx vertx = Vertx.vertx();
        try (Apps.Running hello = Apps.hello(runDir, Apps.freePort())) {
            Apps.Running offline = null;
            try {
                if (scenarios.contains("start") || scenarios.contains("gets") || scenarios.contains("pipeline")) {
                    offline = startOffline(runDir);
                }
                if (scenarios.contains("gets")) {
                    Apps.Running app = offline;
                    attempt("signed-in GETs", () -> gets(hello, app));
                }
                if (scenarios.contains("pipeline")) {
                    Apps.Running app = offline;
                    attempt("offline pipeline", () -> pipeline(vertx, app));
                }
                if (offline != null) {
                    rss.add(offline.memory());
                }
            } finally {
                if (offline != null) {
                    offline.close();
                }
            }
            if (scenarios.contains("streaming")) {
                attempt("streaming", () -> streaming(vertx, runDir));
            }
            if (scenarios.contains("upstream")) {
                attempt("identical upstream requests", () -> upstream(vertx));
            }
            if (!rss.isEmpty()) {
                table.add(new Table.Row("RSS after the load above (heap " + heapFlag() + ")", "MiB",
                        List.of((double) rss.stream().mapToLong(Apps.Memory::rssMiB).max().orElse(-1)), List.of(),
                        List.of(), 0, List.of()));
                table.add(new Table.Row("peak RSS during the load above (VmHWM)", "MiB",
                        List.of((double) rss.stream().mapToLong(Apps.Memory::peakMiB).max().orElse(-1)), List.of(),
                        List.of(), 0, List.of()));
            }
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get();
        }
        String report = table.markdown(machine());
        Files.writeString(work.resolve("benchmarks.md"), report);
        return report;
    }

    private interface Scenario {
        void run() throws Exception;
    }

    /** A scenario that fails becomes a row saying so; the others still run. */
    private void attempt(String name, Scenario scenario) {
        try {
            scenario.run();
        } catch (Exception e) {
            e.printStackTrace();
            table.add(new Table.Row(name + ": FAILED (" + e.toString().lines().findFirst().orElse("") + ")", "",
                    List.of(), List.of(), List.of(), 1, List.of()));
        }
    }

    private Apps.Running startOffline(Path runDir) throws Exception {
        Path data = runDir.resolve("data-offline");
        if (!scenarios.contains("start")) {
            return Apps.finlens(jar, runDir, data, Apps.freePort(), Map.of());
        }
        Apps.Running cold = Apps.finlens(jar, runDir, data, Apps.freePort(), Map.of());
        double coldSeconds = cold.secondsToReady();
        cold.close();
        Apps.Running warm = Apps.finlens(jar, runDir, data, Apps.freePort(), Map.of());
        table.add(new Table.Row("cold start to ready (fresh data dir, embedded MariaDB installed)", "s",
                List.of(coldSeconds), List.of(), List.of(), 0, List.of()));
        table.add(new Table.Row("start to ready (warm: existing data dir)", "s",
                List.of(warm.secondsToReady()), List.of(), List.of(), 0, List.of()));
        return warm;
    }

    private void gets(Apps.Running hello, Apps.Running app) throws Exception {
        transports = "transport: hello " + hello.transport() + ", Finlens " + app.transport();
        String base = "http://127.0.0.1:" + app.port();
        String cookie = SignIn.as(base, "bench-gets@example.com").cookie();
        List<Wrk.Result> baseline = new ArrayList<>();
        List<List<Wrk.Result>> results = new ArrayList<>();
        GETS.forEach(g -> results.add(new ArrayList<>()));
        // Warm-up: JIT, caches, connection pools.
        Wrk.run("http://127.0.0.1:" + hello.port() + "/", connections, 3, null);
        for (String[] g : GETS) {
            Wrk.run(base + g[1], connections, 3, cookie);
        }
        for (int r = 0; r < runs; r++) {
            baseline.add(Wrk.run("http://127.0.0.1:" + hello.port() + "/", connections, seconds, null));
            for (int i = 0; i < GETS.size(); i++) {
                String[] g = GETS.get(i);
                results.get(i).add(Wrk.run(base + g[1], connections, seconds, g[2].equals("yes") ? cookie : null));
            }
            rss.add(app.memory());
        }
        table.add(row("bare Vert.x hello, one verticle per core (baseline)", baseline, baseline));
        for (int i = 0; i < GETS.size(); i++) {
            table.add(row(GETS.get(i)[0], results.get(i), baseline));
        }
    }

    private Table.Row row(String name, List<Wrk.Result> results, List<Wrk.Result> baseline) {
        List<Double> ratios = new ArrayList<>();
        for (int r = 0; r < results.size(); r++) {
            ratios.add(results.get(r).requestsPerSecond() / baseline.get(r).requestsPerSecond());
        }
        return new Table.Row(name + " @" + connections + " conns", "req/s",
                results.stream().map(Wrk.Result::requestsPerSecond).toList(),
                results.stream().map(Wrk.Result::p50Millis).toList(),
                results.stream().map(Wrk.Result::p99Millis).toList(),
                results.stream().mapToLong(Wrk.Result::errors).sum(), ratios);
    }

    private void pipeline(Vertx vertx, Apps.Running app) throws Exception {
        StreamLoad load = new StreamLoad(vertx, "127.0.0.1", app.port(),
                SignIn.as("http://127.0.0.1:" + app.port(), "bench-pipeline@example.com"));
        warmUp(() -> load.run(pipeline, "삼성전자 주가 알려줘", null));
        List<Double> rates = new ArrayList<>();
        List<Double> latencies = new ArrayList<>();
        long errors = 0;
        for (int r = 0; r < runs; r++) {
            StreamLoad.Result result = load.run(pipeline, "삼성전자 주가 알려줘", null);
            rates.add(result.answerMillis().size() / result.wallSeconds());
            latencies.addAll(result.answerMillis());
            errors += result.failed() + (pipeline - result.stored());
        }
        table.add(new Table.Row("offline answer pipeline, " + pipeline + " concurrent, whole answer", "answers/s",
                rates, List.of(Table.percentile(latencies, 50)), List.of(Table.percentile(latencies, 99)), errors,
                List.of()));
    }

    private void streaming(Vertx vertx, Path runDir) throws Exception {
        try (LlmStub stub = new LlmStub(vertx, 20, 50)) {
            int stubPort = StreamLoad.await(stub.start());
            Apps.Running app = Apps.finlens(jar, runDir, runDir.resolve("data-llm"), Apps.freePort(), Map.of(
                    "FINLENS_OPENAI_API_KEY", "sk-bench",
                    "FINLENS_OPENAI_BASE_URL", "http://127.0.0.1:" + stubPort + "/v1",
                    "FINLENS_LLM_ORDER", "openai"));
            try (app; Nginx nginx = Nginx.startIfInstalled(runDir, app.port())) {
                StreamLoad.Session session = SignIn.as("http://127.0.0.1:" + app.port(), "bench-stream@example.com");
                StreamLoad direct = new StreamLoad(vertx, "127.0.0.1", app.port(), session);
                warmUp(() -> direct.run(streams, "삼성전자 주가 알려줘", stub::firstTokenNanos));
                table.add(streamRow("streaming: added first-token latency, direct", direct, stub));
                if (nginx != null) {
                    table.add(streamRow("streaming: added first-token latency, through nginx",
                            new StreamLoad(vertx, "127.0.0.1", nginx.port(), app.port(), session), stub));
                }
                rss.add(app.memory());
            }
        }
    }

    /** Unmeasured rounds for {@code bench.warmup} seconds, at least one (class comment). */
    private void warmUp(Scenario round) throws Exception {
        long until = System.nanoTime() + warmupSeconds * 1_000_000_000L;
        do {
            round.run();
        } while (System.nanoTime() < until);
    }

    private Table.Row streamRow(String name, StreamLoad load, LlmStub stub) throws Exception {
        List<Double> medians = new ArrayList<>();
        List<Double> firstTokens = new ArrayList<>();
        long errors = 0;
        for (int r = 0; r < runs; r++) {
            StreamLoad.Result result = load.run(streams, "삼성전자 주가 알려줘", stub::firstTokenNanos);
            medians.add(Table.median(result.firstTokenMillis()));
            firstTokens.addAll(result.firstTokenMillis());
            errors += result.failed() + (streams - result.stored());
        }
        return new Table.Row(name + ", " + streams + " concurrent answers", "ms (p50)", medians,
                List.of(Table.percentile(firstTokens, 50)), List.of(Table.percentile(firstTokens, 99)), errors,
                List.of());
    }

    private void upstream(Vertx vertx) throws Exception {
        Map<String, Integer> calls = UpstreamSingleFlight.probe(vertx, 100);
        calls.forEach((call, n) -> table.add(new Table.Row("100 identical concurrent requests → upstream calls"
                + " per distinct request, " + call, "calls", List.of((double) n), List.of(), List.of(), 0,
                List.of())));
    }

    private static String heapFlag() {
        return String.join(" ", Apps.JVM_FLAGS.stream()
                .filter(f -> f.matches("-Xm[sxn].*") || f.matches("-XX:\\+Use\\w+GC")).toList());
    }

    private String machine() {
        return "Finlens benchmark, " + LocalDate.now() + ": " + Runtime.getRuntime().availableProcessors()
                + " cores, load average " + loadAtStart + " at the start and " + loadAverage() + " at the end, JDK "
                + System.getProperty("java.version")
                + " (" + System.getProperty("java.vendor") + "), Finlens JVM flags: " + heapFlag() + "; " + runs
                + " run(s) of " + seconds + " s per HTTP scenario (wrk -t2 -c" + connections + ")"
                + (transports.isEmpty() ? "" : "; " + transports);
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }
}
