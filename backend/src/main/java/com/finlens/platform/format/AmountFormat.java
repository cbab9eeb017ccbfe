package com.finlens.platform.format;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * How every page and answer writes a number, in Korean or English: share prices with their currency and fixed
 * decimals (76,600원, $245.27), large amounts the way readers count them (300조 8,709억원, $391.04B), share counts
 * (1,213만, 12.13M), signed percentages (+3.4%) and exact digits (218,470,581,000,000). Never scientific notation.
 * The chart's JavaScript formatter (static/js/amount-format.js) follows the same rules; one case table
 * (web-templates/tests/amount-cases.json) tests both.
 */
public final class AmountFormat {

    private static final BigDecimal JO = new BigDecimal("1000000000000");
    private static final BigDecimal EOK = new BigDecimal("100000000");
    private static final BigDecimal MAN = new BigDecimal("10000");
    private static final BigDecimal THOUSAND = new BigDecimal("1000");
    private static final BigDecimal[] EN_UNITS = {JO, new BigDecimal("1000000000"), new BigDecimal("1000000")};
    private static final String[] EN_SUFFIXES = {"T", "B", "M"};

    private final boolean korean;

    private AmountFormat(boolean korean) {
        this.korean = korean;
    }

    /** The format of a page or answer language: "ko" is Korean, anything else English. */
    public static AmountFormat of(String lang) {
        return new AmountFormat("ko".equals(lang));
    }

    /** A share price, exact to its currency's decimals: 76,600원 / ₩76,600, 245.27 달러 / $245.27. */
    public String price(BigDecimal value, String currency) {
        if (value == null) {
            return null;
        }
        return money(value.signum() < 0, grouped(value.abs(), decimals(currency)), currency);
    }

    /**
     * A large amount (revenue, assets, market cap): Korean in 조 and 억 (rounded to 억; smaller amounts in 만),
     * English with T/B/M and two decimals from a million up.
     */
    public String amount(BigDecimal value, String currency) {
        if (value == null) {
            return null;
        }
        BigDecimal abs = value.abs();
        boolean negative = value.signum() < 0;
        if (korean) {
            if (abs.compareTo(MAN) < 0) {
                return money(negative, grouped(abs, "KRW".equals(currency) ? 0 : decimals(currency)), currency);
            }
            return money(negative, koreanUnits(abs, abs.compareTo(EOK) >= 0 ? EOK : MAN), currency);
        }
        for (int i = 0; i < EN_UNITS.length; i++) {
            if (abs.compareTo(EN_UNITS[i]) >= 0) {
                return money(negative, grouped(abs.divide(EN_UNITS[i]), 2) + EN_SUFFIXES[i], currency);
            }
        }
        return money(negative, grouped(abs, 0), currency);
    }

    /** A count of shares or trades: 1,213만 / 2억 8,637만 in Korean; 12.13M, 45.8K in English. */
    public String count(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal abs = value.abs();
        String sign = value.signum() < 0 ? "-" : "";
        if (korean) {
            return sign + (abs.compareTo(MAN) < 0 ? grouped(abs, 0) : koreanUnits(abs, MAN));
        }
        for (int i = 0; i < EN_UNITS.length; i++) {
            if (abs.compareTo(EN_UNITS[i]) >= 0) {
                return sign + grouped(abs.divide(EN_UNITS[i]), 2) + EN_SUFFIXES[i];
            }
        }
        if (abs.compareTo(new BigDecimal("10000")) >= 0) {
            return sign + grouped(abs.divide(THOUSAND), 1) + "K";
        }
        return sign + grouped(abs, 0);
    }

    public String count(long value) {
        return count(BigDecimal.valueOf(value));
    }

    /** A change in percent with one decimal and its sign: +3.4%, -1.3%, 0.0%. */
    public String percent(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal rounded = value.setScale(1, RoundingMode.HALF_UP);
        String sign = rounded.signum() > 0 ? "+" : rounded.signum() < 0 ? "-" : "";
        return sign + grouped(rounded.abs(), 1) + "%";
    }

    /** Every digit, grouped, with at most two decimals and none that are zero: 218,470,581,000,000 / 245.27. */
    public String digits(BigDecimal value) {
        if (value == null) {
            return null;
        }
        DecimalFormat format = new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.ROOT));
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format.format(value);
    }

    private String money(boolean negative, String number, String currency) {
        String sign = negative ? "-" : "";
        if (currency == null || currency.isBlank()) {
            return sign + number;
        }
        if (korean) {
            return switch (currency) {
                case "KRW" -> sign + number + "원";
                case "USD" -> sign + number + " 달러";
                default -> sign + number + " " + currency;
            };
        }
        return switch (currency) {
            case "KRW" -> sign + "₩" + number;
            case "USD" -> sign + "$" + number;
            default -> sign + number + " " + currency;
        };
    }

    /** "300조 8,709억" rounded to the smallest unit given (억 or 만); the unit parts are grouped. */
    private static String koreanUnits(BigDecimal abs, BigDecimal smallest) {
        long units = abs.divide(smallest, 0, RoundingMode.HALF_UP).longValueExact();
        StringBuilder out = new StringBuilder();
        if (smallest.equals(EOK)) {
            appendUnit(out, units / 10_000, "조");
            appendUnit(out, units % 10_000, "억");
        } else {
            appendUnit(out, units / 100_000_000, "조");
            appendUnit(out, units / 10_000 % 10_000, "억");
            appendUnit(out, units % 10_000, "만");
        }
        return out.isEmpty() ? "0" : out.toString();
    }

    private static void appendUnit(StringBuilder out, long n, String unit) {
        if (n > 0) {
            out.append(out.isEmpty() ? "" : " ").append(grouped(BigDecimal.valueOf(n), 0)).append(unit);
        }
    }

    private static int decimals(String currency) {
        return "KRW".equals(currency) ? 0 : 2;
    }

    private static String grouped(BigDecimal value, int decimals) {
        DecimalFormat format = new DecimalFormat(decimals == 0 ? "#,##0" : "#,##0." + "0".repeat(decimals),
                DecimalFormatSymbols.getInstance(Locale.ROOT));
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format.format(value);
    }
}
