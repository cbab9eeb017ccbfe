package com.finlens.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.finlens.testing.TestApp;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The benchmark's scenarios, tiny: they must keep running against the real app (figures are never asserted), and
 * two of them prove behaviour the issue asks for: identical concurrent upstream requests collapse into one call for
 * every source, and concurrent model answers are all stored complete with their usage counted.
 */
class BenchScenariosTest {

    private static Vertx vertx;
    private static LlmStub stub;
    private static TestApp app;

    @BeforeAll
    static void start() throws Exception {
        vertx = Vertx.vertx();
        stub = new LlmStub(vertx, 5, 5);
        int stubPort = StreamLoad.await(stub.start());
        app = TestApp.start(Map.of(
                "FINLENS_OPENAI_API_KEY", "sk-test",
                "FINLENS_OPENAI_BASE_URL", "http://127.0.0.1:" + stubPort + "/v1",
                "FINLENS_LLM_ORDER", "openai",
                "FINLENS_DAILY_ANSWER_QUOTA", "1000"));
    }

    @AfterAll
    static void stop() {
        app.close();
        stub.close();
        TestApp.await(vertx.close());
    }

    @Test
    @DisplayName("100 identical concurrent requests reach DART, KRX and Yahoo once, for each call of each")
    void identicalRequestsShareOneUpstreamCall() throws Exception {
        Map<String, Integer> calls = UpstreamSingleFlight.probe(vertx, 100);

        assertThat(calls).hasSize(9).containsKeys("dart company", "krx daily trading", "yahoo search")
                .allSatisfy((call, n) -> assertThat(n).as(call).isEqualTo(1));
    }

    @Test
    @DisplayName("Twelve model answers streamed at once are all stored complete and each counted once in the quota")
    void concurrentModelAnswersAreStoredAndCounted() throws Exception {
        TestApp.Browser browser = app.signIn("bench-stream@example.com");
        StreamLoad load = new StreamLoad(vertx, "127.0.0.1", app.port(), new StreamLoad.Session(
                browser.sessionCookie(), browser.csrfToken()));

        StreamLoad.Result result = load.run(12, "삼성전자 주가 알려줘", stub::firstTokenNanos);

        assertThat(result.failed()).isZero();
        assertThat(result.stored()).isEqualTo(12);
        assertThat(result.firstTokenMillis()).hasSize(12);
        assertThat(browser.get("/api/v1/usage").bodyAsJsonObject().getInteger("used")).isEqualTo(12);
    }

    @Test
    @DisplayName("The table reports the median, the spread and the ratio to the baseline")
    void tableReportsMedianSpreadAndRatio() {
        Table table = new Table();
        table.add(new Table.Row("scenario", "req/s", List.of(3.0, 1.0, 2.0), List.of(0.5), List.of(2.0), 0,
                List.of(0.25, 0.75, 0.5)));
        assertThat(table.markdown("machine")).contains("| scenario | req/s | 2.00 | 1.00–3.00 | 0.50 | 2.00 | 0 | 0.50× |");
    }
}
