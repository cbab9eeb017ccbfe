package com.finlens.platform.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ExpiringCacheTest {

    private final AtomicLong now = new AtomicLong();
    private final ExpiringCache<String, String> cache = new ExpiringCache<>(Duration.ofSeconds(2), 100, now::get);
    private final AtomicInteger loads = new AtomicInteger();

    private Future<String> load(String value) {
        loads.incrementAndGet();
        return Future.succeededFuture(value);
    }

    @Test
    @DisplayName("Concurrent misses for one key share one load")
    void concurrentMissesShareOneLoad() {
        Promise<String> slow = Promise.promise();
        List<Future<String>> all = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            all.add(cache.get("k", () -> {
                loads.incrementAndGet();
                return slow.future();
            }));
        }
        slow.complete("v");
        assertThat(loads).hasValue(1);
        assertThat(all).allSatisfy(f -> assertThat(f.result()).isEqualTo("v"));
    }

    @Test
    @DisplayName("An entry is served until its time is up, then loaded again")
    void entriesExpire() {
        cache.get("k", () -> load("first"));
        now.addAndGet(Duration.ofMillis(1_999).toNanos());
        assertThat(cache.get("k", () -> load("second")).result()).isEqualTo("first");
        now.addAndGet(Duration.ofMillis(1).toNanos());
        assertThat(cache.get("k", () -> load("second")).result()).isEqualTo("second");
        assertThat(loads).hasValue(2);
    }

    @Test
    @DisplayName("Failed loads and rejected values are not kept")
    void failuresAndRejectedValuesAreNotKept() {
        cache.get("k", () -> Future.failedFuture("down"));
        cache.get("n", () -> load(null), v -> v != null);
        assertThat(cache.get("k", () -> load("up")).result()).isEqualTo("up");
        assertThat(cache.get("n", () -> load("found")).result()).isEqualTo("found");
    }

    @Test
    @DisplayName("Invalidating by value forgets matching entries at once")
    void invalidateByValue() {
        cache.get("a", () -> load("user-1"));
        cache.get("b", () -> load("user-2"));
        cache.invalidateIf(v -> v.equals("user-1"));
        assertThat(cache.get("a", () -> load("fresh")).result()).isEqualTo("fresh");
        assertThat(cache.get("b", () -> load("fresh")).result()).isEqualTo("user-2");
    }

    @Test
    @DisplayName("The cache stays within its bound")
    void staysBounded() {
        for (int i = 0; i < 1_000; i++) {
            String key = "k" + i;
            cache.get(key, () -> load(key));
        }
        assertThat(cache.size()).isLessThanOrEqualTo(101);
    }
}
