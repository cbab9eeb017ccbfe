package com.finlens.platform.http;

import com.finlens.platform.config.Env;
import java.net.URI;
import java.time.Duration;

/** HTTP server and public address. */
public record HttpConfig(String host, int port, String publicUrl, long bodyLimitBytes,
                         boolean trustForwardedHeaders, Duration shutdownGrace) {

    public static HttpConfig from(Env env) {
        int port = env.integer("FINLENS_PORT", 8080, 0, 65535);
        String host = env.string("FINLENS_HOST", "0.0.0.0");
        String publicUrl = env.url("FINLENS_PUBLIC_URL", "http://localhost:" + (port == 0 ? 8080 : port));
        long bodyLimit = env.longValue("FINLENS_BODY_LIMIT_BYTES", 10L * 1024 * 1024, 1024, 512L * 1024 * 1024);
        boolean trustForwarded = env.bool("FINLENS_TRUST_FORWARDED_HEADERS", false);
        Duration grace = env.duration("FINLENS_SHUTDOWN_GRACE", Duration.ofSeconds(20));
        return new HttpConfig(host, port, publicUrl, bodyLimit, trustForwarded, grace);
    }

    public boolean isHttps() {
        return publicUrl.startsWith("https://");
    }

    /** True when the public URL points at this machine (development). */
    public boolean isLoopback() {
        String host = URI.create(publicUrl).getHost();
        return host != null && (host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]")
                || host.equals("::1") || host.startsWith("127."));
    }
}
