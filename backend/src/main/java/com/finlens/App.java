package com.finlens;

import com.finlens.platform.config.ConfigException;
import com.finlens.platform.config.Env;
import com.finlens.platform.db.Database;
import com.finlens.platform.http.HttpVerticle;
import com.finlens.platform.http.RequestLog;
import io.vertx.core.Future;
import io.vertx.core.Verticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.MetricsDomain;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.micrometer.VertxPrometheusOptions;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running Finlens: config, then Vert.x (with Prometheus metrics), then the database (embedded MariaDB or the
 * configured one, migrated), then the HTTP verticle built by {@link Wiring}. {@link #main} runs it until SIGTERM;
 * tests start and stop it in-process.
 */
public final class App {

    private static final Logger LOG = LoggerFactory.getLogger(App.class);

    private final Vertx vertx;
    private final Database database;
    private final Wiring wiring;
    private final RequestLog requests;
    private final AppConfig config;
    private final HttpVerticle http;
    private final int port;
    private final int managementPort;
    private final String httpDeployment;
    private final Thread shutdownHook;
    private boolean stopped;

    private App(Vertx vertx, Database database, Wiring wiring, RequestLog requests, AppConfig config,
                HttpVerticle http, int port, int managementPort, String httpDeployment) {
        this.vertx = vertx;
        this.database = database;
        this.wiring = wiring;
        this.requests = requests;
        this.config = config;
        this.http = http;
        this.port = port;
        this.managementPort = managementPort;
        this.httpDeployment = httpDeployment;
        // SIGTERM (or the JVM exiting) runs the same ordered stop as a caller would; no other hook stops anything.
        this.shutdownHook = new Thread(() -> stop(config.http().shutdownGrace()), "finlens-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    public static void main(String[] args) throws Exception {
        // Hibernate logs through JBoss Logging; route it to the same SLF4J output as everything else.
        System.setProperty("org.jboss.logging.provider", "slf4j");
        AppConfig config;
        try {
            config = AppConfig.load(Env.system());
        } catch (ConfigException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        App app;
        try {
            app = start(config).toCompletionStage().toCompletableFuture().get(5, TimeUnit.MINUTES);
        } catch (Exception e) {
            LOG.error("Finlens did not start: {}", rootMessage(e), e);
            System.exit(1);
            return;
        }
        LOG.info("Finlens is running at {} (listening on port {}), ready {} ms after the JVM started",
                config.http().publicUrl(), app.port(),
                System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime());
    }

    public static Future<App> start(AppConfig config) {
        // Each running app gets its own registry, so two apps in one JVM (tests) never share or close each other's.
        String metricsRegistry = "finlens-" + java.util.UUID.randomUUID();
        long blockedMillis = Math.max(1, config.http().blockedLoopWarning().toMillis());
        Vertx vertx = Vertx.vertx(new VertxOptions()
                // Linux epoll through Netty's native library where it loads (x86-64 Linux, the image), the JDK's
                // NIO selector elsewhere: +8-10 % requests/s for the same work (docs/benchmarks.md, session 9).
                .setPreferNativeTransport(true)
                .setWorkerPoolSize(config.threads().workerPoolSize())
                .setInternalBlockingPoolSize(config.threads().internalBlockingPoolSize())
                .setMaxEventLoopExecuteTime(blockedMillis)
                .setMaxEventLoopExecuteTimeUnit(TimeUnit.MILLISECONDS)
                .setBlockedThreadCheckInterval(Math.max(10, Math.min(1_000, blockedMillis / 2)))
                // With the stack of what is holding the loop, from the first warning on.
                .setWarningExceptionTime(blockedMillis)
                .setWarningExceptionTimeUnit(TimeUnit.MILLISECONDS)
                .setMetricsOptions(new MicrometerMetricsOptions()
                        .setRegistryName(metricsRegistry)
                        .setPrometheusOptions(new VertxPrometheusOptions().setEnabled(true))
                        .setJvmMetricsEnabled(true)
                        // Our own HttpMetrics count server requests by route template at a fixed cost; Vert.x's
                        // per-request tags cost about a quarter of a cached GET. Client, pool and event-bus
                        // metrics stay.
                        .addDisabledMetricsCategory(MetricsDomain.HTTP_SERVER)
                        .addDisabledMetricsCategory(MetricsDomain.NET_SERVER)
                        .setEnabled(true)));
        // The knowledge index and the embedding model need no database: they load while it starts.
        Wiring wiring = new Wiring(vertx, config, metricsRegistry);
        return Database.start(vertx, config.db(), config.dataDir(), Wiring.ENTITIES)
                // The first query warms Hibernate Reactive up (~0.5 s); do it before taking traffic.
                .compose(database -> database.ping().map(database))
                .onFailure(e -> wiring.close())
                .compose(database -> {
                    AtomicInteger port = new AtomicInteger();
                    AtomicInteger managementPort = new AtomicInteger();
                    RequestLog requests = new RequestLog(config.http().trustForwardedHeaders());
                    List<HttpVerticle> created = new CopyOnWriteArrayList<>();
                    long wiringStarted = System.nanoTime();
                    return wiring.httpVerticles(database, requests, (app, management) -> {
                                port.set(app);
                                managementPort.set(management);
                            })
                            .compose(verticles -> vertx.deployVerticle((Supplier<Verticle>) () -> {
                                HttpVerticle http = verticles.get();
                                created.add(http);
                                return http;
                            }, new DeploymentOptions().setInstances(config.http().eventLoops())))
                            // Every instance serves the same routes; the first answers for all of them.
                            .map(id -> {
                                LOG.info("Features wired and {} HTTP event loop(s) listening in {} ms, on {}",
                                        config.http().eventLoops(),
                                        Duration.ofNanos(System.nanoTime() - wiringStarted).toMillis(),
                                        transport(vertx));
                                return new App(vertx, database, wiring, requests, config, created.get(0),
                                        port.get(), managementPort.get(), id);
                            })
                            .onFailure(e -> wiring.close().onComplete(v -> database.close()));
                })
                .onFailure(e -> vertx.close());
    }

    public int port() {
        return port;
    }

    /**
     * "native epoll transport", or the NIO fallback with the reason the native library did not load (the startup log
     * says it; the benchmark's hello says it the same way).
     */
    public static String transport(Vertx vertx) {
        return vertx.isNativeTransportEnabled() ? "native epoll transport"
                : "NIO transport (native epoll unavailable: " + vertx.unavailableNativeTransportCause() + ")";
    }

    /** The loopback-only listener that serves /metrics. */
    public int managementPort() {
        return managementPort;
    }

    /** Every endpoint the server answers ("GET /chat/:id"), as the router holds them. */
    public List<String> routes() {
        return http.routes();
    }

    public AppConfig config() {
        return config;
    }

    public Vertx vertx() {
        return vertx;
    }

    /** The JDBC URL of the database in use (the embedded one's included); no credentials in it. */
    public String databaseUrl() {
        return database.jdbcUrl();
    }

    /**
     * Graceful stop, in this order: stop accepting (readiness and new requests answer 503), let requests under way
     * finish within {@code grace} (a streamed answer counts until it is stored and its last event sent), close the
     * HTTP server and the features, then the database pool and the embedded database, then Vert.x. Safe to call
     * twice (a test's close and the JVM's shutdown hook): the second call returns once the first has finished.
     */
    public synchronized void stop(Duration grace) {
        if (stopped) {
            return;
        }
        stopped = true;
        if (Thread.currentThread() != shutdownHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException alreadyShuttingDown) {
                // the hook is running or about to; it will find this app stopped
            }
        }
        LOG.info("Shutting down: {} request(s) under way, waiting up to {}", requests.inFlight(), grace);
        requests.startDraining();
        long deadline = System.nanoTime() + grace.toNanos();
        while (requests.inFlight() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (requests.inFlight() > 0) {
            LOG.warn("Stopping with {} request(s) still running after {}", requests.inFlight(), grace);
        }
        await("The HTTP server", vertx.undeploy(httpDeployment), 5_000);
        await("Features", wiring.close(), 5_000);
        database.close();
        await("Vert.x", vertx.close(), 10_000);
        requests.close();
        LOG.info("Stopped");
    }

    private static void await(String what, Future<Void> closing, long millis) {
        try {
            closing.toCompletionStage().toCompletableFuture().get(millis, TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            LOG.warn("{} did not close cleanly: {}", what, e.getMessage());
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }
}
