package com.finlens.platform.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.hibernate.reactive.mutiny.Mutiny;
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

    @Test
    @DisplayName("Waiting in the pool's queue longer than the work limit is not a database that stopped answering")
    void queueingForAConnectionDoesNotCountAgainstTheWork() {
        Mutiny.Session session = (Mutiny.Session) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {Mutiny.Session.class}, (proxy, method, args) -> method.getName().equals("close")
                        ? Uni.createFrom().voidItem() : null);
        // The connection comes after 600 ms, the work then takes 10 ms: only the work is held to its 200 ms.
        Mutiny.SessionFactory pool = (Mutiny.SessionFactory) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {Mutiny.SessionFactory.class}, (proxy, method, args) -> method.getName()
                        .equals("openSession") ? Uni.createFrom().item(session).onItem().delayIt()
                        .by(Duration.ofMillis(600)) : null);
        SessionPerUnitOfWork factory = new SessionPerUnitOfWork(pool, Duration.ofSeconds(30), Duration.ofMillis(200));
        String row = factory.withSession(s -> Uni.createFrom().item("row").onItem().delayIt().by(Duration.ofMillis(10)))
                .await().atMost(Duration.ofSeconds(10));
        assertThat(row).isEqualTo("row");
        assertThat(factory.withSession(s -> Uni.createFrom().nothing()).onFailure().recoverWithItem(
                failure -> failure instanceof DatabaseNoAnswer ? "no-answer" : "other").await()
                .atMost(Duration.ofSeconds(10))).isEqualTo("no-answer");
        // The pool's own limit on the wait is a database out of reach (503), like a unit left unanswered.
        assertThat(Database.isUnreachable(new RuntimeException(new io.vertx.core.VertxException(
                "Timeout waiting for connection", true)))).isTrue();
    }
}
