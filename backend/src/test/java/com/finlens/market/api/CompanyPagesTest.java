package com.finlens.market.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.finlens.market.SourcePages;
import com.finlens.testing.SharedApp;
import com.finlens.testing.TestApp;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Company pages rendered by the real app on its embedded defaults (bundled data), read as a person reads them. */
class CompanyPagesTest {

    private static String page(TestApp.Browser user, String path) {
        HttpResponse<Buffer> page = user.get(path);
        assertThat(page.statusCode()).isEqualTo(200);
        return page.bodyAsString();
    }

    /** The page's main content, without the CSRF token and the chart's string template. */
    private static String main(String html) {
        return html.substring(html.indexOf("<main"), html.indexOf("<template id=\"chart-i18n\""));
    }

    @Test
    @DisplayName("A Korean company page in Korean writes amounts in 조/억 over three years, never scientific notation or"
            + " raw digits, and labels the statements 연결재무제표")
    void koreanAmounts() {
        String main = main(page(SharedApp.newUser(), "/companies/005930?lang=ko"));
        assertThat(main).contains("삼성전자").contains("00126380")
                .contains("2024년").contains("2023년").contains("2022년")
                .contains("300조 8,709억원").contains("218조 4,706억원").contains("연결재무제표").contains("사업보고서")
                .contains("271,000원")
                .doesNotContainPattern("\\d\\.\\d+E[+-]?\\d").doesNotContainPattern(">[^<]*\\d{10,}[^<]*<")
                .doesNotContain("(annual)").doesNotContain("CFS").doesNotContain(" KRW");
    }

    @Test
    @DisplayName("Each section says where its figures come from and how fresh, and links the source's own page:"
            + " KRX for pykrx data, the DART viewer for the report, Yahoo for Yahoo")
    void dataHealthAndLinks() {
        TestApp.Browser user = SharedApp.newUser();
        String hyundai = main(page(user, "/companies/005380?lang=ko"));
        assertThat(hyundai).contains("pykrx 자료(KRX 시세) · 2025-05-16 ~ 2025-06-16 종가 · 오프라인 자료 (2025-06-17 기록)")
                .contains("href=\"" + SourcePages.KRX_DAILY_PRICES + "\"").doesNotContain("finance.yahoo.com/quote/005380.KS/history");

        String samsung = main(page(user, "/companies/005930?lang=ko"));
        String financials = samsung.substring(samsung.indexOf("<section class=\"financials\""));
        assertThat(financials).contains("Open DART · 2024년 사업보고서 · 오프라인 자료 (2026-02-17 기록)")
                .contains("href=\"https://dart.fss.or.kr/dsaf001/main.do?rcpNo=20250311001085\"")
                .doesNotContain("dsab007");

        String apple = main(page(user, "/companies/AAPL?lang=ko"));
        assertThat(apple).contains("<td>2025-10-29</td>").contains("Yahoo Finance · 2024-09-30 결산").contains("https://finance.yahoo.com/quote/AAPL/financials")
                .contains("245.27 달러").contains("3,910억 달러").contains("매출액")
                .doesNotContain("245.27000427246094").doesNotContain("3.91035E+11").doesNotContain("Total revenue");
    }

    @Test
    @DisplayName("Offline, the filings section shows the bundled DART filings with their dates and says of which day they"
            + " are, instead of an empty 90-day window")
    void offlineFilings() {
        String main = main(page(SharedApp.newUser(), "/companies/005930?lang=ko"));
        assertThat(main).contains("2024-01-31").contains("특수관계인과의내부거래")
                .contains("https://dart.fss.or.kr/dsaf001/main.do?rcpNo=20240131000326")
                .contains("Open DART · 2024-01-31 기준 · 오프라인 자료").doesNotContain("이 기간에는 공시가 없습니다");
    }

    @Test
    @DisplayName("A source that has nothing is one friendly Korean line with the details on demand, never backend English")
    void friendlyFailures() {
        TestApp.Browser user = SharedApp.newUser();
        String hynix = main(page(user, "/companies/000660?lang=ko"));
        assertThat(hynix).contains("공시 자료가 없습니다 — DART 오프라인 자료에 없음").contains("<details>")
                .contains("<summary>자세히</summary>")
                .doesNotContain("bundled").doesNotContain("snapshot").doesNotContain("was not found");
        String microsoft = main(page(user, "/companies/MSFT?lang=ko"));
        assertThat(microsoft).contains("주가 자료가 없습니다 — Yahoo Finance 오프라인 자료에 없음")
                .contains("재무제표 자료가 없습니다").doesNotContain("is unavailable").doesNotContain("bundled");
    }

    @Test
    @DisplayName("A US company page names the company once and writes amounts in English as $391.04B")
    void usCompanyInEnglish() {
        String main = main(page(SharedApp.newUser(), "/companies/AAPL?lang=en"));
        assertThat(main).containsOnlyOnce("Apple Inc.").contains("$391.04B").contains("FY2024").contains("Total revenue")
                .contains("Consolidated statements").contains("$269.70");
    }

    @Test
    @DisplayName("Search lists common and preferred shares; a malformed code is a friendly 400 page")
    void searchAndBadCode() {
        TestApp.Browser user = SharedApp.newUser();
        String results = user.get("/companies?q=" + URLEncoder.encode("삼성전자", StandardCharsets.UTF_8)).bodyAsString();
        assertThat(results).contains("/companies/005930");
        HttpResponse<Buffer> bad = TestApp.await(user.session().get("/companies/%3Cscript%3E")
                .putHeader("Accept", "text/html").send());
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.bodyAsString()).doesNotContain("<script>");
    }

    @Test
    @DisplayName("A malformed or unknown code and an over-long search get one line in the page's language, not backend English")
    void localizedRequestErrors() {
        TestApp.Browser user = SharedApp.newUser();
        HttpResponse<Buffer> bad = TestApp.await(user.session().get("/companies/%3Cscript%3E?lang=ko").send());
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.bodyAsString()).contains("종목코드(예: 005930)나 심볼(예: AAPL)로 찾아 주세요.")
                .doesNotContain("Use a 6-digit");
        HttpResponse<Buffer> unknown = TestApp.await(user.session().get("/companies/999999?lang=ko").send());
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.bodyAsString()).contains("&#39;999999&#39;에 해당하는 기업을 찾지 못했습니다").doesNotContain("was not found");
        HttpResponse<Buffer> longQuery = TestApp.await(user.session().get("/companies?lang=en&q=" + "a".repeat(101)).send());
        assertThat(longQuery.statusCode()).isEqualTo(400);
        assertThat(longQuery.bodyAsString()).contains("Search for at most 100 characters.");
    }
}
