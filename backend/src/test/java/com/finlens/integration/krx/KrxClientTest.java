package com.finlens.integration.krx;

import static com.finlens.testing.ReplayServer.await;
import static com.finlens.testing.ReplayServer.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.finlens.integration.upstream.UpstreamException;
import com.finlens.integration.upstream.UpstreamException.Kind;
import com.finlens.integration.upstream.WebClientTransport;
import com.finlens.testing.ReplayServer;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("KRX Open API adapter")
class KrxClientTest {

    private static final LocalDate DAY = LocalDate.of(2024, 1, 5);
    private static Vertx vertx;
    private static ReplayServer server;
    private static KrxClient krx;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
        server = ReplayServer.start(vertx);
        krx = new KrxClient(new WebClientTransport("krx", WebClient.create(vertx), server.baseUrl(),
                Duration.ofSeconds(5), Clock.systemUTC()), "krx-test-key", Clock.systemUTC(),
                vertx.createSharedWorkerExecutor("krx-client-test", 1));
    }

    @AfterAll
    static void stop() {
        server.close();
        await(vertx.close());
    }

    @BeforeEach
    void reset() {
        server.reset();
    }

    @Test
    @DisplayName("reads a KOSPI daily list, posts basDd and sends the key as AUTH_KEY")
    void kospi() {
        server.on("POST", "/svc/apis/sto/stk_bydd_trd")
                .reply(200, "application/json", resource("fixtures/krx-openapi/stk_bydd_trd_20240105_excerpt.json"));
        List<KrxDailyRow> rows = await(krx.dailyTrading(KrxMarket.KOSPI, DAY)).value();
        assertThat(rows).extracting(KrxDailyRow::code).containsExactly("095570", "005930", "000660", "00104K");
        KrxDailyRow samsung = rows.get(1);
        assertThat(samsung.name()).isEqualTo("삼성전자");
        assertThat(samsung.close()).isEqualTo(76_600L);
        assertThat(samsung.change()).isZero();
        assertThat(samsung.marketCap()).isEqualTo(457_285_343_330_000L);
        assertThat(samsung.marketCap()).isEqualTo(samsung.listedShares() * samsung.close());
        assertThat(samsung.section()).isNull();
        assertThat(samsung.date()).isEqualTo(DAY);
        ReplayServer.Received request = server.received().get(0);
        assertThat(request.headers().get("AUTH_KEY")).isEqualTo("krx-test-key");
        assertThat(new JsonObject(request.body()).getString("basDd")).isEqualTo("20240105");
    }

    @Test
    @DisplayName("reads KOSDAQ rows with sections, negative changes and halted issues")
    void kosdaq() {
        server.on("POST", "/svc/apis/sto/ksq_bydd_trd")
                .reply(200, "application/json", resource("fixtures/krx-openapi/ksq_bydd_trd_20240105_excerpt.json"));
        List<KrxDailyRow> rows = await(krx.dailyTrading(KrxMarket.KOSDAQ, DAY)).value();
        assertThat(rows).allSatisfy(r -> assertThat(r.market()).isEqualTo(KrxMarket.KOSDAQ));
        KrxDailyRow first = rows.get(0);
        assertThat(first.section()).isEqualTo("중견기업부");
        KrxDailyRow halted = rows.stream().filter(r -> r.code().equals("091990")).findFirst().orElseThrow();
        assertThat(halted.traded()).isFalse();
        assertThat(halted.open()).isZero();
        KrxDailyRow jump = rows.stream().filter(r -> r.code().equals("247540")).findFirst().orElseThrow();
        assertThat(jump.changeRate()).isEqualByComparingTo(new BigDecimal("12.90"));
    }

    @Test
    @DisplayName("returns no rows for a day without trading")
    void emptyDay() {
        server.on("POST", "/svc/apis/sto/stk_bydd_trd")
                .reply(200, "application/json", resource("fixtures/krx-openapi/sr_bydd_trd_20240104.json"));
        assertThat(await(krx.dailyTrading(KrxMarket.KOSPI, LocalDate.of(2024, 1, 6))).value()).isEmpty();
    }

    @Test
    @DisplayName("reports a wrong key and an unapproved API as unauthorized with different reasons")
    void unauthorized() {
        server.on("POST", "/svc/apis/sto/stk_bydd_trd")
                .reply(401, "application/json", resource("fixtures/krx-openapi/401_unauthorized_key.json"));
        server.on("POST", "/svc/apis/sto/ksq_bydd_trd")
                .reply(401, "application/json", resource("fixtures/krx-openapi/401_unauthorized_api_call.json"));
        assertThatThrownBy(() -> await(krx.dailyTrading(KrxMarket.KOSPI, DAY))).rootCause()
                .isInstanceOfSatisfying(UpstreamException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.UNAUTHORIZED);
                    assertThat(e.getMessage()).contains("missing or wrong").doesNotContain("krx-test-key");
                });
        assertThatThrownBy(() -> await(krx.dailyTrading(KrxMarket.KOSDAQ, DAY))).rootCause()
                .isInstanceOfSatisfying(UpstreamException.class, e -> assertThat(e.getMessage()).contains("not approved"));
    }

    @Test
    @DisplayName("recognises the LOGOUT login wall of the KRX data portal")
    void loginWall() {
        server.on("POST", "/svc/apis/sto/stk_bydd_trd")
                .reply(400, "text/html; charset=utf-8", resource("fixtures/krx/getJsonData_400_LOGOUT.txt"));
        assertThatThrownBy(() -> await(krx.dailyTrading(KrxMarket.KOSPI, DAY))).rootCause()
                .isInstanceOfSatisfying(UpstreamException.class, e -> assertThat(e.kind()).isEqualTo(Kind.LOGIN_WALL));
    }

    @Test
    @DisplayName("reports an unknown API path as not found and garbage as a bad response")
    void otherErrors() {
        server.on("POST", "/svc/apis/sto/stk_bydd_trd")
                .reply(404, "application/json", resource("fixtures/krx-openapi/404_api_path_does_not_exist.json"));
        server.on("POST", "/svc/apis/sto/ksq_bydd_trd").reply(200, "text/html", "<html>maintenance</html>");
        assertThatThrownBy(() -> await(krx.dailyTrading(KrxMarket.KOSPI, DAY))).rootCause()
                .isInstanceOfSatisfying(UpstreamException.class, e -> assertThat(e.kind()).isEqualTo(Kind.NOT_FOUND));
        assertThatThrownBy(() -> await(krx.dailyTrading(KrxMarket.KOSDAQ, DAY))).rootCause()
                .isInstanceOfSatisfying(UpstreamException.class, e -> assertThat(e.kind()).isEqualTo(Kind.BAD_RESPONSE));
    }
}
