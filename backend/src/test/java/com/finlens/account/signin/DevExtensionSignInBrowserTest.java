package com.finlens.account.signin;

import static org.assertj.core.api.Assertions.assertThat;

import com.finlens.testing.ChromiumPerClass;
import com.finlens.testing.SharedApp;
import com.finlens.testing.TestApp;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The extension's local sign-in as Chromium really runs it: the form page's CSP must let the form's 303 redirect
 * reach {@code https://<id>.chromiumapp.org/}, where {@code chrome.identity.launchWebAuthFlow} picks up the tokens.
 */
class DevExtensionSignInBrowserTest {

    private static final String REDIRECT = "https://ddnnmbjcmeigkckpfgccefnenkbkgghf.chromiumapp.org/";

    @RegisterExtension
    static final ChromiumPerClass chromium = new ChromiumPerClass();

    @Test
    @DisplayName("Submitting the development sign-in form lands on the extension's redirect address with working tokens")
    void formRedirectReachesTheExtension() {
        String base = SharedApp.get().baseUrl();
        String url;
        try (BrowserContext context = chromium.browser().newContext()) {
            // Stands in for chrome.identity, which catches the chromiumapp.org address and reads the tokens from it.
            context.route("https://*.chromiumapp.org/**", (Route route) ->
                    route.fulfill(new Route.FulfillOptions().setStatus(200).setContentType("text/html").setBody("ok")));
            Page page = context.newPage();
            page.navigate(base + "/auth/extension/start?redirect_uri="
                    + URLEncoder.encode(REDIRECT, StandardCharsets.UTF_8));
            page.fill("#email", "panel-user@example.com");
            page.click("form[action='/auth/extension/dev'] button");
            page.waitForURL(landed -> landed.startsWith(REDIRECT), new Page.WaitForURLOptions().setTimeout(20_000));
            url = page.url();
        }
        assertThat(url).startsWith(REDIRECT + "#access_token=");
        String accessToken = url.replaceAll(".*#access_token=([^&]+).*", "$1");
        HttpResponse<Buffer> session = TestApp.await(SharedApp.get().client().get("/api/v1/session")
                .putHeader("Authorization", "Bearer " + accessToken).send());
        assertThat(session.bodyAsJsonObject().getBoolean("signedIn")).isTrue();
    }
}
