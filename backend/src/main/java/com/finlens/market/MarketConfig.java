package com.finlens.market;

import com.finlens.integration.dart.DartConfig;
import com.finlens.integration.krx.KrxConfig;
import com.finlens.integration.yahoo.YahooConfig;
import com.finlens.platform.config.Env;
import java.time.Duration;

/** Market-data settings: the three sources plus cache and refresh settings. */
public record MarketConfig(DartConfig dart, KrxConfig krx, YahooConfig yahoo, int memoryCacheEntries,
                           Duration directoryRefresh) {

    public static MarketConfig from(Env env) {
        return new MarketConfig(DartConfig.from(env), KrxConfig.from(env), YahooConfig.from(env),
                env.integer("FINLENS_MARKET_MEMORY_CACHE_ENTRIES", 2_000, 10, 1_000_000),
                env.duration("FINLENS_MARKET_DIRECTORY_REFRESH", Duration.ofHours(24)));
    }
}
