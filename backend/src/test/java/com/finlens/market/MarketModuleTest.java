package com.finlens.market;

import static com.finlens.testing.ReplayServer.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.finlens.market.api.MarketRoutes;
import com.finlens.market.cache.InMemoryMarketCacheStore;
import com.finlens.platform.config.Env;
import com.finlens.platform.http.ApiRoutes;
import com.finlens.testing.ReplayServer;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Market module wiring")
class MarketModuleTest {

    private static Vertx vertx;
    private static MarketModule module;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
        MarketConfig config = MarketConfig.from(new Env(Map.of()));
        module = await(MarketModule.start(vertx, config, new InMemoryMarketCacheStore(32L << 20, Clock.systemUTC()),
                Clock.systemUTC()));
    }

    @AfterAll
    static void stop() {
        module.close();
        await(vertx.close());
    }

    @Test
    @DisplayName("runs every source from the bundled snapshot and never asks for a key")
    void offlineConfig() {
        MarketConfig config = MarketConfig.from(new Env(Map.of()));
        assertThat(config.dart().live()).isFalse();
        assertThat(config.krx().live()).isFalse();
        assertThat(config.yahoo().live()).isFalse();
        assertThat(config.dart().toString()).contains("apiKey=unset");
        Env env = new Env(Map.of("FINLENS_DART_API_KEY", "secret-key", "FINLENS_YAHOO_BASE_URL", "http://127.0.0.1:9"));
        assertThat(MarketConfig.from(env).dart().toString()).doesNotContain("secret-key");
        assertThat(MarketConfig.from(env).yahoo().live()).isTrue();
    }

    @Test
    @DisplayName("builds the directory and answers resolution, prices and statements end to end")
    void endToEnd() {
        assertThat(await(module.directory()).size()).isGreaterThan(3_900);
        MarketServices service = module.services();
        Resolution samsung = await(service.resolver().resolve("삼성전자"));
        assertThat(samsung.best().company().krxCode()).isEqualTo("005930");
        MarketCompany apple = await(service.resolver().resolve("애플")).best().company();
        MarketResult<FinancialStatements> statements = await(service.financials().financials(apple, 2024, ReportCode.ANNUAL, false));
        assertThat(statements.data().lines().get(0).amount()).isEqualByComparingTo("391035000000");
        assertThat(statements.provenance().get(0).snapshotRecordedOn()).isNotNull();
        assertThat(await(service.resolver().mentions("SK하이닉스 실적")).get(0).company().krxCode()).isEqualTo("000660");
    }

    @Test
    @DisplayName("falls back to the bundled directory when the configured live sources refuse the key")
    void liveDirectoryFallsBack() {
        ReplayServer upstream = ReplayServer.start(vertx);
        String refused = new JsonObject().put("status", "010").put("message", "등록되지 않은 키입니다.").encode();
        upstream.on("GET", "/api/corpCode.xml").reply(200, "application/xml;charset=UTF-8",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><result><status>010</status></result>");
        upstream.on("GET", "/api/company.json").reply(200, "application/json", refused);
        upstream.onPrefix("POST", "/svc/apis/sto/").reply(401, "application/json",
                ReplayServer.resource("fixtures/krx-openapi/401_unauthorized_key.json"));
        Env env = new Env(Map.of("FINLENS_DART_API_KEY", "wrong", "FINLENS_DART_BASE_URL", upstream.baseUrl(),
                "FINLENS_KRX_API_KEY", "wrong", "FINLENS_KRX_BASE_URL", upstream.baseUrl()));
        try (MarketModule live = await(MarketModule.start(vertx, MarketConfig.from(env),
                new InMemoryMarketCacheStore(32L << 20, Clock.systemUTC()), Clock.systemUTC()))) {
            assertThat(await(live.directory()).size()).isGreaterThan(3_900);
            assertThat(upstream.count("GET", "/api/corpCode.xml")).isEqualTo(1);
            assertThat(upstream.received()).anySatisfy(r -> assertThat(r.query().get("crtfc_key")).isEqualTo("wrong"));
            MarketCompany samsung = await(live.services().resolver().company("005930"));
            MarketResult<CompanyProfile> profile = await(live.services().profiles().profile(samsung));
            assertThat(profile.sourcesFailed()).extracting(SourceFailure::kind).contains("UNAUTHORIZED");
        } finally {
            upstream.close();
        }
    }

    @Test
    @DisplayName("describes every mounted route in the OpenAPI fragment")
    void openApiCoversRoutes() throws IOException {
        JsonObject paths = new JsonObject(read("openapi/market.json")).getJsonObject("paths");
        Router api = Router.router(vertx);
        new MarketRoutes(module.services()).mount(new ApiRoutes(api, "", 0, RoutingContext::next));
        assertThat(api.getRoutes()).hasSize(7);
        for (Route route : api.getRoutes()) {
            String path = route.getPath().replaceAll(":(\\w+)", "{$1}").replace("{symbol}", "{yahooSymbol}");
            for (HttpMethod method : route.methods()) {
                assertThat(paths.getJsonObject(path)).as(path).isNotNull();
                assertThat(paths.getJsonObject(path).getJsonObject(method.name().toLowerCase(Locale.ROOT)))
                        .as(method + " " + path).isNotNull();
            }
        }
    }

    private static String read(String resource) throws IOException {
        try (InputStream in = MarketModuleTest.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
