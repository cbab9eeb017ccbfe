package com.finlens.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.finlens.testing.Chromium;
import com.finlens.testing.ChromiumPerClass;
import com.finlens.testing.SharedApp;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.RequestOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every page, rendered in Korean in real Chromium against the real app: no English UI string, no serious or
 * critical axe-core violation, no sideways scrolling at 360 px, and screenshots at 360 px and 1280 px under
 * target/screenshots for review; the findings of every page also go to target/ko-pages-report.txt.
 */
class KoreanPagesBrowserTest {

    @RegisterExtension
    static final ChromiumPerClass chromium = new ChromiumPerClass();

    @Test
    @DisplayName("Every page in Korean shows no English UI text, passes axe-core, fits 360 px and is photographed at"
            + " 360 and 1280 px")
    void everyPageInKorean() throws IOException {
        String base = SharedApp.get().baseUrl();
        EnglishInKorean english = new EnglishInKorean();
        Map<String, List<String>> findings = new LinkedHashMap<>();
        try (BrowserContext context = chromium.browser().newContext(new Browser.NewContextOptions()
                .setLocale("ko-KR").setBypassCSP(true).setViewportSize(1280, 900))) {
            Page page = context.newPage();
            check(page, base + "/", "home", english, findings);
            check(page, base + "/sign-in", "sign-in", english, findings);
            check(page, base + "/auth/extension/start?redirect_uri=" + java.net.URLEncoder.encode(
                    "https://ddnnmbjcmeigkckpfgccefnenkbkgghf.chromiumapp.org/", "UTF-8"), "extension-sign-in", english,
                    findings);

            Chromium.devSignIn(page, base, "ko-pages@example.com");
            long id = conversationWithAnswer(page, base, "삼성전자 주가 알려줘");
            Map<String, String> pages = new LinkedHashMap<>();
            pages.put("chat-empty", "/chat");
            pages.put("chat-answer", "/chat/" + id);
            pages.put("history", "/history");
            pages.put("history-search", "/history?q=" + java.net.URLEncoder.encode("삼성", "UTF-8"));
            pages.put("history-delete", "/history/" + id + "/delete");
            pages.put("account", "/account");
            pages.put("knowledge", "/knowledge");
            pages.put("watchlist", "/watchlist");
            pages.put("error-404", "/chat/999999999");
            pages.put("companies", "/companies");
            pages.put("companies-search", "/companies?q=" + java.net.URLEncoder.encode("삼성", "UTF-8"));
            pages.put("company-005930", "/companies/005930");
            pages.put("company-aapl", "/companies/AAPL");
            for (Map.Entry<String, String> p : pages.entrySet()) {
                check(page, base + p.getValue(), p.getKey(), english, findings);
            }
        }
        StringBuilder report = new StringBuilder();
        findings.forEach((page, problems) -> report.append(page).append(problems.isEmpty() ? ": ok\n" : ":\n  "
                + String.join("\n  ", problems) + "\n"));
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "ko-pages-report.txt"), report);

        assertThat(findings).as(report.toString()).allSatisfy((page, problems) -> assertThat(problems).isEmpty());
    }

    @Test
    @DisplayName("The page checks catch what they look for: an image without text, an unlabelled field, a page wider"
            + " than 360 px")
    void checksCatchProblems() {
        try (BrowserContext context = chromium.browser().newContext(new Browser.NewContextOptions()
                .setViewportSize(360, 780))) {
            Page page = context.newPage();
            page.setContent("<!doctype html><html lang='ko'><head><title>검사</title></head><body><main>"
                    + "<img src='data:image/gif;base64,R0lGODlhAQABAAAAACw='><input type='text'>"
                    + "<table><tr><td>" + "가".repeat(5) + "</td><td style='min-width:900px'>x</td></tr></table>"
                    + "</main></body></html>");
            assertThat(String.join("\n", PageChecks.seriousViolations(page))).contains("image-alt").contains("label");
            assertThat(PageChecks.overflowsHorizontally(page)).isTrue();
        }
    }

    private static void check(Page page, String url, String name, EnglishInKorean english,
                              Map<String, List<String>> findings) {
        List<String> problems = new ArrayList<>();
        page.setViewportSize(1280, 900);
        page.navigate(url);
        page.waitForLoadState();
        if (!"ko".equals(page.getAttribute("html", "lang"))) {
            problems.add("html lang is not ko");
        }
        if (page.locator("main#main").count() != 1) {
            problems.add("no single main#main for the skip link to land on");
        }
        Set<String> words = english.find(PageChecks.audibleText(page));
        if (!words.isEmpty()) {
            problems.add("English UI text: " + words);
        }
        PageChecks.seriousViolations(page).forEach(v -> problems.add("axe " + v));
        PageChecks.screenshot(page, "ko-" + name + "-1280");
        page.setViewportSize(360, 780);
        if (PageChecks.overflowsHorizontally(page)) {
            problems.add("wider than 360 px");
        }
        PageChecks.screenshot(page, "ko-" + name + "-360");
        findings.put(name, problems);
    }

    /** A conversation with one stored answer, asked through the JSON API the page itself uses. */
    static long conversationWithAnswer(Page page, String base, String question) {
        String csrf = page.getAttribute("meta[name=csrf-token]", "content");
        RequestOptions json = RequestOptions.create().setHeader("X-CSRF-Token", csrf)
                .setHeader("Content-Type", "application/json");
        String created = page.request().post(base + "/api/v1/conversations", json.setData("{}")).text();
        long id = new io.vertx.core.json.JsonObject(created).getLong("id");
        // The stream ends once the answer is stored; the first answer after startup may build the directory.
        String stream = page.request().post(base + "/api/v1/conversations/" + id + "/messages",
                RequestOptions.create().setHeader("X-CSRF-Token", csrf).setHeader("Content-Type", "application/json")
                        .setData(new io.vertx.core.json.JsonObject().put("content", question).encode())
                        .setTimeout(120_000)).text();
        assertThat(stream).contains("event: done");
        return id;
    }
}
