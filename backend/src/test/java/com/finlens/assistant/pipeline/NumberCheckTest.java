package com.finlens.assistant.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.finlens.market.SourcePages;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class NumberCheckTest {

    /** Samsung's FY2023 consolidated operating income as DART reports it (6,566,976 million won). */
    private static final Fact SAMSUNG_FY2023_OPERATING_INCOME = new Fact("operating_income", "영업이익",
            "6,566,976,000,000 KRW", new BigDecimal("6566976000000"), "KRW", "FY2023", "Open DART",
            "/api/fnlttSinglAcnt.json", SourcePages.dartViewer("20240312000736"), "2024-03-12");

    private final Evidence evidence = Evidence.assemble(List.of(
                    new Evidence.CompanyFacts(FixtureMarket.SAMSUNG, FixtureMarket.samsungStatement()),
                    new Evidence.CompanyFacts(FixtureMarket.SAMSUNG, List.of(SAMSUNG_FY2023_OPERATING_INCOME)),
                    new Evidence.CompanyFacts(FixtureMarket.APPLE, FixtureMarket.appleIncome()),
                    new Evidence.CompanyFacts(FixtureMarket.APPLE, FixtureMarket.applePrice())),
            List.of(new EvidencePassage("doc-1", "2024 사업보고서 요약", "p. 12", null, "메모리 부문 매출 비중은 58.3%였다.", 0.9)),
            null, List.of());
    private final NumberCheck check = new NumberCheck(evidence, List.of());

    @Test
    @DisplayName("Figures copied from the sources are supported")
    void copiedFigures() {
        NumberCheck.Result result = check.check(
                "1분기 영업이익은 6,447,345,000,000 KRW [S3]로, 주가는 244.6 USD입니다. 메모리 비중은 58.3%입니다.");

        assertThat(result.checked()).isEqualTo(3);
        assertThat(result.unmatched()).isEmpty();
    }

    @Test
    @DisplayName("Figures written with other units or rounded to the shown precision are supported")
    void convertedFigures() {
        NumberCheck.Result result = check.check(String.join(" ",
                "2023년 영업이익은 6조 5,670억원,", // 6,566,976,000,000 rounded to 억
                "1분기 영업이익은 약 6.4조원, 즉 6조 4,473억원이며 전년 대비 3.4% 늘어 2,141억원 증가했습니다.",
                "Apple's FY2024 revenue was $391.0 billion (391.04B, about $391 billion), net income 93,736,000,000 USD,",
                "and revenue of 391,035 million dollars; the share closed at $244.60."));

        assertThat(result.unmatched()).isEmpty();
        assertThat(result.checked()).isEqualTo(11);
    }

    @Test
    @DisplayName("Figures that match no source are flagged as they were written")
    void hallucinatedFigures() {
        NumberCheck.Result result = check.check(
                "삼성전자 영업이익은 30% 증가한 7조 2,000억원입니다 [S1]. Apple's revenue reached $412.5 billion.");

        assertThat(result.unmatched()).containsExactly("30%", "7조 2,000억원", "$412.5 billion");
    }

    @Test
    @DisplayName("Dates, periods, codes, receipt numbers, citation markers and links are not checked as figures")
    void notFigures() {
        NumberCheck.Result result = check.check("2020년 1분기(Q1 2020, FY2023) 삼성전자(005930) 공시 20200515001451, "
                + "2024-01-31 [S1, S2] https://dart.fss.or.kr/dsaf001/main.do?rcpNo=20200515001451 제 52 기 3개 항목");

        assertThat(result.checked()).isZero();
    }

    @Test
    @DisplayName("A figure quoted as \"KRW 123.4 billion\" in a cited passage traces \"123.4\" and \"KRW 123.4 billion\" in the answer")
    void currencyPrefixInPassage() {
        Evidence withPassage = Evidence.assemble(List.of(), List.of(new EvidencePassage("doc-2", "Annual report",
                "p. 4", null, "Operating profit was KRW 123.4 billion, up from KRW 98.7 billion.", 0.8)), null, List.of());

        NumberCheck.Result result = new NumberCheck(withPassage, List.of())
                .check("Operating profit reached 123.4 (KRW 123.4 billion) [S1].");

        assertThat(result.checked()).isEqualTo(2);
        assertThat(result.unmatched()).isEmpty();
        assertThat(result.toJson().getInteger("traced")).isEqualTo(2);
        assertThat(result.toJson().getInteger("flagged")).isZero();
    }

    @Test
    @DisplayName("List markers at the start of a line are not figures; a wrong figure in a list still is")
    void listMarkers() {
        NumberCheck.Result result = check.check("1. 영업이익 6,447,345,000,000 KRW [S3]\n2) 주가 244.6 USD\n10. 매출 999억원");

        assertThat(result.checked()).isEqualTo(3);
        assertThat(result.unmatched()).containsExactly("999억원");
        assertThat(result.toJson().getInteger("traced")).isEqualTo(2);
    }
}
