package com.finlens.assistant.sources;

import com.finlens.market.Provenance;
import com.finlens.platform.format.AmountFormat;
import java.math.BigDecimal;

/** How a market figure is shown in a fact: every digit (76,600원, 258,935,494,000,000원), and where it came from. */
final class Figures {

    /** Exact digits read the same in both languages. */
    private static final AmountFormat DIGITS = AmountFormat.of("en");

    private Figures() {
    }

    /** Exact digits with the unit; the composer adds the 조/억 reading next to large amounts. */
    static String exact(BigDecimal amount, String unit) {
        String digits = DIGITS.digits(amount);
        if ("KRW".equals(unit)) {
            return digits + "원";
        }
        if ("shares".equals(unit)) {
            return digits + "주";
        }
        return digits + (unit == null ? "" : " " + unit);
    }

    /** The source as an answer names it, saying when it is offline data and of which day. */
    static String system(Provenance p, String fallback) {
        if (p == null) {
            return fallback == null ? "market data" : name(fallback);
        }
        return p.snapshotRecordedOn() == null ? name(p.source())
                : name(p.source()) + " (offline data recorded " + p.snapshotRecordedOn() + ")";
    }

    /** The name people know a source by. */
    static String name(String system) {
        return switch (system) {
            case "dart" -> "Open DART";
            case "krx" -> "KRX";
            case "yahoo" -> "Yahoo Finance";
            default -> system;
        };
    }
}
