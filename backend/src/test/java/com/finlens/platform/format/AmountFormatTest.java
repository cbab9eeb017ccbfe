package com.finlens.platform.format;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every row of the case table the chart's JavaScript formatter is tested against too
 * (web-templates/tests/amount-cases.json), so the page and the chart write numbers alike.
 */
@DisplayName("Numbers as Finlens writes them")
class AmountFormatTest {

    private static final Path CASES = Path.of("..", "web-templates", "tests", "amount-cases.json");

    static Stream<JsonObject> cases() throws IOException {
        return new JsonObject(Files.readString(CASES)).getJsonArray("cases").stream().map(JsonObject.class::cast);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    @DisplayName("each case of the shared table, in Korean and English")
    void table(JsonObject c) {
        AmountFormat format = AmountFormat.of(c.getString("lang"));
        BigDecimal value = new BigDecimal(c.getString("value"));
        String currency = c.getString("currency");
        String actual = switch (c.getString("fn")) {
            case "price" -> format.price(value, currency);
            case "amount" -> format.amount(value, currency);
            case "count" -> format.count(value);
            case "percent" -> format.percent(value);
            case "digits" -> format.digits(value);
            default -> throw new AssertionError("unknown function " + c.getString("fn"));
        };
        assertThat(actual).isEqualTo(c.getString("expected"));
    }

    @Test
    @DisplayName("the table covers every function in both languages")
    void coverage() throws IOException {
        for (String fn : new String[] {"price", "amount", "count", "percent", "digits"}) {
            for (String lang : new String[] {"ko", "en"}) {
                assertThat(cases().filter(c -> c.getString("fn").equals(fn) && c.getString("lang").equals(lang)))
                        .as(fn + " in " + lang).isNotEmpty();
            }
        }
    }

    @Test
    @DisplayName("a missing figure stays missing instead of becoming zero")
    void missing() {
        AmountFormat ko = AmountFormat.of("ko");
        assertThat(ko.price(null, "KRW")).isNull();
        assertThat(ko.amount(null, "KRW")).isNull();
        assertThat(ko.percent(null)).isNull();
    }
}
