package com.finlens.platform.http;

import com.finlens.platform.config.Env;
import java.net.URI;
import java.time.Duration;

/** HTTP server and public address. */
public record HttpConfig(String host, int port, String publicUrl, long bodyLimitBytes,
                         boolean trustForwardedHeaders, Duration shutdownGrace, String managementHost,
                         int managementPort, int apiRatePerMinute, int eventLoops, Duration blockedLoopWarning,
                         boolean compression) {

    public static HttpConfig from(Env env) {
        int port = env.integer("FINLENS_PORT", 8080, 0, 65535);
        String publicUrl = env.url("FINLENS_PUBLIC_URL", "http://localhost:" + (port == 0 ? 8080 : port));
        boolean loopback = Loopback.isLoopbackHost(URI.create(publicUrl).getHost());
        // A server whose public address is this machine listens on this machine only, unless told otherwise.
        String host = env.string("FINLENS_HOST", loopback ? "127.0.0.1" : "0.0.0.0");
        long bodyLimit = env.longValue("FINLENS_BODY_LIMIT_BYTES", 10L * 1024 * 1024, 1024, 512L * 1024 * 1024);
        boolean trustForwarded = env.bool("FINLENS_TRUST_FORWARDED_HEADERS", false);
        Duration grace = env.duration("FINLENS_SHUTDOWN_GRACE", Duration.ofSeconds(20));
        // Metrics leave the app port: a separate listener, on loopback unless told otherwise.
        String managementHost = env.string("FINLENS_MANAGEMENT_HOST", "127.0.0.1");
        int managementPort = env.integer("FINLENS_MANAGEMENT_PORT", 9464, 0, 65535);
        int apiRate = env.integer("FINLENS_API_RATE_PER_MINUTE", 240, 1, 100_000_000);
        // One HTTP verticle per event loop: a single one would leave all but one core idle.
        int eventLoops = env.integer("FINLENS_HTTP_EVENT_LOOPS", Runtime.getRuntime().availableProcessors(), 1, 256);
        // Vert.x logs a warning with the stack when one task holds an event loop longer than this (tests: strict).
        Duration blockedWarning = env.duration("FINLENS_BLOCKED_LOOP_WARNING", Duration.ofSeconds(2));
        // Compressing costs every connection a codec on every request (docs/benchmarks.md) and saves nothing over
        // loopback; behind nginx (compose) nginx compresses, so the backend need not.
        boolean compression = env.bool("FINLENS_HTTP_COMPRESSION", !loopback);
        return new HttpConfig(host, port, publicUrl, bodyLimit, trustForwarded, grace, managementHost,
                managementPort, apiRate, eventLoops, blockedWarning, compression);
    }

    public boolean isHttps() {
        return publicUrl.startsWith("https://");
    }

    /** True when the public URL points at this machine (development). */
    public boolean isLoopback() {
        return Loopback.isLoopbackHost(URI.create(publicUrl).getHost());
    }
}
