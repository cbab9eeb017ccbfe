package com.finlens.web;

import com.microsoft.playwright.Page;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the cross-page browser tests look at on a page: the text a person sees or hears (visible text, plus
 * placeholders, labels and titles), axe-core's serious and critical violations, horizontal overflow, and
 * screenshots under target/screenshots for review. axe-core comes from web-templates/node_modules (npm ci runs
 * before the tests) and is injected into the page, so the browser context must bypass the page's CSP.
 */
final class PageChecks {

    private static final Path AXE = Path.of("..", "web-templates", "node_modules", "axe-core", "axe.min.js");
    private static final Path SHOTS = Path.of("target", "screenshots");

    private PageChecks() {
    }

    /** Visible text and the attributes assistive technology reads out, one string. */
    static String audibleText(Page page) {
        return (String) page.evaluate("() => {"
                + " const attrs = [...document.querySelectorAll('[placeholder],[aria-label],[title],img[alt]')]"
                + "   .map(e => [e.getAttribute('placeholder'), e.getAttribute('aria-label'), e.getAttribute('title'),"
                + "     e.getAttribute('alt')].filter(Boolean).join(' '));"
                + " let text = document.body.innerText;"
                // Reference numbers and other codes are data, not UI text.
                + " for (const code of document.querySelectorAll('code')) text = text.replace(code.innerText, ' ');"
                + " return document.title + '\\n' + text + '\\n' + attrs.join('\\n'); }");
    }

    /** axe-core's violations of impact serious or critical, one line each (rule, impact, first elements). */
    @SuppressWarnings("unchecked")
    static List<String> seriousViolations(Page page) {
        try {
            if (!Boolean.TRUE.equals(page.evaluate("() => typeof window.axe !== 'undefined'"))) {
                page.addScriptTag(new Page.AddScriptTagOptions().setContent(Files.readString(AXE)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("axe-core is missing: run npm ci in web-templates", e);
        }
        Map<String, Object> result = (Map<String, Object>) page.evaluate("async () => {"
                + " const r = await axe.run(document, { resultTypes: ['violations'] });"
                + " return { rules: r.passes.length + r.violations.length + r.incomplete.length,"
                + "   violations: r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')"
                + "   .map(v => ({ id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', ') })) }; }");
        if (((Number) result.get("rules")).intValue() == 0) {
            throw new IllegalStateException("axe-core checked no rule on " + page.url());
        }
        List<Map<String, Object>> found = (List<Map<String, Object>>) result.get("violations");
        List<String> lines = new ArrayList<>();
        for (Map<String, Object> v : found) {
            lines.add(v.get("id") + " (" + v.get("impact") + "): " + v.get("nodes"));
        }
        return lines;
    }

    /** True when the page is wider than the window (a table or a long word pushes it sideways). */
    static boolean overflowsHorizontally(Page page) {
        return Boolean.TRUE.equals(page.evaluate(
                "() => document.documentElement.scrollWidth > document.documentElement.clientWidth + 1"));
    }

    static void screenshot(Page page, String name) {
        try {
            Files.createDirectories(SHOTS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve(name + ".png")).setFullPage(true));
    }
}
