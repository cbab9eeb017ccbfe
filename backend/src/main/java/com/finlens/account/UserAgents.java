package com.finlens.account;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The browser and operating system a person recognises ("Chrome", "Windows") from a User-Agent header, for the
 * sessions table. Rules are tried in order: browsers that announce themselves as Chrome or Safari too (Edge,
 * Opera, Samsung Internet, Whale) come before the ones they imitate, Android before Linux, iOS before macOS.
 */
public final class UserAgents {

    /** What the sessions table shows; null parts were not recognised. */
    public record Summary(String browser, String system) {
    }

    private record Rule(Pattern pattern, String name) {
        static Rule of(String regex, String name) {
            return new Rule(Pattern.compile(regex), name);
        }
    }

    private static final List<Rule> BROWSERS = List.of(
            Rule.of("Edg(e|A|iOS)?/", "Edge"),
            Rule.of("OPR/|Opera", "Opera"),
            Rule.of("SamsungBrowser/", "Samsung Internet"),
            Rule.of("Whale/", "Whale"),
            Rule.of("Firefox/|FxiOS/", "Firefox"),
            Rule.of("Chrome/|CriOS/|Chromium/", "Chrome"),
            Rule.of("Version/[\\d.]+.*Safari/", "Safari"),
            Rule.of("^Java-http-client|^Vert\\.x", "API client"),
            Rule.of("^curl/", "curl"));

    private static final List<Rule> SYSTEMS = List.of(
            Rule.of("Windows NT|Windows Phone", "Windows"),
            Rule.of("Android", "Android"),
            Rule.of("iPhone|iPad|iPod", "iOS"),
            Rule.of("CrOS", "ChromeOS"),
            Rule.of("Macintosh|Mac OS X", "macOS"),
            Rule.of("Linux|X11", "Linux"));

    private UserAgents() {
    }

    public static Summary summarize(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return new Summary(null, null);
        }
        return new Summary(first(BROWSERS, userAgent), first(SYSTEMS, userAgent));
    }

    private static String first(List<Rule> rules, String userAgent) {
        return rules.stream().filter(r -> r.pattern().matcher(userAgent).find()).map(Rule::name).findFirst()
                .orElse(null);
    }
}
