package com.finlens.platform.db;

import static com.finlens.testing.ReplayServer.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class OwnContextTest {

    private Vertx vertx;
    private OwnContext ownContext;

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        ownContext = new OwnContext(vertx);
    }

    @AfterEach
    void stop() {
        await(vertx.close());
    }

    @Test
    @DisplayName("Work started from a request's context runs on a fresh event-loop context that cannot see the"
            + " caller's local data (where Hibernate Reactive keeps its session)")
    void freshScope() {
        Context caller = vertx.getOrCreateContext();
        AtomicReference<Context> seen = new AtomicReference<>();
        Promise<Object> localSeen = Promise.promise();
        caller.runOnContext(v -> {
            caller.putLocal("session", "the request's session");
            ownContext.run(() -> {
                seen.set(Vertx.currentContext());
                return Future.succeededFuture(Vertx.currentContext().getLocal("session"));
            }).onComplete(localSeen);
        });

        assertThat(await(localSeen.future())).isNull();
        assertThat(seen.get()).isNotSameAs(caller);
        assertThat(seen.get().isEventLoopContext()).isTrue();
    }

    @Test
    @DisplayName("Two runs get two contexts, each is released when its work ends, and the outcome is handed back")
    void releasedAfterWork() {
        Context first = await(ownContext.run(() -> Future.succeededFuture(Vertx.currentContext())));
        Context second = await(ownContext.run(() -> Future.succeededFuture(Vertx.currentContext())));

        assertThat(first).isNotSameAs(second);
        assertThat(vertx.deploymentIDs()).isEmpty();
        assertThatThrownBy(() -> await(ownContext.run(() -> {
            throw new IllegalStateException("boom");
        }))).hasMessageContaining("boom");
        assertThat(vertx.deploymentIDs()).isEmpty();
    }
}
