package com.finlens.platform.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.finlens.testing.Waits;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.hibernate.reactive.mutiny.Mutiny;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SessionPerUnitOfWorkTest {

    private static final Duration AWAIT = Duration.ofSeconds(10);

    private final Vertx vertx = Vertx.vertx();
    private final AtomicInteger closed = new AtomicInteger();
    private final AtomicInteger worked = new AtomicInteger();

    @AfterEach
    void closeVertx() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    @DisplayName("A unit of work the database never answers fails with DatabaseNoAnswer on the caller's event loop")
    void unansweredWorkFailsOnItsContext() throws Exception {
        SessionPerUnitOfWork factory = factory(Uni.createFrom().item(session(Uni.createFrom().voidItem())),
                Duration.ofSeconds(30), Duration.ofMillis(100));
        CompletableFuture<String> failedOn = new CompletableFuture<>();
        vertx.runOnContext(v -> factory.withSession(s -> Uni.createFrom().nothing())
                .subscribe().with(item -> failedOn.completeExceptionally(new AssertionError("answered")),
                        failure -> failedOn.complete((failure instanceof DatabaseNoAnswer ? "no-answer " : "other ")
                                + Thread.currentThread().getName())));
        assertThat(failedOn.get(10, TimeUnit.SECONDS)).startsWith("no-answer vert.x-eventloop-thread-");
        assertThat(Database.isUnreachable(DatabaseNoAnswer.noAnswer(Duration.ofSeconds(1)))).isTrue();
    }

    @Test
    @DisplayName("Waiting in the pool's queue longer than the work limit is not a database that stopped answering")
    void queueingForAConnectionDoesNotCountAgainstTheWork() {
        // The connection comes after 600 ms, the work then takes 10 ms: only the work is held to its 200 ms.
        SessionPerUnitOfWork factory = factory(Uni.createFrom().item(session(Uni.createFrom().voidItem())).onItem()
                .delayIt().by(Duration.ofMillis(600)), Duration.ofSeconds(30), Duration.ofMillis(200));

        String row = factory.withSession(s -> Uni.createFrom().item("row").onItem().delayIt().by(Duration.ofMillis(10)))
                .await().atMost(AWAIT);

        assertThat(row).isEqualTo("row");
        assertThat(closed).hasValue(1);
    }

    @Test
    @DisplayName("A connection that comes after its caller gave up waiting is closed unused, and the caller got a 503-class failure")
    void aLateConnectionIsClosedUnused() {
        CompletableFuture<Mutiny.Session> pool = new CompletableFuture<>();
        SessionPerUnitOfWork factory = factory(Uni.createFrom().completionStage(pool), Duration.ofMillis(100),
                Duration.ofSeconds(30));

        Throwable failure = failureOf(factory.withSession(s -> {
            worked.incrementAndGet();
            return Uni.createFrom().item("row");
        }));
        pool.complete(session(Uni.createFrom().voidItem()));

        assertThat(failure).isInstanceOf(DatabaseNoAnswer.class).hasMessageContaining("connection");
        assertThat(Database.isUnreachable(failure)).isTrue();
        Waits.until("the late session closed", AWAIT, () -> closed.get() == 1);
        assertThat(worked).hasValue(0);
    }

    @Test
    @DisplayName("Work past its limit: the caller is answered at the limit, and the session is closed once the work ends")
    void overrunningWorkIsClosedWhenItEnds() {
        CompletableFuture<String> commit = new CompletableFuture<>();
        SessionPerUnitOfWork factory = factory(Uni.createFrom().item(session(Uni.createFrom().voidItem())),
                Duration.ofSeconds(30), Duration.ofMillis(100));

        Throwable failure = failureOf(factory.withSession(s -> Uni.createFrom().completionStage(commit)));
        assertThat(closed).hasValue(0);
        commit.complete("committed late");

        assertThat(failure).isInstanceOf(DatabaseNoAnswer.class).hasMessageContaining("did not answer");
        Waits.until("the session closed after its work", AWAIT, () -> closed.get() == 1);
    }

    @Test
    @DisplayName("A session whose close never ends (its connection is gone) does not hold the caller past the work limit")
    void aHangingCloseIsWithinTheWorkLimit() {
        SessionPerUnitOfWork factory = factory(Uni.createFrom().item(session(Uni.createFrom().nothing())),
                Duration.ofSeconds(30), Duration.ofMillis(100));

        Throwable failure = failureOf(factory.withTransaction((s, tx) -> Uni.createFrom().item("row")));

        assertThat(failure).isInstanceOf(DatabaseNoAnswer.class);
        Waits.until("the close begun", AWAIT, () -> closed.get() == 1);
    }

    private Throwable failureOf(Uni<?> unit) {
        return unit.onItem().transform(item -> (Throwable) new AssertionError("answered " + item))
                .onFailure().recoverWithItem(failure -> failure).await().atMost(AWAIT);
    }

    /**
     * A stand-in session whose close answers with {@code close}; withTransaction runs the work as is. The bounds
     * are about timing a real pool cannot be made to show on cue; DatabaseOutageTest runs them on real MariaDB.
     */
    @SuppressWarnings("unchecked")
    private Mutiny.Session session(Uni<Void> close) {
        return (Mutiny.Session) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {Mutiny.Session.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "close" -> {
                        closed.incrementAndGet();
                        yield close;
                    }
                    case "withTransaction" -> ((java.util.function.Function<Mutiny.Transaction, Uni<?>>) args[0])
                            .apply(null);
                    default -> throw unexpected(method.getName());
                });
    }

    /** The stand-ins answer only what a unit of work is meant to call; anything else fails the test by name. */
    private static AssertionError unexpected(String method) {
        return new AssertionError("the unit of work called " + method + ", which it should not need");
    }

    private SessionPerUnitOfWork factory(Uni<Mutiny.Session> open, Duration waitLimit, Duration workLimit) {
        Mutiny.SessionFactory pool = (Mutiny.SessionFactory) Proxy.newProxyInstance(
                SessionPerUnitOfWorkTest.class.getClassLoader(), new Class<?>[] {Mutiny.SessionFactory.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("openSession")) {
                        return open;
                    }
                    throw unexpected(method.getName());
                });
        return new SessionPerUnitOfWork(vertx, pool, waitLimit, workLimit);
    }
}
