package com.finlens.market.cache;

import io.vertx.core.Future;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** A bounded, least-recently-used store: the memory tier, and the durable tier when there is no database. */
public final class InMemoryMarketCacheStore implements MarketCacheStore {

    private final Map<String, CachedResponse> entries;

    public InMemoryMarketCacheStore(int maxEntries) {
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

    public synchronized int size() {
        return entries.size();
    }
}
