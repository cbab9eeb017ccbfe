package com.finlens.market.format;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Korean money amounts: formatting with 조 (10^12), 억 (10^8) and 만 (10^4), e.g. 6,567,000,000,000 -> "6조 5,670억원",
 * and parsing such text back to a number (used to check figures quoted in answers).
 */
public final class KoreanNumbers {

    private static final BigDecimal JO = new BigDecimal("1000000000000");
    private static final BigDecimal EOK = new BigDecimal("100000000");
    private static final BigDecimal MAN = new BigDecimal("10000");
    private static final Pattern PART = Pattern.compile("([0-9][0-9,]*(?:\\.[0-9]+)?)\\s*(조|억|천만|백만|만|천|백)?");
    private static final Pattern WHOLE = Pattern.compile(
            "^\\s*(-|마이너스\\s*)?((?:[0-9][0-9,]*(?:\\.[0-9]+)?\\s*(?:조|억|천만|백만|만|천|백)?\\s*)+)(원|KRW)?\\s*$");

    private KoreanNumbers() {
    }

    /**
     * Rounds to the largest sensible unit: amounts of 1억 or more show 조 and 억 (rounded to the nearest 억),
     * smaller amounts show 만 (rounded to the nearest 만), below 1만 the plain number. Always ends in "원".
     */
    public static String formatWon(BigDecimal amount) {
        String sign = amount.signum() < 0 ? "-" : "";
        BigDecimal abs = amount.abs();
        if (abs.compareTo(EOK) >= 0) {
            long eoks = abs.divide(EOK, 0, RoundingMode.HALF_UP).longValueExact();
            long jo = eoks / 10_000;
            long rest = eoks % 10_000;
            StringBuilder out = new StringBuilder(sign);
            if (jo > 0) {
                out.append(grouped(jo)).append('조');
            }
            if (rest > 0) {
                out.append(jo > 0 ? " " : "").append(grouped(rest)).append('억');
            }
            return out.append('원').toString();
        }
        if (abs.compareTo(MAN) >= 0) {
            long mans = abs.divide(MAN, 0, RoundingMode.HALF_UP).longValueExact();
            return sign + grouped(mans) + "만원";
        }
        return sign + grouped(abs.setScale(0, RoundingMode.HALF_UP).longValueExact()) + "원";
    }

    public static String formatWon(long amount) {
        return formatWon(BigDecimal.valueOf(amount));
    }

    /** "76,600" style grouping. */
    public static String grouped(long value) {
        DecimalFormat format = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT));
        return format.format(value);
    }

    /**
     * Parses "6조 5,670억원", "1.2조", "3억 5천만원", "5,670만 원", "76,600원" or "-2억" to a number of won.
     * Empty when the text is not such an amount.
     */
    public static Optional<BigDecimal> parseWon(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String s = text.replace(" 원", "원").trim();
        Matcher whole = WHOLE.matcher(s);
        if (!whole.matches()) {
            return Optional.empty();
        }
        BigDecimal total = BigDecimal.ZERO;
        BigDecimal pendingSmall = BigDecimal.ZERO;
        Matcher part = PART.matcher(whole.group(2));
        boolean any = false;
        while (part.find()) {
            any = true;
            BigDecimal value = new BigDecimal(part.group(1).replace(",", ""));
            String unit = part.group(2);
            if (unit == null) {
                pendingSmall = pendingSmall.add(value);
                continue;
            }
            switch (unit) {
                case "조" -> {
                    total = total.add(value.add(pendingSmall).multiply(JO));
                    pendingSmall = BigDecimal.ZERO;
                }
                case "억" -> {
                    total = total.add(value.add(pendingSmall).multiply(EOK));
                    pendingSmall = BigDecimal.ZERO;
                }
                case "만" -> {
                    total = total.add(value.add(pendingSmall).multiply(MAN));
                    pendingSmall = BigDecimal.ZERO;
                }
                case "천만" -> total = total.add(value.multiply(new BigDecimal("10000000")));
                case "백만" -> total = total.add(value.multiply(new BigDecimal("1000000")));
                case "천" -> pendingSmall = pendingSmall.add(value.multiply(new BigDecimal("1000")));
                case "백" -> pendingSmall = pendingSmall.add(value.multiply(new BigDecimal("100")));
                default -> {
                    return Optional.empty();
                }
            }
        }
        if (!any) {
            return Optional.empty();
        }
        total = total.add(pendingSmall);
        if (whole.group(1) != null) {
            total = total.negate();
        }
        return Optional.of(total.stripTrailingZeros().scale() < 0 ? total.setScale(0) : total.stripTrailingZeros());
    }
}
