package com.finlens.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.finlens.testing.Chromium;
import com.finlens.testing.ChromiumPerClass;
import com.finlens.testing.SharedApp;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The account page in real Chromium: usage and quota, readable sign-ins, inline deletion check, 360 px. */
class AccountPageBrowserTest {

    private static final String WINDOWS_CHROME = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36"
            + " (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

    @RegisterExtension
    static final ChromiumPerClass chromium = new ChromiumPerClass();

    @Test
    @DisplayName("A Korean user sees today's quota, each sign-in as browser · system · time ago, and a wrong"
            + " confirmation email as a message next to the field, all within 360 px")
    void accountPage() {
        String base = SharedApp.get().baseUrl();
        try (BrowserContext context = chromium.browser().newContext(new Browser.NewContextOptions()
                .setLocale("ko-KR").setUserAgent(WINDOWS_CHROME).setViewportSize(360, 780))) {
            Page page = context.newPage();
            Chromium.devSignIn(page, base, "account-page@example.com");
            page.navigate(base + "/account");

            assertThat(page.textContent("p.quota")).matches("오늘 모델 답변 \\d+회 중 0회를 사용했고 \\d+회 남았습니다\\.");
            assertThat(page.textContent("section[aria-labelledby=usage-heading]"))
                    .contains("언어 모델이 작성한 답변이 없습니다");
            assertThat(page.textContent("table.sign-ins .device")).isEqualTo("Chrome · Windows");
            assertThat(page.textContent("table.sign-ins time")).isEqualTo("방금 전");
            assertThat(page.textContent("table.sign-ins")).doesNotContain("Mozilla");
            assertThat(PageChecks.overflowsHorizontally(page)).isFalse();

            page.fill("#confirm", "someone-else@example.com");
            Response response = page.waitForNavigation(() -> page.click("section.danger button"));
            assertThat(response.status()).isEqualTo(400);
            assertThat(page.textContent("h1")).isEqualTo("내 계정");
            assertThat(page.textContent("#confirm-error")).contains("계정 이메일과 다릅니다")
                    .contains("account-page@example.com");
            assertThat(page.getAttribute("#confirm", "aria-invalid")).isEqualTo("true");
            assertThat(page.getAttribute("#confirm", "aria-describedby")).isEqualTo("confirm-error");
        }
    }

    @Test
    @DisplayName("A disabled Send button looks disabled: greyed out with a not-allowed cursor")
    void disabledSendLooksDisabled() {
        String base = SharedApp.get().baseUrl();
        try (BrowserContext context = chromium.browser().newContext()) {
            Page page = context.newPage();
            Chromium.devSignIn(page, base, "disabled-send@example.com");
            String enabled = (String) page.evaluate("() => getComputedStyle(document.getElementById('send')).backgroundColor");
            page.evaluate("() => { document.getElementById('send').disabled = true; }");
            String disabled = (String) page.evaluate("() => getComputedStyle(document.getElementById('send')).backgroundColor");
            assertThat(disabled).isNotEqualTo(enabled);
            assertThat(page.evaluate("() => getComputedStyle(document.getElementById('send')).cursor")).isEqualTo("not-allowed");
        }
    }
}
