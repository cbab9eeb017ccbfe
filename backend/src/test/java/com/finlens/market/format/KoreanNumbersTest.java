package com.finlens.market.format;

import static org.assertj.core.api.Assertions.assertThat;

import com.finlens.platform.format.AmountFormat;
import java.math.BigDecimal;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Korean money amounts read back as numbers")
class KoreanNumbersTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @DisplayName("parses amounts written the Korean way")
    @CsvSource(delimiter = '|', textBlock = """
            6조 5,670억원   | 6567000000000
            6조5670억       | 6567000000000
            1.2조           | 1200000000000
            3억 5천만원     | 350000000
            5,670만 원      | 56700000
            76,600원        | 76600
            -2억            | -200000000
            55조 3,252억원  | 55325200000000
            """)
    void parses(String text, String expected) {
        assertThat(KoreanNumbers.parseWon(text)).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo(expected));
    }

    @Test
    @DisplayName("round-trips formatted amounts to the nearest 억")
    void roundTrip() {
        BigDecimal revenue = new BigDecimal("55325178000000");
        BigDecimal parsed = KoreanNumbers.parseWon(AmountFormat.of("ko").amount(revenue, "KRW")).orElseThrow();
        assertThat(parsed.subtract(revenue).abs()).isLessThan(new BigDecimal("100000000"));
    }

    @Test
    @DisplayName("rejects text that is not an amount")
    void rejects() {
        assertThat(KoreanNumbers.parseWon("삼성전자")).isEmpty();
        assertThat(KoreanNumbers.parseWon("")).isEmpty();
        assertThat(KoreanNumbers.parseWon(null)).isEmpty();
    }
}
