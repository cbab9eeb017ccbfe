package com.finlens.platform.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SharedCallTest {

    private final SharedCall<String> call = new SharedCall<>();
    private final AtomicInteger starts = new AtomicInteger();

    @Test
    @DisplayName("A caller arriving on another thread while the call is still being started shares it without waiting for the start")
    void joinsWhileTheCallStarts() throws Exception {
        Promise<String> upstream = Promise.promise();
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            CompletableFuture<Future<String>> second = new CompletableFuture<>();
            Future<String> first = call.join(() -> {
                starts.incrementAndGet();
                // Starting takes until the other thread has joined; under the lock this would wait 5 s and fail.
                try {
                    second.complete(other.submit(() -> call.join(() -> {
                        starts.incrementAndGet();
                        return Future.succeededFuture("a second call");
                    })).get(5, TimeUnit.SECONDS));
                } catch (Exception e) {
                    second.completeExceptionally(e);
                }
                return upstream.future();
            });
            upstream.complete("one call");

            assertThat(second.get(10, TimeUnit.SECONDS).result()).isEqualTo("one call");
            assertThat(first.result()).isEqualTo("one call");
            assertThat(starts).hasValue(1);
        } finally {
            other.shutdownNow();
        }
    }

    @Test
    @DisplayName("A call that fails to start is shared as a failure and not kept")
    void aStartThatThrowsIsNotKept() {
        Future<String> failed = call.join(() -> {
            throw new IllegalStateException("no client");
        });
        Future<String> next = call.join(() -> {
            starts.incrementAndGet();
            return Future.succeededFuture("started again");
        });

        assertThat(failed.cause()).hasMessage("no client");
        assertThat(next.result()).isEqualTo("started again");
        assertThat(starts).hasValue(1);
    }
}
