package com.finlens.account.signin;

import static org.assertj.core.api.Assertions.assertThat;

import com.finlens.testing.TestApp;
import com.finlens.testing.Tools;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The extension's Google sign-in as a user runs it: the unpacked extension in Chromium, its panel's button running
 * {@code chrome.identity.launchWebAuthFlow} through the backend and a real OpenID Connect server standing in for
 * Google (mock-oauth2-server, {@link GoogleTestBed}), until the panel is signed in with working tokens.
 */
class ExtensionGoogleSignInBrowserTest {

    private static final Path EXTENSION = Path.of("..", "extension").toAbsolutePath().normalize();
    private static final String PANEL = "chrome-extension://" + GoogleTestBed.EXTENSION_ID + "/sidepanel/index.html";

    private static GoogleTestBed bed;
    private static Playwright playwright;
    private static BrowserContext browser;
    private static Path profile;

    @BeforeAll
    static void start() throws IOException {
        Path chromium = Tools.require("chromium");
        // The browser follows the redirects for real, so the public address must be where the app listens.
        int port = freePort();
        bed = new GoogleTestBed(Map.of("FINLENS_PORT", Integer.toString(port),
                "FINLENS_PUBLIC_URL", "http://127.0.0.1:" + port));
        profile = Files.createTempDirectory("finlens-ext-google-");
        playwright = Playwright.create();
        browser = playwright.chromium().launchPersistentContext(profile, new BrowserType.LaunchPersistentContextOptions()
                .setExecutablePath(chromium)
                .setHeadless(true)
                .setArgs(List.of("--disable-extensions-except=" + EXTENSION, "--load-extension=" + EXTENSION,
                        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync")));
    }

    /** A free port below the kernel's ephemeral range, so no "port 0" bind of the app itself can take it first. */
    private static int freePort() throws IOException {
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = 20_000 + ThreadLocalRandom.current().nextInt(12_000);
            try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                return socket.getLocalPort();
            } catch (IOException taken) {
                // try another
            }
        }
        throw new IOException("no free port in 20000-31999 on 127.0.0.1");
    }

    @AfterAll
    static void stop() throws IOException {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
        if (bed != null) {
            bed.close();
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    @DisplayName("The panel offers Google sign-in on a server with a Google client, and signing in through"
            + " chrome.identity and the OpenID Connect server ends in a signed-in panel with working tokens")
    void googleSignInThroughThePanel() {
        String subject = "ext-google-" + System.nanoTime();
        bed.nextUser(subject, "ext-google@example.com");
        Page panel = browser.newPage();
        panel.navigate(PANEL);
        panel.evaluate("apiBase => chrome.storage.sync.set({'finlens.settings': {version: 1, apiBase}})",
                bed.app.baseUrl());
        panel.reload();
        Locator button = panel.locator("#sign-in", new Page.LocatorOptions().setHasText("Sign in with Google"));
        button.waitFor();

        button.click();
        panel.locator("#signed-in-view").waitFor(new Locator.WaitForOptions().setTimeout(30_000));

        String accessToken = (String) panel.evaluate(
                "async () => (await chrome.storage.local.get('finlens.auth'))['finlens.auth'].accessToken");
        HttpResponse<Buffer> session = TestApp.await(bed.app.client().get("/api/v1/session")
                .putHeader("Authorization", "Bearer " + accessToken).send());
        JsonObject body = session.bodyAsJsonObject();
        assertThat(body.getBoolean("signedIn")).isTrue();
        assertThat(bed.usersWithSubject(subject)).as("the Google account became a Finlens user").isEqualTo(1);
    }
}
