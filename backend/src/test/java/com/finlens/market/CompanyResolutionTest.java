package com.finlens.market;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Company resolution over the offline directory")
class CompanyResolutionTest {

    private static CompanyDirectory directory;

    @BeforeAll
    static void build() {
        directory = SnapshotDirectory.shared();
    }

    @Test
    @DisplayName("holds every KOSPI and KOSDAQ issue of the bundled KRX day plus the curated US companies")
    void size() {
        long kospi = directory.entries().stream().filter(e -> e.company().market() == Market.KOSPI).count();
        long kosdaq = directory.entries().stream().filter(e -> e.company().market() == Market.KOSDAQ).count();
        assertThat(kospi).isEqualTo(953);
        assertThat(kosdaq).isEqualTo(1703);
        assertThat(directory.listingsAsOf()).isEqualTo(LocalDate.of(2024, 1, 5));
        assertThat(directory.bySymbol("AAPL")).isPresent();
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" -> {1}")
    @DisplayName("resolves tricky mentions to the right company")
    @CsvSource(delimiter = '|', textBlock = """
            삼성전자            | 005930 | name
            삼성 전자           | 005930 | name
            삼성전자우          | 005935 | name
            삼전                | 005930 | alias
            Samsung Electronics | 005930 | name
            samsung electronics | 005930 | name
            SAMSUNG ELECTRONICS CO.,LTD | 005930 | name
            삼성전지            | 005930 | fuzzy
            삼송전자            | 005930 | fuzzy
            005930              | 005930 | code
            005930.KS           | 005930 | symbol
            005935              | 005935 | code
            00126380            | 005930 | dartCorpCode
            SK하이닉스          | 000660 | name
            sk하이닉스          | 000660 | name
            하이닉스            | 000660 | alias
            SK hynix            | 000660 | name
            에스케이하이닉스    | 000660 | alias
            현대차              | 005380 | name
            현대자동차          | 005380 | name
            Hyundai Motor       | 005380 | name
            현대차2우B          | 005387 | name
            기아                | 000270 | name
            NAVER               | 035420 | name
            네이버              | 035420 | alias
            카카오              | 035720 | name
            카카오뱅크          | 323410 | name
            카뱅                | 323410 | alias
            LG에너지솔루션      | 373220 | name
            LG엔솔              | 373220 | alias
            엘지에너지 솔루션   | 373220 | alias
            LG Energy Solution  | 373220 | name
            셀트리온            | 068270 | name
            셀트리언            | 068270 | fuzzy
            에코프로비엠        | 247540 | name
            에코프로            | 086520 | name
            247540.KQ           | 247540 | symbol
            알테오젠            | 196170 | name
            JYP Ent.            | 035900 | name
            포스코홀딩스        | 005490 | alias
            POSCO홀딩스         | 005490 | name
            삼성바이오로직스    | 207940 | name
            삼성바이오로직수    | 207940 | fuzzy
            한국전력            | 015760 | name
            한전                | 015760 | alias
            CJ4우(전환)         | 00104K | name
            00104K              | 00104K | code
            Apple               | AAPL   | name
            애플                | AAPL   | alias
            aapl                | AAPL   | symbol
            Microsoft           | MSFT   | name
            엔비디아            | NVDA   | alias
            Tesla               | TSLA   | name
            Amazon              | AMZN   | alias
            Google              | GOOGL  | alias
            Alphabet            | GOOGL  | name
            """)
    void resolves(String query, String expectedId, String matchedBy) {
        Resolution r = directory.resolve(query, 5);
        assertThat(r.best()).as("best for %s", query).isNotNull();
        assertThat(r.best().company().id()).as("best for %s", query).isEqualTo(expectedId);
        assertThat(r.best().matchedBy()).as("how %s matched", query).isEqualTo(matchedBy);
    }

    @Test
    @DisplayName("offers the preferred shares as an alternative to the common shares, without calling it ambiguous")
    void preferredAsAlternative() {
        Resolution r = directory.resolve("삼성전자", 5);
        assertThat(r.ambiguous()).isFalse();
        assertThat(r.alternatives()).extracting(c -> c.company().id()).contains("005935");
        MarketCompany preferred = directory.byKrxCode("005935").orElseThrow();
        assertThat(preferred.preferred()).isTrue();
        assertThat(preferred.dartCorpCode()).isEqualTo("00126380");
        assertThat(preferred.yahooSymbol()).isEqualTo("005935.KS");
    }

    @Test
    @DisplayName("calls a bare group name ambiguous and ranks the largest company first")
    void groupNameIsAmbiguous() {
        Resolution r = directory.resolve("삼성", 5);
        assertThat(r.ambiguous()).isTrue();
        assertThat(r.best().company().id()).isEqualTo("005930");
        assertThat(r.alternatives()).hasSizeGreaterThanOrEqualTo(3)
                .allSatisfy(c -> assertThat(c.company().name()).startsWith("삼성"));
    }

    @Test
    @DisplayName("labels markets and Yahoo suffixes: .KS for KOSPI, .KQ for KOSDAQ")
    void markets() {
        MarketCompany hynix = directory.byKrxCode("000660").orElseThrow();
        assertThat(hynix.market()).isEqualTo(Market.KOSPI);
        assertThat(hynix.yahooSymbol()).isEqualTo("000660.KS");
        MarketCompany ecopro = directory.byKrxCode("247540").orElseThrow();
        assertThat(ecopro.market()).isEqualTo(Market.KOSDAQ);
        assertThat(ecopro.yahooSymbol()).isEqualTo("247540.KQ");
    }

    @Test
    @DisplayName("keeps companies that left the KRX lists, marked as not listed and ranked after listed ones")
    void delisted() {
        long notListed = directory.entries().stream().filter(e -> !e.company().listed()).count();
        assertThat(notListed).isGreaterThan(100);
        assertThat(directory.entries()).filteredOn(e -> !e.company().listed())
                .allSatisfy(e -> assertThat(e.company().market()).isEqualTo(Market.KRX_OTHER));
    }

    @Test
    @DisplayName("finds nothing for text that is no company")
    void nothing() {
        assertThat(directory.resolve("   ", 5).found()).isFalse();
        assertThat(directory.resolve("zzqxw", 5).found()).isFalse();
    }
}
