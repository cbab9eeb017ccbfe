package com.finlens.testing;

import com.microsoft.playwright.Browser;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One Chromium for all tests of a class, launched before the first and closed after the last:
 * {@code @RegisterExtension static final ChromiumPerClass chromium = new ChromiumPerClass();}.
 */
public final class ChromiumPerClass implements BeforeAllCallback, AfterAllCallback {

    private Chromium chromium;

    @Override
    public void beforeAll(ExtensionContext context) {
        chromium = Chromium.launch();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (chromium != null) {
            chromium.close();
            chromium = null;
        }
    }

    public Browser browser() {
        return chromium.browser();
    }
}
