package com.finlens.market.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.finlens.testing.SharedApp;
import com.finlens.testing.TestApp;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CompanyPagesTest {

    @Test
    @DisplayName("A Korean company page shows its codes, a price chart from the offline data and statements, each with its source")
    void koreanCompany() {
        TestApp.Browser user = SharedApp.newUser();
        HttpResponse<Buffer> page = user.get("/companies/005930");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.bodyAsString()).contains("삼성전자").contains("00126380")
                .contains("<polyline").contains("yfinance export, dividend-adjusted prices")
                .contains("매출액").contains("fnlttSinglAcnt");
    }

    @Test
    @DisplayName("A US company page draws its closing prices as a chart")
    void usCompanyChart() {
        String body = SharedApp.newUser().get("/companies/AAPL").bodyAsString();
        assertThat(body).contains("Apple").contains("<polyline").contains("points=\"0.0,");
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
}
