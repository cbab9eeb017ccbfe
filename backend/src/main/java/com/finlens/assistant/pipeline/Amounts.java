package com.finlens.assistant.pipeline;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** Human-sized amounts: 6조 5,670억원 in Korean, 391.04 billion in English. */
final class Amounts {

    private static final BigDecimal JO = new BigDecimal("1e12");
    private static final BigDecimal EOK = new BigDecimal("1e8");
    private static final BigDecimal BILLION = new BigDecimal("1e9");
    private static final BigDecimal MILLION = new BigDecimal("1e6");

    private Amounts() {
    }

    /** A shorter form of a large amount, or null when the plain number is short enough already. */
    static String humanize(BigDecimal number, Language language) {
        BigDecimal abs = number.abs();
        String sign = number.signum() < 0 ? "-" : "";
        if (language == Language.KO) {
            if (abs.compareTo(EOK) < 0) {
                return null;
            }
            long eok = abs.divide(EOK, 0, RoundingMode.HALF_UP).longValueExact();
            long jo = eok / 10_000;
            long rest = eok % 10_000;
            if (jo == 0) {
                return sign + grouped(rest) + "억";
            }
            return sign + jo + "조" + (rest == 0 ? "" : " " + grouped(rest) + "억");
        }
        if (abs.compareTo(JO) >= 0) {
            return sign + abs.divide(JO, 2, RoundingMode.HALF_UP).toPlainString() + " trillion";
        }
        if (abs.compareTo(BILLION) >= 0) {
            return sign + abs.divide(BILLION, 2, RoundingMode.HALF_UP).toPlainString() + " billion";
        }
        if (abs.compareTo(MILLION) >= 0) {
            return sign + abs.divide(MILLION, 2, RoundingMode.HALF_UP).toPlainString() + " million";
        }
        return null;
    }

    /** A percentage with one decimal and its sign, e.g. "+3.4%". */
    static String percent(BigDecimal value) {
        BigDecimal rounded = value.setScale(1, RoundingMode.HALF_UP);
        return (rounded.signum() > 0 ? "+" : "") + rounded.toPlainString() + "%";
    }

    private static String grouped(long n) {
        return new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(n);
    }
}
