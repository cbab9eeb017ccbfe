package com.finlens.market.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The market cache's memory tier")
class InMemoryMarketCacheStoreTest {

    private static final Instant NOW = Instant.parse("2024-03-01T00:00:00Z");
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final InMemoryMarketCacheStore store = new InMemoryMarketCacheStore(1_600, clock);

    private static CachedResponse body(String key, int bytes, Instant expiresAt) {
        return new CachedResponse("krx", key, 200, "application/json", new byte[bytes], NOW, null, expiresAt);
    }

    private static CachedResponse body(String key, int bytes) {
        return body(key, bytes, NOW.plusSeconds(60));
    }

    private Optional<CachedResponse> get(String key) {
        return store.get("krx", key).result();
    }

    @Test
    @DisplayName("keeps bodies up to its byte budget and lets the least recently used ones go first")
    void evictsByBytes() {
        store.put(body("a", 100));
        store.put(body("b", 100));
        get("a");
        for (int i = 0; i < 14; i++) {
            store.put(body("filler" + i, 100));
        }

        assertThat(store.bytes()).isEqualTo(1_600);
        store.put(body("c", 100));

        assertThat(get("b")).isEmpty();
        assertThat(get("a")).isPresent();
        assertThat(get("c")).isPresent();
        assertThat(store.bytes()).isEqualTo(1_600);
    }

    @Test
    @DisplayName("does not keep a body larger than a sixteenth of its budget, and drops what it held under that key")
    void skipsLargeBodies() {
        store.put(body("list", 100));
        store.put(body("list", 101));

        assertThat(get("list")).isEmpty();
        assertThat(store.bytes()).isZero();
    }

    @Test
    @DisplayName("counts a replaced body once")
    void replacing() {
        store.put(body("a", 100));
        store.put(body("a", 60));

        assertThat(store.bytes()).isEqualTo(60);
        assertThat(get("a")).hasValueSatisfying(hit -> assertThat(hit.body()).hasSize(60));
    }

    @Test
    @DisplayName("purges expired bodies and their bytes")
    void purge() {
        store.put(body("old", 100, NOW.minusSeconds(1)));
        store.put(body("fresh", 50));

        assertThat(store.purgeExpired().result()).isEqualTo(1);
        assertThat(store.bytes()).isEqualTo(50);
        assertThat(store.size()).isEqualTo(1);
    }

    @Test
    @DisplayName("refuses a budget too small to hold anything")
    void tooSmall() {
        assertThatThrownBy(() -> new InMemoryMarketCacheStore(15, clock)).isInstanceOf(IllegalArgumentException.class);
    }
}
