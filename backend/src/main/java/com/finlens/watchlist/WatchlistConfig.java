package com.finlens.watchlist;

import com.finlens.platform.config.Env;
import java.time.Duration;

/**
 * How often the DART disclosure poll goes round every watched company, and how many DART requests it may spend per
 * day (Asia/Seoul). DART allows 20,000 a day per key; the default leaves half for company pages and answers.
 */
public record WatchlistConfig(Duration pollInterval, int dailyBudget) {

    public static WatchlistConfig from(Env env) {
        Duration interval = env.duration("FINLENS_WATCHLIST_POLL_INTERVAL", Duration.ofMinutes(15));
        if (interval.compareTo(Duration.ofSeconds(1)) < 0) {
            env.problem("FINLENS_WATCHLIST_POLL_INTERVAL must be at least 1s (was " + interval + ")");
            interval = Duration.ofMinutes(15);
        }
        return new WatchlistConfig(interval, env.integer("FINLENS_WATCHLIST_DAILY_BUDGET", 10_000, 1, 1_000_000));
    }
}
