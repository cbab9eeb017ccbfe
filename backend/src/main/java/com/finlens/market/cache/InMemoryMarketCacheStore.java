package com.finlens.market.cache;

import io.vertx.core.Future;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** A bounded, least-recently-used store: the memory tier, and the durable tier when there is no database. */
public final class InMemoryMarketCacheStore implements MarketCacheStore {

    private final Map<String, CachedResponse> entries;
    private final Clock clock;

    public InMemoryMarketCacheStore(int maxEntries, Clock clock) {
        this.clock = clock;
        this.entries = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, CachedResponse> eldest) {
                return size() > maxEntries;
            }
        };
    }

    @Override
    public synchronized Future<Optional<CachedResponse>> get(String system, String key) {
        return Future.succeededFuture(Optional.ofNullable(entries.get(system + "|" + key)));
    }

    @Override
    public synchronized Future<Void> put(CachedResponse response) {
        entries.put(response.system() + "|" + response.key(), response);
        return Future.succeededFuture();
    }

    @Override
    public synchronized Future<Integer> purgeExpired() {
        Instant now = clock.instant();
        int before = entries.size();
        entries.values().removeIf(e -> !e.freshAt(now));
        return Future.succeededFuture(before - entries.size());
    }

    public synchronized int size() {
        return entries.size();
    }
}
