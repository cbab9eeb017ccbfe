package com.finlens.integration.krx;

import com.finlens.platform.config.Env;
import java.time.Duration;

/**
 * KRX Open API access ({@code AUTH_KEY} header). Without a key the bundled snapshot (KOSPI and KOSDAQ daily
 * lists of 2024-01-05) is served instead.
 */
public record KrxConfig(String baseUrl, String apiKey, Duration timeout, long dailyQuota) {

    public static final String DEFAULT_BASE_URL = "https://data-dbg.krx.co.kr";

    public static KrxConfig from(Env env) {
        return new KrxConfig(
                env.url("FINLENS_KRX_BASE_URL", DEFAULT_BASE_URL),
                env.secret("FINLENS_KRX_API_KEY"),
                env.duration("FINLENS_KRX_TIMEOUT", Duration.ofSeconds(20)),
                env.longValue("FINLENS_KRX_DAILY_QUOTA", 10_000, 1, 10_000_000));
    }

    public boolean live() {
        return apiKey != null;
    }

    @Override
    public String toString() {
        return "KrxConfig[baseUrl=" + baseUrl + ", apiKey=" + (apiKey == null ? "unset" : "set") + "]";
    }
}
