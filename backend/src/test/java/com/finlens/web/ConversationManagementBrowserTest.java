package com.finlens.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.finlens.testing.Chromium;
import com.finlens.testing.ChromiumPerClass;
import com.finlens.testing.SharedApp;
import com.finlens.testing.Waits;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** History search, rename and delete, sign-in from a deep link, and asking with JavaScript off, in real Chromium. */
class ConversationManagementBrowserTest {

    @RegisterExtension
    static final ChromiumPerClass chromium = new ChromiumPerClass();

    @Test
    @DisplayName("A Korean user renames a conversation, finds it by its new title and by a word of its answer, and"
            + " deletes it after confirming")
    void renameSearchDelete() {
        String base = SharedApp.get().baseUrl();
        List<String> consoleErrors;
        try (BrowserContext context = chromium.browser().newContext(new Browser.NewContextOptions().setLocale("ko-KR"))) {
            Page page = context.newPage();
            consoleErrors = Chromium.consoleErrors(page);
            Chromium.devSignIn(page, base, "history-manager@example.com");
            long asked = KoreanPagesBrowserTest.conversationWithAnswer(page, base, "삼성전자 주가 알려줘");
            long other = KoreanPagesBrowserTest.conversationWithAnswer(page, base, "애플 최근 종가는?");

            page.navigate(base + "/history");
            String row = "ul.history li:has(a[href='/chat/" + asked + "'])";
            page.click(row + " details.rename summary");
            page.fill("#title-" + asked, "반도체 메모");
            page.click(row + " form.rename-form button");
            page.waitForURL(base + "/history");
            assertThat(page.textContent("a[href='/chat/" + asked + "']")).isEqualTo("반도체 메모");

            page.fill("#history-q", "반도체");
            page.click("form.history-search button");
            assertThat(page.locator("ul.history a.history-title").allTextContents()).containsExactly("반도체 메모");
            // A word that is only in the stored answer about 삼성전자, in no title
            page.navigate(base + "/history?q=" + URLEncoder.encode("yfinance", StandardCharsets.UTF_8));
            assertThat(page.locator("ul.history a.history-title").allTextContents()).containsExactly("반도체 메모");
            page.navigate(base + "/history?q=" + URLEncoder.encode("100%_없는말", StandardCharsets.UTF_8));
            assertThat(page.textContent("main")).contains("대화가 없습니다");

            page.navigate(base + "/history");
            page.click(row + " a.delete-link");
            assertThat(page.textContent("h1")).isEqualTo("이 대화를 삭제할까요?");
            page.click("a:has-text('취소')");
            assertThat(page.locator(row).count()).isEqualTo(1);
            page.click(row + " a.delete-link");
            page.click("form.confirm-actions button");
            page.waitForURL(base + "/history?deleted=1");
            assertThat(page.textContent("p.notice")).isEqualTo("대화를 삭제했습니다.");
            assertThat(page.locator(row).count()).isZero();
            assertThat(page.locator("a[href='/chat/" + other + "']").count()).isEqualTo(1);
            assertThat(consoleErrors).isEmpty();
            assertThat(page.navigate(base + "/chat/" + asked).status()).isEqualTo(404);
        }
    }

    @Test
    @DisplayName("Opening /chat/{id} signed out goes through sign-in and lands on that conversation; another origin"
            + " as next is ignored")
    void deepLinkSignIn() {
        String base = SharedApp.get().baseUrl();
        long id;
        try (BrowserContext owner = chromium.browser().newContext()) {
            Page page = owner.newPage();
            Chromium.devSignIn(page, base, "deep-link@example.com");
            id = KoreanPagesBrowserTest.conversationWithAnswer(page, base, "삼성전자 주가 알려줘");
        }
        try (BrowserContext context = chromium.browser().newContext(new Browser.NewContextOptions().setLocale("ko-KR"))) {
            Page page = context.newPage();
            page.navigate(base + "/chat/" + id + "?from=mail");
            assertThat(page.url()).isEqualTo(base + "/sign-in?next=" + URLEncoder.encode("/chat/" + id + "?from=mail",
                    StandardCharsets.UTF_8));
            page.fill("#email", "deep-link@example.com");
            page.click("form[action='/auth/dev'] button");
            page.waitForURL(base + "/chat/" + id + "?from=mail");
            assertThat(page.textContent("li.message.user .content")).isEqualTo("삼성전자 주가 알려줘");
        }
        try (BrowserContext context = chromium.browser().newContext()) {
            Page page = context.newPage();
            page.navigate(base + "/sign-in?next=" + URLEncoder.encode("//evil.example/x", StandardCharsets.UTF_8));
            page.fill("#email", "deep-link-evil@example.com");
            page.click("form[action='/auth/dev'] button");
            page.waitForURL(base + "/chat");
        }
    }

    @Test
    @DisplayName("With JavaScript off, asking posts the form, lands on the new conversation and the answer is there"
            + " on reload")
    void askWithoutJavaScript() {
        String base = SharedApp.get().baseUrl();
        try (BrowserContext context = chromium.browser().newContext(new Browser.NewContextOptions()
                .setLocale("ko-KR").setJavaScriptEnabled(false))) {
            Page page = context.newPage();
            Chromium.devSignIn(page, base, "no-script@example.com");
            page.click("#suggestions a.suggestion:has-text('삼성전자 주가 알려줘')");
            assertThat(page.inputValue("#question")).isEqualTo("삼성전자 주가 알려줘");
            page.click("#send");
            page.waitForURL(url -> url.matches(".*/chat/\\d+"));
            assertThat(page.textContent("li.message.user .content")).isEqualTo("삼성전자 주가 알려줘");
            Waits.until(Duration.ofSeconds(120), () -> {
                page.reload();
                return "complete".equals(page.getAttribute("li.message.assistant", "data-status"));
            });
            assertThat(page.textContent("li.message.assistant .content")).contains("삼성전자").contains("[S1]");
            assertThat(page.locator("li.message.assistant .sources li").count()).isPositive();

            // A second question in the same conversation keeps to it
            String conversation = page.url();
            page.fill("#question", "애플 최근 종가는?");
            page.click("#send");
            page.waitForURL(conversation);
            assertThat(page.locator("li.message.user .content").allTextContents())
                    .containsExactly("삼성전자 주가 알려줘", "애플 최근 종가는?");

            // The same conversation with JavaScript on shows the second answer once stored, without a manual reload.
            try (BrowserContext withScript = chromium.browser().newContext(new Browser.NewContextOptions()
                    .setLocale("ko-KR"))) {
                Page live = withScript.newPage();
                Chromium.devSignIn(live, base, "no-script@example.com");
                live.navigate(conversation);
                live.waitForFunction("() => document.querySelectorAll('li.message.assistant[data-status=complete]')"
                        + ".length === 2", null, new Page.WaitForFunctionOptions().setTimeout(120_000));
                assertThat(live.textContent("li.message.assistant:last-child .content")).contains("Apple");
            }
        }
    }
}
