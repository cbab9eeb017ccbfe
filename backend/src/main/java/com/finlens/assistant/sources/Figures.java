package com.finlens.assistant.sources;

import com.finlens.market.Provenance;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** How a market figure is shown in a fact: every digit (76,600원, 258,935,494,000,000원), and where it came from. */
final class Figures {

    private Figures() {
    }

    /** Exact digits with the unit; the composer adds the 조/억 reading next to large amounts. */
    static String exact(BigDecimal amount, String unit) {
        String digits = new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(amount);
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
