package com.finlens.assistant.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.finlens.assistant.llm.MutableClock;
import com.finlens.platform.auth.CurrentUser;
import com.finlens.platform.http.ApiException;
import com.finlens.platform.http.ApiRoutes;
import com.finlens.testing.ReplayServer;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.client.WebClient;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AnswerQuotaTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T23:00:00Z"));
    private final InMemoryUsageStore store = new InMemoryUsageStore();
    private final AnswerQuota quota = new AnswerQuota(store, new QuotaConfig(2), clock);

    @Test
    @DisplayName("Answers count against the daily quota, and the third one of the day is refused with 429 and a reset time")
    void exhausts() {
        ReplayServer.await(quota.reserve(7, 1));
        ReplayServer.await(quota.reserve(7, 1));

        Throwable e = catchThrowable(() -> ReplayServer.await(quota.reserve(7, 1)));

        ApiException problem = (ApiException) e.getCause().getCause();
        assertThat(problem.status()).isEqualTo(429);
        assertThat(problem.type()).isEqualTo("daily-quota-exhausted");
        assertThat(problem.headers()).containsEntry("Retry-After", "3600");
        assertThat(ReplayServer.await(quota.status(7)).remaining()).isZero();
        assertThat(ReplayServer.await(quota.status(8)).remaining()).isEqualTo(2);
    }

    @Test
    @DisplayName("A refunded answer gives the quota back")
    void refund() {
        QuotaTicket ticket = ReplayServer.await(quota.reserve(7, 1));
        assertThat(ReplayServer.await(quota.status(7)).remaining()).isEqualTo(1);

        ReplayServer.await(quota.refund(ticket, "provider-failed"));

        assertThat(ReplayServer.await(quota.status(7)).remaining()).isEqualTo(2);
        assertThat(store.lines().get(0).refundReason()).isEqualTo("provider-failed");
    }

    @Test
    @DisplayName("The quota resets at midnight UTC")
    void resetsDaily() {
        ReplayServer.await(quota.reserve(7, 1));
        ReplayServer.await(quota.reserve(7, 1));

        clock.advance(Duration.ofHours(1));

        QuotaStatus status = ReplayServer.await(quota.status(7));
        assertThat(status.remaining()).isEqualTo(2);
        assertThat(status.resetsAt()).isEqualTo(Instant.parse("2026-11-24T00:00:00Z"));
    }

    @Test
    @DisplayName("GET /usage shows the signed-in user's limit, use and remaining answers")
    void usageRoute() {
        Vertx vertx = Vertx.vertx();
        try {
            ReplayServer.await(quota.reserve(42, 1));
            Router api = Router.router(vertx);
            api.route().handler(ctx -> {
                CurrentUser.set(ctx, 42);
                ctx.next();
            });
            new UsageRoutes(quota).mount(new ApiRoutes(api, "", Integer.MAX_VALUE, RoutingContext::next));
            int port = ReplayServer.await(vertx.createHttpServer().requestHandler(api).listen(0, "127.0.0.1"))
                    .actualPort();

            JsonObject body = ReplayServer.await(WebClient.create(vertx).get(port, "127.0.0.1", "/usage").send())
                    .bodyAsJsonObject();

            assertThat(body.getInteger("dailyAnswerLimit")).isEqualTo(2);
            assertThat(body.getInteger("used")).isEqualTo(1);
            assertThat(body.getInteger("remaining")).isEqualTo(1);
            assertThat(body.getString("resetsAt")).isEqualTo("2026-11-23T00:00:00Z");
        } finally {
            ReplayServer.await(vertx.close());
        }
    }
}
