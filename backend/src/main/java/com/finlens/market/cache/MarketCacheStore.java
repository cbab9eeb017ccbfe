package com.finlens.market.cache;

import io.vertx.core.Future;
import java.util.Optional;

/**
 * The durable cache tier for upstream answers (the memory tier sits in front of it). Implementations: in memory
 * (tests, no database) and MySQL (table {@code market_cache}).
 */
public interface MarketCacheStore {

    Future<Optional<CachedResponse>> get(String system, String key);

    Future<Void> put(CachedResponse response);

    /** Deletes entries that are no longer fresh; returns how many. */
    Future<Integer> purgeExpired();
}
