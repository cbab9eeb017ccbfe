package com.finlens.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.finlens.testing.Chromium;
import com.finlens.testing.TestApp;
import com.finlens.testing.Waits;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The watchlist page in real Chromium against the real app, offline (bundled DART data), polling every second. */
class WatchlistPageBrowserTest {

    private static TestApp app;
    private static Chromium chromium;

    @BeforeAll
    static void start() {
        app = TestApp.start(Map.of("FINLENS_WATCHLIST_POLL_INTERVAL", "1s"));
        chromium = Chromium.launch();
    }

    @AfterAll
    static void stop() {
        if (chromium != null) {
            chromium.close();
        }
        if (app != null) {
            app.close();
        }
    }

    @Test
    @DisplayName("A Korean user adds 삼성전자 by name, sees its filings arrive after a poll, marks them read and removes it,"
            + " all with JavaScript off")
    void followACompany() {
        String base = app.baseUrl();
        List<String> consoleErrors;
        try (BrowserContext context = chromium.browser().newContext(new Browser.NewContextOptions()
                .setLocale("ko-KR").setJavaScriptEnabled(false))) {
            Page page = context.newPage();
            consoleErrors = Chromium.consoleErrors(page);
            page.navigate(base + "/sign-in");
            page.fill("#email", "watch-page@example.com");
            page.click("form[action='/auth/dev'] button");
            page.waitForURL(base + "/chat");

            page.navigate(base + "/watchlist");
            assertThat(page.textContent("h1")).isEqualTo("관심 기업");
            page.fill("#watch-q", "없는회사이름");
            page.click("form[action='/watchlist/add'] button");
            assertThat(page.textContent("p[role=alert]")).contains("없는회사이름").contains("일치하는 기업이 없습니다");

            page.fill("#watch-q", "삼성전자");
            page.click("form[action='/watchlist/add'] button");
            assertThat(page.textContent("ul.watched")).contains("삼성전자").contains("005930");

            Waits.until(Duration.ofSeconds(60), () -> {
                page.reload();
                return page.querySelectorAll("ul.disclosures li.unread").size() == 2;
            });
            String feed = page.textContent("section.feed");
            assertThat(feed).contains("오프라인 자료").contains("읽지 않음 2건").contains("특수관계인과의내부거래");
            assertThat(page.getAttribute("li[data-rcept-no='20240131000326'] a", "href"))
                    .isEqualTo("https://dart.fss.or.kr/dsaf001/main.do?rcpNo=20240131000326");

            page.click("form[action='/watchlist/read'] button");
            page.waitForURL(base + "/watchlist");
            assertThat(page.querySelectorAll("ul.disclosures li")).hasSize(2);
            assertThat(page.querySelectorAll("ul.disclosures li.unread")).isEmpty();
            assertThat(page.textContent("section.feed")).doesNotContain("읽지 않음");

            page.click("ul.watched form button");
            page.waitForURL(base + "/watchlist");
            assertThat(page.textContent("main")).contains("아직 관심 기업이 없습니다");
        }
        assertThat(consoleErrors).isEmpty();
    }

    @Test
    @DisplayName("Search results and the company page offer the watchlist button, and it puts the company on the list")
    void addFromCompanyPage() {
        String base = app.baseUrl();
        try (BrowserContext context = chromium.browser().newContext(new Browser.NewContextOptions().setLocale("en-US"))) {
            Page page = context.newPage();
            Chromium.devSignIn(page, base, "watch-company-page@example.com");
            page.navigate(base + "/companies?q=005930");
            assertThat(page.querySelectorAll("ul.results form[action='/watchlist/add']")).isNotEmpty();
            page.navigate(base + "/companies/005930");
            page.click("form[action='/watchlist/add'] button");
            page.waitForURL(base + "/watchlist");
            assertThat(page.textContent("h1")).isEqualTo("Watchlist");
            assertThat(page.textContent("ul.watched")).contains("삼성전자");
        }
    }
}
