package com.finlens.integration.dart;

import static com.finlens.testing.ReplayServer.await;
import static com.finlens.testing.ReplayServer.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.finlens.integration.upstream.Sourced;
import com.finlens.integration.upstream.UpstreamException;
import com.finlens.integration.upstream.UpstreamException.Kind;
import com.finlens.integration.upstream.WebClientTransport;
import com.finlens.testing.ReplayServer;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Open DART adapter")
class DartClientTest {

    private static Vertx vertx;
    private static ReplayServer server;
    private static WorkerExecutor worker;
    private static DartClient dart;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
        server = ReplayServer.start(vertx);
        worker = vertx.createSharedWorkerExecutor("dart-test", 1);
        dart = new DartClient(new WebClientTransport("dart", WebClient.create(vertx), server.baseUrl(),
                Duration.ofSeconds(5), Clock.systemUTC()), "test-key", worker);
    }

    @AfterAll
    static void stop() {
        server.close();
        worker.close();
        await(vertx.close());
    }

    @BeforeEach
    void reset() {
        server.reset();
    }

    private static String json(String name) {
        return resource("fixtures/opendart/" + name);
    }

    /** The documented DART error envelope for a status code, text from the OpenDART guide. */
    private static String statusBody(String status) {
        String message = new JsonObject(json("status_codes.json")).getJsonObject("codes").getString(status);
        return new JsonObject().put("status", status).put("message", message).encode();
    }

    @Test
    @DisplayName("reads the company overview and sends the key as crtfc_key")
    void company() {
        server.on("GET", "/api/company.json").reply(200, "application/json", json("company_samsung.json"));
        DartCompany c = await(dart.company("00126380")).value();
        assertThat(c.name()).isEqualTo("삼성전자(주)");
        assertThat(c.stockCode()).isEqualTo("005930");
        assertThat(c.corpClass()).isEqualTo("Y");
        assertThat(c.nameEn()).isEqualTo("SAMSUNG ELECTRONICS CO,.LTD");
        ReplayServer.Received request = server.received().get(0);
        assertThat(request.query().get("crtfc_key")).isEqualTo("test-key");
        assertThat(request.query().get("corp_code")).isEqualTo("00126380");
    }

    @Test
    @DisplayName("reads a disclosure page with paging fields and sends the date range")
    void disclosures() {
        server.on("GET", "/api/list.json").reply(200, "application/json", json("list_samsung.json"));
        Sourced<DartDisclosurePage> page = await(dart.disclosures("00126380", LocalDate.of(2024, 1, 1),
                LocalDate.of(2024, 1, 31), "A", 1, 2, false));
        assertThat(page.value().totalCount()).isEqualTo(15);
        assertThat(page.value().totalPages()).isEqualTo(8);
        assertThat(page.value().items()).hasSize(2);
        DartDisclosure first = page.value().items().get(0);
        assertThat(first.reportName()).isEqualTo("특수관계인과의내부거래");
        assertThat(first.receivedOn()).isEqualTo(LocalDate.of(2024, 1, 31));
        assertThat(first.viewerUrl()).endsWith("rcpNo=20240131000326");
        ReplayServer.Received request = server.received().get(0);
        assertThat(request.query().get("bgn_de")).isEqualTo("20240101");
        assertThat(request.query().get("end_de")).isEqualTo("20240131");
        assertThat(request.query().get("pblntf_ty")).isEqualTo("A");
        assertThat(page.fetch().endpoint()).isEqualTo("GET /api/list.json");
    }

    @Test
    @DisplayName("reads the compact finacolada list recording too")
    void compactList() {
        server.on("GET", "/api/list.json")
                .reply(200, "application/json", json("list_corp_code005930_bgn20230101_end20230208_page_count3.json"));
        DartDisclosurePage page = await(dart.disclosures("00126380", LocalDate.of(2023, 1, 1),
                LocalDate.of(2023, 2, 8), null, 1, 3, false)).value();
        assertThat(page.items()).extracting(DartDisclosure::receiptNo)
                .containsExactly("20230207800704", "20230203000495", "20230202000366");
        assertThat(page.items().get(1).filer()).isEqualTo("삼성물산");
    }

    @Test
    @DisplayName("parses key accounts of a quarterly report with consolidated and separate rows and cumulative amounts")
    void quarterlyKeyAccounts() {
        server.on("GET", "/api/fnlttSinglAcnt.json")
                .reply(200, "application/json", json("fnlttSinglAcnt_00126380_2020_11013.json"));
        List<DartAccount> rows = await(dart.keyAccounts("00126380", 2020, "11013")).value();
        assertThat(rows).hasSize(26);
        DartAccount revenue = rows.stream().filter(r -> r.fsDiv().equals("CFS") && r.accountName().equals("매출액"))
                .findFirst().orElseThrow();
        assertThat(revenue.amount()).isEqualTo(55_325_178_000_000L);
        assertThat(revenue.cumulativeAmount()).isEqualTo(55_325_178_000_000L);
        assertThat(revenue.statement()).isEqualTo("IS");
        assertThat(revenue.periodDates()).isEqualTo("2020.01.01 ~ 2020.03.31");
        assertThat(rows).filteredOn(r -> r.fsDiv().equals("OFS")).hasSize(13);
    }

    @Test
    @DisplayName("parses the annual key accounts and the full statement shapes")
    void annualShapes() {
        server.on("GET", "/api/fnlttSinglAcnt.json").reply(200, "application/json", json("fnlttSinglAcnt.json"));
        server.on("GET", "/api/fnlttSinglAcntAll.json").reply(200, "application/json", json("fnlttSinglAcntAll.json"));
        DartAccount current = await(dart.keyAccounts("00126380", 2023, "11011")).value().get(0);
        assertThat(current.accountName()).isEqualTo("유동자산");
        assertThat(current.amount()).isEqualTo(195_936_557_000_000L);
        assertThat(current.priorAmount()).isEqualTo(218_470_581_000_000L);
        DartAccount total = await(dart.allAccounts("00126380", 2023, "11011", "CFS")).value().get(0);
        assertThat(total.accountId()).isEqualTo("ifrs-full_Assets");
        assertThat(total.fsDiv()).isEqualTo("CFS");
        assertThat(total.amount()).isEqualTo(296_857_289_000_000L);
        assertThat(server.received().get(1).query().get("fs_div")).isEqualTo("CFS");
    }

    @Test
    @DisplayName("treats status 013 as an empty answer, not a failure")
    void noData() {
        server.on("GET", "/api/fnlttSinglAcnt.json").reply(200, "application/json", json("status_013_no_data.json"));
        server.on("GET", "/api/list.json").reply(200, "application/json", json("status_013_no_data.json"));
        assertThat(await(dart.keyAccounts("00126380", 2014, "11011")).value()).isEmpty();
        assertThat(await(dart.disclosures("00126380", LocalDate.of(2014, 1, 1), LocalDate.of(2014, 2, 1), null, 1,
                10, false)).value().items()).isEmpty();
    }

    @Test
    @DisplayName("maps status 010 to an unauthorized failure and 020 to rate limited")
    void errorStatuses() {
        server.on("GET", "/api/company.json").reply(200, "application/json", statusBody("010"));
        server.on("GET", "/api/list.json").reply(200, "application/json", statusBody("020"));
        assertThatThrownBy(() -> await(dart.company("00126380"))).rootCause()
                .isInstanceOfSatisfying(UpstreamException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.UNAUTHORIZED);
                    assertThat(e.getMessage()).contains("010").doesNotContain("test-key");
                });
        assertThatThrownBy(() -> await(dart.disclosures("00126380", LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 2),
                null, 1, 10, false))).rootCause()
                .isInstanceOfSatisfying(UpstreamException.class, e -> assertThat(e.kind()).isEqualTo(Kind.RATE_LIMITED));
    }

    @Test
    @DisplayName("maps every documented status to a clear failure kind")
    void statusTable() {
        Map<String, Kind> expected = Map.ofEntries(Map.entry("010", Kind.UNAUTHORIZED), Map.entry("011", Kind.UNAUTHORIZED),
                Map.entry("012", Kind.UNAUTHORIZED), Map.entry("020", Kind.RATE_LIMITED),
                Map.entry("100", Kind.INVALID_REQUEST), Map.entry("101", Kind.UNAUTHORIZED),
                Map.entry("800", Kind.UNAVAILABLE), Map.entry("900", Kind.UNAVAILABLE),
                Map.entry("901", Kind.UNAUTHORIZED));
        expected.forEach((status, kind) -> assertThat(DartStatus.failure(status).kind()).as(status).isEqualTo(kind));
        assertThat(DartStatus.isAnswer("013")).isTrue();
    }

    @Test
    @DisplayName("reads the corp code ZIP and keeps only the listed companies (the directory joins no others)")
    void corpCodes() throws IOException {
        server.on("GET", "/api/corpCode.xml").reply(200, Map.of("Content-Type", "application/x-msdownload"),
                Buffer.buffer(CorpCodeZip.of(resource("fixtures/opendart/CORPCODE.excerpt.xml"))));
        List<DartCorp> corps = await(dart.corpCodes()).value();
        // the excerpt holds 155 companies, 5 of them listed
        assertThat(corps).extracting(DartCorp::name)
                .containsExactlyInAnyOrder("삼성전자", "SK하이닉스", "LG전자", "NAVER", "카카오");
        DartCorp samsung = corps.stream().filter(c -> "005930".equals(c.stockCode())).findFirst().orElseThrow();
        assertThat(samsung.corpCode()).isEqualTo("00126380");
        assertThat(samsung.nameEn()).isEqualTo("SAMSUNG ELECTRONICS CO,.LTD");
    }

    @Test
    @DisplayName("recognises the XML status document a ZIP endpoint sends for a bad key")
    void corpCodeWithBadKey() {
        server.on("GET", "/api/corpCode.xml").reply(200, "application/xml;charset=UTF-8",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><result><status>010</status><message>"
                        + new JsonObject(json("status_codes.json")).getJsonObject("codes").getString("010")
                        + "</message></result>");
        assertThatThrownBy(() -> await(dart.corpCodes())).rootCause()
                .isInstanceOfSatisfying(UpstreamException.class, e -> assertThat(e.kind()).isEqualTo(Kind.UNAUTHORIZED));
    }

    @Test
    @DisplayName("only stores answers with status 000 or 013")
    void storable() {
        assertThat(DartClient.storable(response(json("status_013_no_data.json")))).isTrue();
        assertThat(DartClient.storable(response(json("company_samsung.json")))).isTrue();
        assertThat(DartClient.storable(response(statusBody("020")))).isFalse();
    }

    private static com.finlens.integration.upstream.UpstreamResponse response(String body) {
        return new com.finlens.integration.upstream.UpstreamResponse(200, Map.of(), Buffer.buffer(body), null, null, false);
    }
}
