package com.finlens.market;

import com.finlens.integration.dart.DartConfig;
import com.finlens.integration.krx.KrxConfig;
import com.finlens.integration.yahoo.YahooConfig;
import com.finlens.platform.config.Env;
import java.time.Duration;

/** Market-data settings: the three sources plus cache and refresh settings. */
public record MarketConfig(DartConfig dart, KrxConfig krx, YahooConfig yahoo, long memoryCacheBytes,
                           Duration directoryRefresh) {

    public static MarketConfig from(Env env) {
        return new MarketConfig(DartConfig.from(env), KrxConfig.from(env), YahooConfig.from(env),
                env.longValue("FINLENS_MARKET_MEMORY_CACHE_BYTES", 32L << 20, 1L << 20, 1L << 34),
                env.duration("FINLENS_MARKET_DIRECTORY_REFRESH", Duration.ofHours(24)));
    }
}
