package com.finlens.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.finlens.integration.llm.SseFixtures;
import com.finlens.testing.Chromium;
import com.finlens.testing.ChromiumPerClass;
import com.finlens.testing.RecordedLlm;
import com.finlens.testing.TestApp;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** An answer written by a language model (a recorded OpenAI stream): its cost and latency on the chat and account pages. */
class ModelUsageBrowserTest {

    @RegisterExtension
    static final ChromiumPerClass chromium = new ChromiumPerClass();

    private static RecordedLlm llm;
    private static TestApp app;

    @BeforeAll
    static void start() {
        llm = new RecordedLlm();
        llm.completions().stream("text/event-stream", SseFixtures.mexico(), Duration.ZERO);
        app = TestApp.start(llm.env(Map.of("FINLENS_DAILY_ANSWER_QUOTA", "1")));
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
        if (llm != null) {
            llm.close();
        }
    }

    @Test
    @DisplayName("A model answer shows its model, time and cost under it; the next one, past the daily quota, says so"
            + " in Korean; the account page counts the answer and lists it with its latency and cost")
    void modelAnswerUsage() {
        String base = app.baseUrl();
        try (BrowserContext context = chromium.browser().newContext(new Browser.NewContextOptions().setLocale("ko-KR"))) {
            Page page = context.newPage();
            Chromium.devSignIn(page, base, "model-usage@example.com");
            page.fill("#question", "What is the capital of Mexico?");
            page.keyboard().press("Enter");
            page.waitForSelector("li.message.assistant[data-status=complete] .usage",
                    new Page.WaitForSelectorOptions().setTimeout(120_000));
            assertThat(page.textContent("li.message.assistant .usage")).matches("모델 \\S+ · \\d+\\.\\d초 · 약 \\$\\d+\\.\\d{4}");

            page.reload();
            assertThat(page.textContent("li.message.assistant .usage")).startsWith("모델 ");

            page.fill("#question", "What is the capital of Mexico?");
            page.keyboard().press("Enter");
            page.waitForSelector("li.message.assistant[data-status=failed] .status-note",
                    new Page.WaitForSelectorOptions().setTimeout(60_000));
            assertThat(page.textContent("li.message.assistant[data-status=failed] .status-note"))
                    .isEqualTo("오늘 사용할 수 있는 답변을 모두 썼습니다. 내일 다시 채워집니다.");

            page.navigate(base + "/account");
            assertThat(page.textContent("p.quota")).isEqualTo("오늘 모델 답변 1회 중 1회를 사용했고 0회 남았습니다.");
            assertThat(page.locator("table.usage-table tbody tr").count()).isEqualTo(1);
            String row = page.textContent("table.usage-table tbody tr");
            assertThat(row).contains("완료").containsPattern("\\d+\\.\\d초").containsPattern("\\$\\d+\\.\\d{4}");
        }
    }
}
