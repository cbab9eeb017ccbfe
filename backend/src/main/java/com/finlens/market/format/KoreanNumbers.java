package com.finlens.market.format;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Korean money amounts written with 조 (10^12), 억 (10^8) and 만 (10^4) read back as numbers, e.g. "6조 5,670억원" ->
 * 6,567,000,000,000 (to check figures quoted in answers). Writing them is platform.format.AmountFormat's job.
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
