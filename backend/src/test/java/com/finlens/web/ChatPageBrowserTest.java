package com.finlens.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.finlens.testing.Chromium;
import com.finlens.testing.ChromiumPerClass;
import com.finlens.testing.SharedApp;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ChatPageBrowserTest {

    @RegisterExtension
    static final ChromiumPerClass chromium = new ChromiumPerClass();

    @Test
    @DisplayName("A person signs in, asks in the browser, watches the answer stream in, and finds it in history")
    void askInBrowser() throws Exception {
        String base = SharedApp.get().baseUrl();
        List<String> consoleErrors;
        try (BrowserContext context = chromium.browser().newContext(new Browser.NewContextOptions().setLocale("en-US"))) {
            Page page = context.newPage();
            consoleErrors = Chromium.consoleErrors(page);
            Chromium.devSignIn(page, base, "browser-user@example.com");

            page.fill("#question", "What is Samsung Electronics' share price?");
            page.click("#send");
            // The first question after startup also builds the company directory and loads the embedding model;
            // on a busy 2-core machine that can take longer than Playwright's 30 s default.
            page.waitForFunction("() => document.querySelector('li.message.assistant')?.dataset.status === 'complete'",
                    null, new Page.WaitForFunctionOptions().setTimeout(120_000));
            assertThat(page.textContent("li.message.user .content"))
                    .isEqualTo("What is Samsung Electronics' share price?");
            // The answer is Markdown rendered through the sanitiser, with its citation markers and sources.
            assertThat(page.textContent("li.message.assistant .content")).contains("삼성전자").contains("[S1]");
            assertThat(page.locator("li.message.assistant .sources li").count()).isPositive();
            assertThat(page.url()).matches(".*/chat/\\d+");

            Path shot = Files.createDirectories(Path.of("target", "screenshots")).resolve("chat.png");
            page.screenshot(new Page.ScreenshotOptions().setPath(shot).setFullPage(true));

            page.navigate(base + "/history");
            assertThat(page.textContent("ul.history")).contains("What is Samsung Electronics' share price?");
            page.click("ul.history a");
            assertThat(page.textContent("li.message.assistant .content")).contains("삼성전자").contains("[S1]");
        }
        assertThat(consoleErrors).isEmpty();
    }

    @Test
    @DisplayName("An ambiguous company name is answered with a choice; clicking a candidate answers the same question about that company")
    void choosesACompany() {
        String base = SharedApp.get().baseUrl();
        List<String> consoleErrors;
        try (BrowserContext context = chromium.browser().newContext(new Browser.NewContextOptions().setLocale("ko-KR"))) {
            Page page = context.newPage();
            consoleErrors = Chromium.consoleErrors(page);
            Chromium.devSignIn(page, base, "browser-chooser@example.com");

            page.fill("#question", "TPC 주가 알려줘");
            page.click("#send");
            page.click("li.message.assistant .choices button:has-text('티피씨글로벌')",
                    new Page.ClickOptions().setTimeout(120_000));
            page.waitForFunction("() => document.querySelectorAll('li.message.assistant[data-status=complete]').length === 2",
                    null, new Page.WaitForFunctionOptions().setTimeout(60_000));

            assertThat(page.locator("li.message.user .content").allTextContents())
                    .containsExactly("TPC 주가 알려줘", "TPC 주가 알려줘");
            String answer = page.locator("li.message.assistant .content").nth(1).textContent();
            assertThat(answer).contains("티피씨글로벌").contains("[S1]");
            assertThat(page.locator("li.message.assistant").nth(1).locator(".choices").count()).isZero();
        }
        assertThat(consoleErrors).isEmpty();
    }

    @Test
    @DisplayName("In Korean, an empty chat suggests questions; Enter sends (never mid-composition, Shift+Enter breaks"
            + " the line); the answer streams in; a citation scrolls to its source; the company goes on the watchlist;"
            + " retry asks again")
    void koreanEnterCitationWatchRetry() {
        String base = SharedApp.get().baseUrl();
        List<String> consoleErrors;
        try (BrowserContext context = chromium.browser().newContext(new Browser.NewContextOptions().setLocale("ko-KR"))) {
            Page page = context.newPage();
            consoleErrors = Chromium.consoleErrors(page);
            Chromium.devSignIn(page, base, "browser-enter@example.com");

            assertThat(page.locator("#suggestions a.suggestion").allTextContents()).contains("삼성전자 주가 알려줘");
            assertThat(page.textContent("#ask-hint")).contains("Enter").contains("Shift+Enter");

            page.focus("#question");
            page.keyboard().type("삼성전자");
            page.keyboard().press("Shift+Enter");
            page.keyboard().type("주가 알려줘");
            assertThat(page.inputValue("#question")).isEqualTo("삼성전자\n주가 알려줘");
            // An IME still composing a syllable gets the Enter that confirms it: that Enter must not send.
            page.evaluate("() => document.getElementById('question').dispatchEvent(new KeyboardEvent('keydown',"
                    + " { key: 'Enter', keyCode: 229, isComposing: true, bubbles: true, cancelable: true }))");
            assertThat(page.locator("li.message").count()).isZero();
            page.fill("#question", "삼성전자 주가 알려줘");
            page.keyboard().press("Enter");
            page.waitForFunction("() => document.querySelector('li.message.assistant')?.dataset.status === 'complete'",
                    null, new Page.WaitForFunctionOptions().setTimeout(120_000));
            assertThat(page.textContent("li.message.user .content")).isEqualTo("삼성전자 주가 알려줘");
            assertThat(page.locator("#suggestions").count()).isZero();
            assertThat(page.getAttribute("li.message.assistant", "aria-busy")).isNull();

            page.click("li.message.assistant .content a.cite-link");
            String target = page.getAttribute("li.message.assistant .content a.cite-link", "href").substring(1);
            assertThat(page.getAttribute("[id='" + target + "']", "class")).contains("highlight");
            assertThat(page.evaluate("() => document.activeElement.id")).isEqualTo(target);

            page.click("li.message.assistant .watch button:has-text('삼성전자')");
            assertThat(page.textContent("li.message.assistant .watch .watched")).contains("삼성전자");
            assertThat(page.request().get(base + "/api/v1/watchlist").text()).contains("005930");

            page.click("li.message.assistant .message-tools button.retry");
            page.waitForFunction("() => document.querySelectorAll('li.message.assistant[data-status=complete]').length === 2",
                    null, new Page.WaitForFunctionOptions().setTimeout(60_000));
            assertThat(page.locator("li.message.user .content").allTextContents())
                    .containsExactly("삼성전자 주가 알려줘", "삼성전자 주가 알려줘");

            page.click("#new-chat");
            page.waitForURL(base + "/chat");
            assertThat(page.locator("li.message").count()).isZero();
        }
        assertThat(consoleErrors).isEmpty();
    }

    @Test
    @DisplayName("Keyboard only: the skip link leads into the page, every focused control shows a focus ring, a"
            + " question is asked with Enter and a citation is followed with Enter")
    void keyboardOnly() {
        String base = SharedApp.get().baseUrl();
        try (BrowserContext context = chromium.browser().newContext(new Browser.NewContextOptions().setLocale("ko-KR"))) {
            Page page = context.newPage();
            Chromium.devSignIn(page, base, "keyboard-only@example.com");
            page.navigate(base + "/chat");

            page.keyboard().press("Tab");
            assertThat(page.evaluate("() => document.activeElement.className")).isEqualTo("skip-link");
            assertThat(focusRing(page)).isTrue();
            page.keyboard().press("Enter");
            page.keyboard().press("Tab");
            assertThat(page.evaluate("() => document.activeElement.id")).isEqualTo("new-chat");
            assertThat(focusRing(page)).isTrue();

            tabUntil(page, "document.activeElement.id === 'question'");
            assertThat(focusRing(page)).isTrue();
            page.keyboard().type("삼성전자 주가 알려줘");
            page.keyboard().press("Enter");
            page.waitForFunction("() => document.querySelector('li.message.assistant')?.dataset.status === 'complete'",
                    null, new Page.WaitForFunctionOptions().setTimeout(120_000));

            page.evaluate("() => document.activeElement.blur()");
            tabUntil(page, "document.activeElement.classList.contains('cite-link')");
            assertThat(focusRing(page)).isTrue();
            page.keyboard().press("Enter");
            assertThat((String) page.evaluate("() => document.activeElement.className")).contains("highlight");
        }
    }

    /** The focused element draws a visible outline (the :focus-visible ring), not the browser's none. */
    private static boolean focusRing(Page page) {
        return Boolean.TRUE.equals(page.evaluate("() => { const s = getComputedStyle(document.activeElement);"
                + " return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2; }"));
    }

    private static void tabUntil(Page page, String condition) {
        for (int i = 0; i < 40; i++) {
            if (Boolean.TRUE.equals(page.evaluate("() => " + condition))) {
                return;
            }
            page.keyboard().press("Tab");
        }
        throw new AssertionError("Tab never reached: " + condition);
    }

    @Test
    @DisplayName("The interface switches to Korean and remembers the choice")
    void koreanInterface() {
        String base = SharedApp.get().baseUrl();
        try (BrowserContext context = chromium.browser().newContext()) {
            Page page = context.newPage();
            page.navigate(base + "/?lang=ko");
            assertThat(page.textContent("h1")).contains("출처를 확인할 수 있는");
            page.navigate(base + "/sign-in");
            assertThat(page.textContent("h1")).isEqualTo("로그인");
            assertThat(page.getAttribute("html", "lang")).isEqualTo("ko");
        }
    }
}
