package com.finlens.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.finlens.testing.Chromium;
import com.finlens.testing.ChromiumPerClass;
import com.finlens.testing.SharedApp;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class KnowledgePageBrowserTest {

    @RegisterExtension
    static final ChromiumPerClass chromium = new ChromiumPerClass();

    @Test
    @DisplayName("A person uploads a Korean note, watches it become ready, and finds it by search")
    void uploadAndSearch() {
        String base = SharedApp.get().baseUrl();
        List<String> consoleErrors;
        try (BrowserContext context = chromium.browser().newContext(new Browser.NewContextOptions().setLocale("ko-KR"))) {
            Page page = context.newPage();
            consoleErrors = Chromium.consoleErrors(page);
            Chromium.devSignIn(page, base, "knowledge-page@example.com");

            page.navigate(base + "/knowledge");
            page.setInputFiles("#file", new FilePayload("반도체-메모.txt", "text/plain",
                    "삼성전자의 메모리 반도체 부문은 고대역폭 메모리 수요로 회복했다. 파운드리 부문은 적자가 이어졌다."
                            .getBytes(StandardCharsets.UTF_8)));
            page.click("#upload button[type=submit]");
            page.waitForFunction("() => document.querySelector('#documents tbody td.status.done') !== null", null,
                    new Page.WaitForFunctionOptions().setTimeout(120_000));
            assertThat(page.textContent("#documents tbody")).contains("반도체-메모.txt");

            page.reload();
            page.waitForSelector("#documents tbody td.status.done");

            page.fill("#q", "파운드리 적자");
            page.click("#search button[type=submit]");
            page.waitForSelector("#results li.passage");
            assertThat(page.textContent("#results")).contains("파운드리 부문은 적자가 이어졌다");
        }
        assertThat(consoleErrors).isEmpty();
    }
}
