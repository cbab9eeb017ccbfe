package com.finlens.integration.yahoo;

import com.finlens.platform.config.Env;
import java.time.Duration;

/**
 * Yahoo Finance access (no key). Live only when {@code FINLENS_YAHOO_LIVE=true} or a base URL is configured;
 * otherwise the bundled snapshot (AAPL chart, quote, search, income statement) is served so that a local run
 * with no configuration is offline and deterministic. The cookie host hands out the session cookie that the
 * crumb (and so the v7 quote) needs.
 */
public record YahooConfig(String baseUrl, String cookieUrl, boolean live, Duration timeout, String userAgent) {

    public static final String DEFAULT_BASE_URL = "https://query2.finance.yahoo.com";
    public static final String DEFAULT_COOKIE_URL = "https://fc.yahoo.com";

    public static YahooConfig from(Env env) {
        boolean baseConfigured = env.raw("FINLENS_YAHOO_BASE_URL") != null;
        return new YahooConfig(
                env.url("FINLENS_YAHOO_BASE_URL", DEFAULT_BASE_URL),
                env.url("FINLENS_YAHOO_COOKIE_URL", DEFAULT_COOKIE_URL),
                env.bool("FINLENS_YAHOO_LIVE", baseConfigured),
                env.duration("FINLENS_YAHOO_TIMEOUT", Duration.ofSeconds(15)),
                env.string("FINLENS_YAHOO_USER_AGENT", "Mozilla/5.0 (compatible; Finlens/0.1)"));
    }
}
