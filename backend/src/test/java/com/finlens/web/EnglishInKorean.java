package com.finlens.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds English UI text on a page rendered in Korean. Every Latin word of the page's visible text must be one the
 * Korean bundle itself uses ("Finlens", "Google", "Enter"), a name on the allow-list (brands, data sources, market
 * names, units), a ticker-like code of capitals and digits, or part of an email address or URL. So "Knowledge
 * base", "chunk 1", "(annual)", "Total revenue", "bundled snapshot recorded" and any English sentence a backend
 * error carries are caught, while "삼성전자 (005930, KOSPI)" and "AAPL" pass.
 */
final class EnglishInKorean {

    /** Names that stay as they are in Korean text: brands, data sources, markets, formats, units. */
    private static final Set<String> NAMES = Set.of(
            "finlens", "google", "chrome", "windows", "macos", "linux", "android", "ios", "chromeos", "edge", "firefox",
            "safari", "opera", "samsung", "internet", "whale", "dart", "krx", "yahoo", "finance", "yfinance", "pykrx",
            "open", "api", "json", "pdf", "html", "markdown", "url", "utc", "kospi", "kosdaq", "konex", "nasdaq", "nyse",
            "krw", "usd", "inc", "corp", "co", "ltd", "plc", "english", "gpt", "openai", "llm", "weaviate", "shift",
            "enter", "ctrl", "curl", "client", "swagger", "ui", "sk", "lg", "cj", "gs", "kb", "nh", "kt", "naver",
            "apple", "microsoft", "nvidia", "tesla", "amazon", "alphabet");
    private static final Pattern WORD = Pattern.compile("[A-Za-z][A-Za-z'’]*");
    private static final Pattern SKIPPED = Pattern.compile(
            "[\\w.+-]+@[\\w-]+(\\.[\\w-]+)+|https?://\\S+|\\b[\\w-]+(\\.[\\w-]+)+/\\S*");
    private static final Pattern CODE = Pattern.compile("[A-Z0-9.&-]{1,12}");

    private final Set<String> allowed = new LinkedHashSet<>(NAMES);

    EnglishInKorean() {
        Properties ko = new Properties();
        try (InputStream in = EnglishInKorean.class.getClassLoader()
                .getResourceAsStream("templates/i18n/messages_ko.properties")) {
            ko.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String key : ko.stringPropertyNames()) {
            Matcher m = WORD.matcher(ko.getProperty(key));
            while (m.find()) {
                allowed.add(m.group().toLowerCase(Locale.ROOT));
            }
        }
    }

    /** The English words of {@code visibleText} that no Korean page should show, in order of appearance. */
    Set<String> find(String visibleText) {
        Set<String> found = new LinkedHashSet<>();
        Matcher m = WORD.matcher(SKIPPED.matcher(visibleText).replaceAll(" "));
        while (m.find()) {
            String word = m.group();
            if (!CODE.matcher(word).matches() && !allowed.contains(word.toLowerCase(Locale.ROOT))) {
                found.add(word);
            }
        }
        return found;
    }
}
