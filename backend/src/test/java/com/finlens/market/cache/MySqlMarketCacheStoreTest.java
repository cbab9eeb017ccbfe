package com.finlens.market.cache;

import static com.finlens.testing.ReplayServer.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.finlens.integration.upstream.UpstreamResponse;
import com.finlens.platform.db.Database;
import com.finlens.platform.db.DbConfig;
import com.finlens.testing.TestDatabase;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Market cache in MariaDB (Flyway V20)")
class MySqlMarketCacheStoreTest {

    private static final Instant NOW = Instant.parse("2024-03-01T00:00:00.123456Z");
    private static Vertx vertx;
    private static Context loop;
    private static Database database;
    private static MySqlMarketCacheStore store;

    @BeforeAll
    static void start() throws Exception {
        vertx = Vertx.vertx();
        loop = vertx.getOrCreateContext();
        DbConfig config = new DbConfig(TestDatabase.freshDatabaseUrl(), "root", "", 0, 2);
        database = await(Database.start(vertx, config, Files.createTempDirectory("market-cache-db"), List.of()));
        store = new MySqlMarketCacheStore(database.sessionFactory(), Clock.fixed(NOW.plusSeconds(3600), ZoneOffset.UTC));
    }

    @AfterAll
    static void stop() throws Exception {
        database.close();
        await(vertx.close());
    }

    /** Hibernate Reactive must run on the event loop. */
    private static <T> T onLoop(Supplier<Future<T>> work) {
        return await(Future.future(promise -> loop.runOnContext(v -> work.get().onComplete(promise))));
    }

    private static CachedResponse entry(String key, String body, Instant expires) {
        UpstreamResponse response = new UpstreamResponse(200, Map.of("content-type", List.of("application/json")),
                Buffer.buffer(body), NOW, LocalDate.of(2025, 6, 19), false);
        return CachedResponse.of("krx", key, response, expires);
    }

    @Test
    @DisplayName("stores and reads back an answer with its times, body bytes and snapshot date")
    void roundTrip() {
        String key = "POST /svc/apis/sto/stk_bydd_trd body={\"basDd\":\"20240105\"}";
        onLoop(() -> store.put(entry(key, "{\"OutBlock_1\":[{\"ISU_NM\":\"삼성전자\"}]}", NOW.plusSeconds(60))));
        Optional<CachedResponse> read = onLoop(() -> store.get("krx", key));
        assertThat(read).hasValueSatisfying(r -> {
            assertThat(new String(r.body(), java.nio.charset.StandardCharsets.UTF_8)).contains("삼성전자");
            assertThat(r.fetchedAt()).isEqualTo(NOW);
            assertThat(r.expiresAt()).isEqualTo(NOW.plusSeconds(60));
            assertThat(r.snapshotRecordedOn()).isEqualTo(LocalDate.of(2025, 6, 19));
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.contentType()).isEqualTo("application/json");
        });
        assertThat(onLoop(() -> store.get("dart", key))).isEmpty();
    }

    @Test
    @DisplayName("replaces an entry with the same key and purges expired ones")
    void replaceAndPurge() {
        onLoop(() -> store.put(entry("k1", "{\"v\":1}", NOW.plusSeconds(10))));
        onLoop(() -> store.put(entry("k1", "{\"v\":2}", NOW.plusSeconds(10))));
        onLoop(() -> store.put(entry("k2", "{\"v\":3}", NOW.plusSeconds(7200))));
        assertThat(new String(onLoop(() -> store.get("krx", "k1")).orElseThrow().body())).isEqualTo("{\"v\":2}");
        assertThat(onLoop(store::purgeExpired)).isGreaterThanOrEqualTo(1);
        assertThat(onLoop(() -> store.get("krx", "k1"))).isEmpty();
        assertThat(onLoop(() -> store.get("krx", "k2"))).isPresent();
    }
}
