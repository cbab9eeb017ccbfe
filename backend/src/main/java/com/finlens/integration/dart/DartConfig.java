package com.finlens.integration.dart;

import com.finlens.platform.config.Env;
import java.time.Duration;

/**
 * Open DART access. Without a key the bundled snapshot of recorded DART answers is served instead.
 * {@code FINLENS_DART_BASE_URL} overrides the host (tests, proxies).
 */
public record DartConfig(String baseUrl, String apiKey, Duration timeout, long dailyQuota) {

    public static final String DEFAULT_BASE_URL = "https://opendart.fss.or.kr";

    public static DartConfig from(Env env) {
        return new DartConfig(
                env.url("FINLENS_DART_BASE_URL", DEFAULT_BASE_URL),
                env.secret("FINLENS_DART_API_KEY"),
                env.duration("FINLENS_DART_TIMEOUT", Duration.ofSeconds(20)),
                env.longValue("FINLENS_DART_DAILY_QUOTA", 20_000, 1, 10_000_000));
    }

    public boolean live() {
        return apiKey != null;
    }

    @Override
    public String toString() {
        return "DartConfig[baseUrl=" + baseUrl + ", apiKey=" + (apiKey == null ? "unset" : "set") + "]";
    }
}
