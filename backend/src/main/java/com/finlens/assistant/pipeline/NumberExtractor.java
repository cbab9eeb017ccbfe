package com.finlens.assistant.pipeline;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the figures in a piece of text, understanding Korean units (조, 억, 만, 천; "6조 5,670억원"), English
 * scales (billion, million, B, M), currencies, percentages and thousands separators. Dates, years, periods
 * ("1분기", "Q1", "FY2023"), citation markers, URLs, codes ("005930") and small counts are not figures.
 */
final class NumberExtractor {

    private static final Pattern IGNORED = Pattern.compile(String.join("|",
            "https?://\\S+",
            "\\[S\\d+(?:\\s*,\\s*S\\d+)*]",
            "\\d{4}[-./]\\d{1,2}[-./]\\d{1,2}",
            "\\d{1,2}:\\d{2}",
            "\\d{4}\\s?년", "\\d{1,2}\\s?월", "\\d{1,2}\\s?일",
            "\\d{4}\\s?(?:Q[1-4]|H[12])", "(?:Q[1-4]|H[12]|FY)\\s?'?\\d{2,4}",
            "(?m)^\\s*(?:[-*]\\s*)?\\d{1,3}[.)](?=\\s)"));

    private static final Pattern NUMBER = Pattern.compile(
            "(?<![\\w.,])(?<cur>US\\$|\\$|₩|€|£|KRW\\s|USD\\s)?\\s?(?<int>\\d{1,3}(?:,\\d{3})+|\\d+)(?<frac>\\.\\d+)?"
                    + "(?:\\s?(?<scale>%|퍼센트|조|억|만|천|(?i:trillion|billion|million|thousand)|tn|bn|[TBMK]\\b))?"
                    + "(?:\\s?(?<suffix>원|달러|USD|KRW|(?i:dollars?)))?");

    private static final Pattern PERIOD_AFTER = Pattern.compile("^\\s?(?:분기|반기|기|년|개월|월|일|위|차|번|배|명|개|곳|주년)");

    private static final Map<String, BigDecimal> SCALES = Map.ofEntries(
            Map.entry("조", new BigDecimal("1e12")), Map.entry("억", new BigDecimal("1e8")),
            Map.entry("만", new BigDecimal("1e4")), Map.entry("천", new BigDecimal("1e3")),
            Map.entry("trillion", new BigDecimal("1e12")), Map.entry("tn", new BigDecimal("1e12")),
            Map.entry("t", new BigDecimal("1e12")), Map.entry("billion", new BigDecimal("1e9")),
            Map.entry("bn", new BigDecimal("1e9")), Map.entry("b", new BigDecimal("1e9")),
            Map.entry("million", new BigDecimal("1e6")), Map.entry("m", new BigDecimal("1e6")),
            Map.entry("thousand", new BigDecimal("1e3")), Map.entry("k", new BigDecimal("1e3")));

    private static final BigDecimal HUNDRED = new BigDecimal(100);

    private NumberExtractor() {
    }

    static List<NumberMention> extract(String text) {
        String visible = blankIgnored(text);
        List<NumberMention> found = new ArrayList<>();
        Matcher m = NUMBER.matcher(visible);
        NumberMention korean = null;
        int koreanStart = -1;
        int koreanEnd = -1;
        while (m.find()) {
            String scale = m.group("scale");
            String intPart = m.group("int");
            String frac = m.group("frac");
            boolean plain = scale == null && m.group("cur") == null && m.group("suffix") == null;
            if (plain && frac == null && (ignoredInteger(intPart) || PERIOD_AFTER.matcher(visible.substring(m.end())).find())) {
                continue;
            }
            int start = m.start();
            NumberMention mention = mention(text.substring(m.start(), m.end()).trim(), intPart, frac, scale);
            boolean continuesKorean = korean != null && visible.substring(koreanEnd, m.start()).isBlank()
                    && !mention.percent() && mention.value().compareTo(korean.precision()) < 0;
            if (continuesKorean) {
                // "6조 5,670억원": one amount written in two parts
                found.remove(found.size() - 1);
                start = koreanStart;
                mention = new NumberMention(text.substring(start, m.end()).trim(),
                        korean.value().add(mention.value()), mention.precision(), false);
            }
            found.add(mention);
            boolean koreanUnit = scale != null && "조억만천".contains(scale) && m.group("suffix") == null;
            korean = koreanUnit ? mention : null;
            koreanStart = start;
            koreanEnd = m.end();
        }
        return found;
    }

    private static NumberMention mention(String shown, String intPart, String frac, String scale) {
        String digits = intPart.replace(",", "") + (frac == null ? "" : frac);
        BigDecimal number = new BigDecimal(digits);
        boolean percent = "%".equals(scale) || "퍼센트".equals(scale);
        BigDecimal multiplier = scale == null || percent ? BigDecimal.ONE
                : SCALES.getOrDefault(scale.toLowerCase(), BigDecimal.ONE);
        BigDecimal precision = frac == null ? BigDecimal.ONE : BigDecimal.ONE.movePointLeft(frac.length() - 1);
        if (frac == null && !percent) {
            int zeros = trailingZeros(intPart.replace(",", ""));
            if (zeros >= 3) {
                precision = BigDecimal.ONE.movePointRight(zeros); // "6,567,000,000,000" is rounded to the billion
            }
        }
        return new NumberMention(shown, number.multiply(multiplier), precision.multiply(multiplier), percent, number);
    }

    private static boolean ignoredInteger(String intPart) {
        String digits = intPart.replace(",", "");
        if (digits.length() > 1 && digits.startsWith("0")) {
            return true; // stock and corp codes
        }
        if (!intPart.contains(",") && digits.length() >= 8) {
            return true; // receipt numbers and other identifiers
        }
        long n = digits.length() > 18 ? Long.MAX_VALUE : Long.parseLong(digits);
        return n < 100 || (!intPart.contains(",") && n >= 1900 && n <= 2100);
    }

    private static int trailingZeros(String digits) {
        int zeros = 0;
        for (int i = digits.length() - 1; i > 0 && digits.charAt(i) == '0'; i--) {
            zeros++;
        }
        return zeros;
    }

    private static String blankIgnored(String text) {
        StringBuilder out = new StringBuilder(text);
        Matcher m = IGNORED.matcher(text);
        while (m.find()) {
            for (int i = m.start(); i < m.end(); i++) {
                out.setCharAt(i, ' ');
            }
        }
        return out.toString();
    }

    static BigDecimal percentChange(BigDecimal from, BigDecimal to) {
        return to.subtract(from).multiply(HUNDRED).divide(from.abs(), 6, RoundingMode.HALF_UP);
    }
}
