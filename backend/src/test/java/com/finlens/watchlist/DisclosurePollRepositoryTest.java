package com.finlens.watchlist;

import static org.assertj.core.api.Assertions.assertThat;

import com.finlens.market.Disclosure;
import com.finlens.testing.MigratedDatabase;
import io.vertx.core.Future;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The poller's lease, budget and filing store against the test MariaDB with the real migrations (V50). */
class DisclosurePollRepositoryTest {

    @TempDir
    static Path dataDir;
    private static MigratedDatabase database;
    private static DisclosurePollRepository repository;

    @BeforeAll
    static void start() throws Exception {
        database = MigratedDatabase.start(dataDir);
        repository = new DisclosurePollRepository(database.sessions());
    }

    @AfterAll
    static void stop() {
        if (database != null) {
            database.close();
        }
    }

    @Test
    @DisplayName("The lease goes to one holder, is renewed by it, refused to others until it expires, then taken over;"
            + " the day's budget is spent by the holder only, up to the limit, and starts again the next day")
    void leaseAndBudget() {
        Instant t0 = Instant.parse("2026-12-01T00:00:00Z");
        assertThat(onLoop(() -> repository.acquire("a", t0, t0.plusSeconds(30)))).isTrue();
        assertThat(onLoop(() -> repository.acquire("b", t0.plusSeconds(1), t0.plusSeconds(31)))).isFalse();
        assertThat(onLoop(() -> repository.acquire("a", t0.plusSeconds(20), t0.plusSeconds(50)))).isTrue();
        assertThat(onLoop(() -> repository.acquire("b", t0.plusSeconds(40), t0.plusSeconds(70)))).isFalse();

        LocalDate day = LocalDate.of(2026, 12, 1);
        assertThat(onLoop(() -> repository.spend("b", day, 2))).as("not the holder").isFalse();
        assertThat(onLoop(() -> repository.spend("a", day, 2))).isTrue();
        assertThat(onLoop(() -> repository.spend("a", day, 2))).isTrue();
        assertThat(onLoop(() -> repository.spend("a", day, 2))).as("budget spent").isFalse();
        assertThat(onLoop(() -> repository.spend("a", day.plusDays(1), 2))).as("a new day").isTrue();

        assertThat(onLoop(() -> repository.acquire("b", t0.plusSeconds(51), t0.plusSeconds(81)))).as("expired").isTrue();
        assertThat(onLoop(() -> repository.spend("a", day.plusDays(1), 2))).as("lease lost").isFalse();
    }

    @Test
    @DisplayName("A filing is stored once per receipt number, however often it is polled")
    void filingsAreDeduplicated() {
        Instant now = Instant.parse("2026-12-01T00:00:00Z");
        Disclosure first = new Disclosure(LocalDate.of(2024, 1, 31), "특수관계인과의내부거래", "20990131000001", "삼성전자",
                "공", Filing.VIEWER + "20990131000001");
        Disclosure second = new Disclosure(LocalDate.of(2024, 1, 31), "수시공시의무관련사항(공정공시)", "20990131000002",
                "삼성전자", "유", Filing.VIEWER + "20990131000002");
        assertThat(onLoop(() -> repository.save("00126380", List.of(first), now, true))).isEqualTo(1);
        assertThat(onLoop(() -> repository.save("00126380", List.of(first, second), now, true))).isEqualTo(1);
        assertThat(onLoop(() -> repository.save("00126380", List.of(second, first), now, true))).isZero();
    }

    private static <T> T onLoop(Supplier<Future<T>> work) {
        return database.onLoop(work);
    }
}
