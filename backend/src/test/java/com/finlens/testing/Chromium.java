package com.finlens.testing;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Path;
import java.util.List;

/**
 * Headless Debian Chromium driven by Playwright for Java. The browser is the system package (Playwright's own
 * browser download is impossible here); flags keep it off the network.
 */
public final class Chromium implements AutoCloseable {

    private final Playwright playwright;
    private final Browser browser;

    private Chromium(Playwright playwright, Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    public static Chromium launch() {
        Path executable = Tools.require("chromium");
        Playwright playwright = Playwright.create();
        Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(executable)
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync")));
        return new Chromium(playwright, browser);
    }

    /** Collects the page's console errors from now on (a failed script or resource shows up here). */
    public static List<String> consoleErrors(Page page) {
        List<String> errors = new java.util.concurrent.CopyOnWriteArrayList<>();
        page.onConsoleMessage(m -> {
            if (m.type().equals("error")) {
                errors.add(m.text());
            }
        });
        return errors;
    }

    /** Signs in through the development sign-in form and waits for the ask page. */
    public static void devSignIn(Page page, String baseUrl, String email) {
        page.navigate(baseUrl + "/sign-in");
        page.fill("#email", email);
        page.click("form[action='/auth/dev'] button");
        page.waitForURL(baseUrl + "/chat");
    }

    public Browser browser() {
        return browser;
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
