package com.finlens.platform.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SessionPerUnitOfWorkTest {

    @Test
    @DisplayName("A unit of work the database never answers fails with DatabaseNoAnswer on the caller's event loop")
    void unansweredWorkFailsOnItsContext() throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            CompletableFuture<String> failedOn = new CompletableFuture<>();
            vertx.runOnContext(v -> SessionPerUnitOfWork.bounded(Uni.createFrom().nothing(), Duration.ofMillis(100))
                    .subscribe().with(item -> failedOn.completeExceptionally(new AssertionError("answered")),
                            failure -> failedOn.complete((failure instanceof DatabaseNoAnswer ? "no-answer " : "other ")
                                    + Thread.currentThread().getName())));
            assertThat(failedOn.get(10, TimeUnit.SECONDS)).startsWith("no-answer vert.x-eventloop-thread-");
            assertThat(Database.isUnreachable(new DatabaseNoAnswer(Duration.ofSeconds(1)))).isTrue();
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    @DisplayName("A unit of work answered in time passes its result through")
    void answeredWorkPassesThrough() {
        assertThat(SessionPerUnitOfWork.bounded(Uni.createFrom().item("row"), Duration.ofSeconds(5))
                .await().atMost(Duration.ofSeconds(5))).isEqualTo("row");
    }
}
