package com.finlens.platform.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.finlens.testing.MigratedDatabase;
import java.nio.file.Path;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Why single-column native selects ask for {@code Object.class}, on the test MariaDB. */
class NativeColumnTest {

    private static final String COUNT = "select count(*) from users where id > ?1";

    @TempDir
    static Path dataDir;
    private static MigratedDatabase database;
    private Statistics statistics;

    @BeforeAll
    static void start() throws Exception {
        database = MigratedDatabase.start(dataDir);
    }

    @AfterAll
    static void stop() {
        if (database != null) {
            database.close();
        }
    }

    @BeforeEach
    void countPlans() {
        statistics = database.sessions().getStatistics();
        statistics.clear();
        statistics.setStatisticsEnabled(true);
    }

    @AfterEach
    void stopCounting() {
        statistics.setStatisticsEnabled(false);
    }

    private long count(Class<?> resultType) {
        return database.onLoop(() -> Futures.toFuture(database.sessions().withSession(s -> s
                .createNativeQuery(COUNT, resultType).setParameter(1, 0).getSingleResult()
                .map(NativeColumn::asLong))));
    }

    @Test
    @DisplayName("A select asking for Object.class is planned once and its value read as a number")
    void objectResultReusesItsPlan() {
        for (int i = 0; i < 3; i++) {
            assertThat(count(Object.class)).isZero();
        }

        assertThat(statistics.getQueryPlanCacheMissCount()).isEqualTo(1);
        assertThat(statistics.getQueryPlanCacheHitCount()).isEqualTo(2);
    }

    @Test
    @DisplayName("The same select asking for Long.class is planned again every time (Hibernate 7.4; drop"
            + " NativeColumn once this fails)")
    void basicResultTypeIsPlannedEveryTime() {
        for (int i = 0; i < 3; i++) {
            assertThat(count(Long.class)).isZero();
        }

        assertThat(statistics.getQueryPlanCacheMissCount()).isEqualTo(3);
        assertThat(statistics.getQueryPlanCacheHitCount()).isZero();
    }
}
