package com.finlens.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.finlens.testing.Chromium;
import com.finlens.testing.ChromiumPerClass;
import com.finlens.testing.SharedApp;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.options.BoundingBox;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The company page's price chart in real Chromium against the real app on its embedded defaults (bundled data):
 * the axes a reader sees (dates, prices in the page's currency format), the crosshair tooltip, the ranges, and
 * the empty state. Axis labels are drawn on a canvas; the chart keeps each label it asked the page to write.
 */
class CompanyChartBrowserTest {

    private static final String DRAWN = "#price-chart[data-state='drawn']";

    @RegisterExtension
    static final ChromiumPerClass chromium = new ChromiumPerClass();

    @Test
    @DisplayName("Apple's chart in English has dollar price labels and dates, a tooltip under the mouse, and switches"
            + " ranges; five years says where the bundled data starts")
    void appleInEnglish() {
        try (BrowserContext context = chromium.browser().newContext(new Browser.NewContextOptions().setLocale("en-US"))) {
            Page page = context.newPage();
            List<String> errors = Chromium.consoleErrors(page);
            open(page, "chart-en@example.com", "/companies/AAPL?lang=en", DRAWN);

            assertThat(labels(page, "prices")).isNotEmpty().allMatch(l -> l.matches("\\$\\d{1,3}(,\\d{3})*\\.\\d{2}"));
            assertThat(labels(page, "dates")).isNotEmpty()
                    .allMatch(l -> l.matches("(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)( \\d{1,2})?|\\d{4}"));
            assertThat(page.getAttribute(".chart-frame", "aria-label")).startsWith("Closing prices, ")
                    .contains("last close $269.70");

            hoverMiddle(page);
            assertThat(page.textContent(".chart-tooltip")).containsPattern("Close \\$\\d+\\.\\d{2}").contains("Volume ");

            page.click(".chart-range[data-range='1M']");
            page.waitForSelector("#price-chart[data-range='1M'][data-state='drawn']");
            assertThat(page.getAttribute(".chart-range[data-range='1M']", "aria-pressed")).isEqualTo("true");
            assertThat(page.isVisible(".chart-note")).isFalse();

            page.click(".chart-range[data-range='5Y']");
            page.waitForSelector("#price-chart[data-range='5Y'][data-state='drawn']");
            assertThat(page.textContent(".chart-note")).startsWith("The data for this range starts on ");
            assertThat(errors).isEmpty();
        }
    }

    @Test
    @DisplayName("삼성전자's chart in Korean writes prices in 원 and Korean dates, and its tooltip names 종가 and 거래량")
    void samsungInKorean() {
        try (BrowserContext context = chromium.browser().newContext(new Browser.NewContextOptions().setLocale("ko-KR"))) {
            Page page = context.newPage();
            List<String> errors = Chromium.consoleErrors(page);
            open(page, "chart-ko@example.com", "/companies/005930?lang=ko", DRAWN);

            assertThat(labels(page, "prices")).isNotEmpty().allMatch(l -> l.matches("\\d{1,3}(,\\d{3})*원"));
            assertThat(labels(page, "dates")).isNotEmpty().allMatch(l -> l.matches("\\d{1,2}\\.\\d{1,2}|\\d{1,2}월|\\d{4}년"));
            assertThat(page.textContent(".chart-ranges")).contains("1개월").contains("3개월").contains("5년");

            hoverMiddle(page);
            assertThat(page.textContent(".chart-tooltip")).containsPattern("종가 \\d{1,3}(,\\d{3})*원")
                    .containsPattern("거래량 [\\d,]+만");

            page.click(".chart-range[data-range='1Y']");
            page.waitForSelector("#price-chart[data-range='1Y'][data-state='drawn']");
            assertThat(errors).isEmpty();
        }
    }

    @Test
    @DisplayName("While its prices are still on the way, the chart is already an image with a name, which becomes the"
            + " summary of the closes once they are drawn")
    void namedWhileLoading() {
        String base = SharedApp.get().baseUrl();
        try (BrowserContext context = chromium.browser().newContext(new Browser.NewContextOptions().setLocale("ko-KR"))) {
            Page page = context.newPage();
            Chromium.devSignIn(page, base, "chart-loading@example.com");
            List<Route> held = new CopyOnWriteArrayList<>();
            page.route("**/api/v1/companies/005930/prices?**", held::add);
            page.navigate(base + "/companies/005930?lang=ko");
            page.waitForSelector("#price-chart[data-state='loading']");

            assertThat(page.getAttribute(".chart-frame", "role")).isEqualTo("img");
            assertThat(page.getAttribute(".chart-frame", "aria-label")).isEqualTo("종가 차트를 불러오는 중…");

            // Route handlers run while Playwright dispatches, so wait through the page rather than by polling.
            page.waitForCondition(() -> !held.isEmpty());
            held.forEach(Route::resume);
            page.waitForSelector(DRAWN);
            assertThat(page.getAttribute(".chart-frame", "aria-label")).startsWith("종가 차트, ").contains("최근 종가 ");
        }
    }

    @Test
    @DisplayName("A company the bundled data has no prices for gets an empty chart that says why")
    void emptyState() {
        try (BrowserContext context = chromium.browser().newContext(new Browser.NewContextOptions().setLocale("ko-KR"))) {
            Page page = context.newPage();
            open(page, "chart-empty@example.com", "/companies/MSFT?lang=ko", "#price-chart[data-state='empty']");
            assertThat(page.textContent(".chart-empty")).startsWith("오프라인 자료에 이 기간(").contains("의 주가가 없습니다");
            assertThat(page.isVisible(".chart-frame")).isFalse();
        }
    }

    @Test
    @DisplayName("An answer about a share price in the chat carries the same chart, ending on the answer's last day,"
            + " and draws it again with its axes when the conversation is reloaded")
    void chartInAnswer() {
        String base = SharedApp.get().baseUrl();
        try (BrowserContext context = chromium.browser().newContext(new Browser.NewContextOptions().setLocale("ko-KR"))) {
            Page page = context.newPage();
            List<String> errors = Chromium.consoleErrors(page);
            Chromium.devSignIn(page, base, "chart-chat@example.com");
            page.fill("#question", "삼성전자 주가 알려줘");
            page.click("#send");
            // The first answer after startup may load the embedding model: allow more than Playwright's 30 s.
            page.waitForSelector("li.message.assistant .price-chart[data-state='drawn']",
                    new Page.WaitForSelectorOptions().setTimeout(120_000));
            assertThat(labels(page, "li.message.assistant .price-chart", "prices")).isNotEmpty()
                    .allMatch(l -> l.matches("\\d{1,3}(,\\d{3})*원"));
            assertThat(page.textContent("li.message.assistant .chart-ranges")).contains("3개월");

            // Stored with the answer: the conversation page, loaded anew, draws the same chart with its axes.
            page.waitForSelector("li.message.assistant[data-status='complete']");
            page.navigate(page.url());
            page.waitForSelector("li.message.assistant .price-chart[data-state='drawn']");
            assertThat(page.url()).matches(".*/chat/\\d+");
            assertThat(labels(page, "li.message.assistant .price-chart", "prices")).isNotEmpty()
                    .allMatch(l -> l.matches("\\d{1,3}(,\\d{3})*원"));
            assertThat(labels(page, "li.message.assistant .price-chart", "dates")).isNotEmpty()
                    .allMatch(l -> l.matches("\\d{1,2}\\.\\d{1,2}|\\d{1,2}월|\\d{4}년"));
            assertThat(page.locator("li.message.assistant .price-chart").count()).isEqualTo(1);
            assertThat(errors).isEmpty();
        }
    }

    /** Signs in, opens a company page and waits for its chart to reach the given state. */
    private static void open(Page page, String email, String path, String chartState) {
        String base = SharedApp.get().baseUrl();
        Chromium.devSignIn(page, base, email);
        page.navigate(base + path);
        page.waitForSelector(chartState);
    }

    private static List<String> labels(Page page, String axis) {
        return labels(page, "#price-chart", axis);
    }

    @SuppressWarnings("unchecked")
    private static List<String> labels(Page page, String chart, String axis) {
        return (List<String>) page.evaluate("([chart, axis]) => [...document.querySelector(chart).axisLabels[axis]]",
                List.of(chart, axis));
    }

    private static void hoverMiddle(Page page) {
        BoundingBox box = page.locator(".chart-frame").boundingBox();
        page.mouse().move(box.x + box.width / 2, box.y + box.height / 2);
        page.mouse().move(box.x + box.width / 2 + 5, box.y + box.height / 2);
        page.waitForSelector(".chart-tooltip:not([hidden])");
    }
}
