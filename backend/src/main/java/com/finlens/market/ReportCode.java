package com.finlens.market;

import java.util.Locale;

/** DART report codes, with the names users type. */
public enum ReportCode {
    ANNUAL("11011", "사업보고서 (annual)"),
    HALF_YEAR("11012", "반기보고서 (half-year)"),
    Q1("11013", "1분기보고서 (Q1)"),
    Q3("11014", "3분기보고서 (Q3)");

    private final String code;
    private final String label;

    ReportCode(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    /** Accepts the DART code or a name: annual, fy, q1, h1/half, q2, q3. Null when not recognised. */
    public static ReportCode parse(String raw) {
        if (raw == null) {
            return null;
        }
        String s = raw.trim().toLowerCase(Locale.ROOT);
        for (ReportCode r : values()) {
            if (r.code.equals(s)) {
                return r;
            }
        }
        return switch (s) {
            case "annual", "fy", "year", "a", "11011" -> ANNUAL;
            case "half", "h1", "q2", "semiannual", "half-year" -> HALF_YEAR;
            case "q1" -> Q1;
            case "q3" -> Q3;
            default -> null;
        };
    }
}
