package com.finlens.integration;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.finlens.integration.dart.DartClient;
import com.finlens.integration.krx.KrxClient;
import com.finlens.integration.krx.KrxMarket;
import com.finlens.integration.llm.ChatCompletionClient;
import com.finlens.integration.llm.ChatMessage;
import com.finlens.integration.llm.ChatRequest;
import com.finlens.integration.llm.LlmException;
import com.finlens.integration.upstream.Transport;
import com.finlens.integration.upstream.UpstreamException;
import com.finlens.integration.upstream.UpstreamResponse;
import com.finlens.integration.yahoo.YahooClient;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;

/**
 * The upstream parsers under Jazzer: whatever bytes Yahoo, Open DART, KRX or a language model's event stream
 * send, each adapter answers with its data or with its own clear error (UpstreamException / LlmException), never
 * with an unexpected exception and never by hanging. One fuzz test feeds all four (the first byte picks which),
 * because Jazzer fuzzes only one test per JVM.
 *
 * <p>In the normal test run this replays the inputs in {@code UpstreamParsersFuzzTestInputs/} (recorded responses
 * and every crash found so far). The {@code fuzz-parsers} Surefire execution fuzzes for {@code -Dfuzz.duration}
 * (10 s by default; e.g. {@code ./mvnw -pl backend test -Dfuzz.duration=10m} for a long run).
 */
class UpstreamParsersFuzzTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-01-08T09:00:00Z"), ZoneOffset.UTC);
    private static final ChatRequest CHAT = new ChatRequest("m", List.of(ChatMessage.user("q")), 10, 0.0);

    private static Vertx vertx;
    private static HttpServer llmServer;
    private static ChatCompletionClient llm;
    private static io.vertx.core.WorkerExecutor worker;
    private static volatile Buffer streamed = Buffer.buffer();

    @BeforeAll
    static void start() throws Exception {
        vertx = Vertx.vertx();
        worker = vertx.createSharedWorkerExecutor("fuzz-dart", 1);
        llmServer = vertx.createHttpServer().requestHandler(req -> req.body().onComplete(b -> req.response()
                        .putHeader("Content-Type", "text/event-stream").end(streamed)))
                .listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        llm = new ChatCompletionClient(vertx.createHttpClient(), "fuzz",
                "http://127.0.0.1:" + llmServer.actualPort() + "/v1", "k");
    }

    @AfterAll
    static void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    /** Byte 0 picks the adapter, byte 1 the HTTP status (0: 200), the rest is the body. */
    @FuzzTest(maxDuration = "10s")
    @DisplayName("Any upstream body yields data or the adapter's own clear error, for Yahoo, DART, KRX and SSE")
    void parsers(byte[] input) throws Exception {
        if (input.length < 2) {
            return;
        }
        int status = input[1] == 0 ? 200 : 100 + Math.floorMod(input[1], 50) * 10;
        byte[] body = java.util.Arrays.copyOfRange(input, 2, input.length);
        switch (Math.floorMod(input[0], 4)) {
            case 0 -> yahoo(status, body);
            case 1 -> dart(status, body);
            case 2 -> krx(status, body);
            default -> sse(body);
        }
    }

    private static void yahoo(int status, byte[] body) throws Exception {
        Transport fixed = fixed(status, body);
        YahooClient yahoo = new YahooClient(fixed, fixed, "fuzz", CLOCK);
        LocalDate day = LocalDate.of(2024, 1, 5);
        expectUpstreamOutcome(yahoo.chart("AAPL", day.minusDays(30), day, "1d"));
        expectUpstreamOutcome(yahoo.search("apple"));
        expectUpstreamOutcome(yahoo.quote("AAPL"));
        expectUpstreamOutcome(yahoo.annualIncomeStatement("AAPL", day.minusYears(4), day));
    }

    private static void dart(int status, byte[] body) throws Exception {
        DartClient dart = new DartClient(fixed(status, body), "k", worker);
        expectUpstreamOutcome(dart.corpCodes());
        expectUpstreamOutcome(dart.company("00126380"));
        expectUpstreamOutcome(dart.disclosures("00126380", LocalDate.of(2023, 1, 1), LocalDate.of(2023, 2, 8), null,
                1, 10, false));
        expectUpstreamOutcome(dart.keyAccounts("00126380", 2023, "11011"));
        expectUpstreamOutcome(dart.allAccounts("00126380", 2023, "11011", "CFS"));
    }

    private static void krx(int status, byte[] body) throws Exception {
        KrxClient krx = new KrxClient(fixed(status, body), "k", CLOCK, worker);
        for (KrxMarket market : KrxMarket.values()) {
            expectUpstreamOutcome(krx.dailyTrading(market, LocalDate.of(2024, 1, 5)));
        }
    }

    private static void sse(byte[] body) throws Exception {
        streamed = Buffer.buffer(body);
        expectOutcome(llm.stream(CHAT, piece -> { }).completion(), e -> e instanceof LlmException);
    }

    private static Transport fixed(int status, byte[] body) {
        UpstreamResponse response = new UpstreamResponse(status, Map.of("Content-Type", List.of("application/json")),
                Buffer.buffer(body), CLOCK.instant(), null, false);
        return request -> Future.succeededFuture(response);
    }

    private static void expectUpstreamOutcome(Future<?> result) throws Exception {
        expectOutcome(result, e -> e instanceof UpstreamException);
    }

    /** Completes (a hang is a finding) with a value or with the adapter's own error type. */
    private static void expectOutcome(Future<?> result, Function<Throwable, Boolean> clearError) throws Exception {
        try {
            result.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable cause = e.getCause();
            if (!clearError.apply(cause)) {
                throw new AssertionError("unexpected " + cause.getClass().getName() + ": " + cause.getMessage(), cause);
            }
        } catch (TimeoutException e) {
            throw new AssertionError("the adapter did not answer within 10 s", e);
        }
        assertThat(result.succeeded() || result.failed()).isTrue();
    }
}
