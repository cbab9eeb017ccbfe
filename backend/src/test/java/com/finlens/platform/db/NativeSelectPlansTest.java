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
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Native selects reuse their query plan, counted with Hibernate's statistics on the test MariaDB. */
class NativeSelectPlansTest {

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
                .map(value -> ((Number) value).longValue()))));
    }

    @ParameterizedTest(name = "asking for {0}")
    @ValueSource(classes = {Object.class, Long.class})
    @DisplayName("A native select is planned once, whatever result type it asks for")
    void reusesItsPlan(Class<?> resultType) {
        for (int i = 0; i < 3; i++) {
            assertThat(count(resultType)).isZero();
        }

        assertThat(statistics.getQueryPlanCacheMissCount()).isEqualTo(1);
        assertThat(statistics.getQueryPlanCacheHitCount()).isEqualTo(2);
    }
}
