package com.finlens.platform.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RetriesTest {

    @Test
    @DisplayName("A transaction the database aborted for a deadlock (1213, as Hibernate Reactive reports it) is run again")
    void deadlockIsRetried() {
        AtomicInteger attempts = new AtomicInteger();
        Future<String> result = Retries.onSerializationFailure(() -> attempts.incrementAndGet() < 3
                ? Future.failedFuture(new RuntimeException("tx", new SQLException("Deadlock found", "40001", 1213)))
                : Future.succeededFuture("stored"));
        assertThat(result.result()).isEqualTo("stored");
        assertThat(attempts).hasValue(3);
    }

    @Test
    @DisplayName("Other failures are not retried, and a deadlock that keeps coming gives up after a few attempts")
    void otherFailuresAreNot() {
        AtomicInteger attempts = new AtomicInteger();
        Future<String> duplicate = Retries.onSerializationFailure(() -> {
            attempts.incrementAndGet();
            return Future.failedFuture(new SQLException("Duplicate entry", "23000", 1062));
        });
        assertThat(duplicate.failed()).isTrue();
        assertThat(attempts).hasValue(1);
        AtomicInteger deadlocks = new AtomicInteger();
        Future<String> endless = Retries.onSerializationFailure(() -> {
            deadlocks.incrementAndGet();
            return Future.failedFuture(new SQLException("Deadlock found", "40001", 1213));
        });
        assertThat(endless.failed()).isTrue();
        assertThat(deadlocks).hasValue(4);
    }
}
