package com.finlens.integration.llm;

import static com.finlens.testing.ReplayServer.await;
import static com.finlens.testing.ReplayServer.resource;
import static org.assertj.core.api.Assertions.assertThat;

import com.finlens.testing.ReplayServer;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("RunPod worker health")
class RunPodHealthClientTest {

    private static Vertx vertx;
    private static ReplayServer runpod;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
        runpod = ReplayServer.start(vertx);
    }

    @AfterAll
    static void stop() {
        runpod.close();
        await(vertx.close());
    }

    @Test
    @DisplayName("100 answers starting together share one health check, each resumed on its own event loop;"
            + " the next check asks again")
    void identicalChecksShareOneCall() {
        runpod.on("GET", "/v2/endpoint/health").delayed(Duration.ofMillis(300), 200, "application/json",
                resource("fixtures/runpod/health_response_warm.json"));
        RunPodHealthClient health = new RunPodHealthClient(vertx.createHttpClient(), runpod.baseUrl() + "/v2/endpoint",
                "rp-test");
        List<Context> loops = List.of(vertx.getOrCreateContext(), vertx.getOrCreateContext());
        List<Future<Boolean>> resumedOnOwnLoop = new ArrayList<>();
        for (Context loop : loops) {
            Promise<List<Future<Boolean>>> started = Promise.promise();
            loop.runOnContext(v -> {
                List<Future<Boolean>> mine = new ArrayList<>();
                for (int i = 0; i < 50; i++) {
                    mine.add(health.check(Duration.ofSeconds(5)).map(a -> a.hasWarmWorker() && Vertx.currentContext() == loop));
                }
                started.complete(mine);
            });
            resumedOnOwnLoop.addAll(await(started.future()));
        }

        assertThat(await(Future.all(resumedOnOwnLoop)).<Boolean>list()).hasSize(100).containsOnly(true);
        assertThat(runpod.count("GET", "/v2/endpoint/health")).isEqualTo(1);
        await(health.check(Duration.ofSeconds(5)));
        assertThat(runpod.count("GET", "/v2/endpoint/health")).isEqualTo(2);
    }
}
