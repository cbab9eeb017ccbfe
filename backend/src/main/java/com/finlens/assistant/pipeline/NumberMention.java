package com.finlens.assistant.pipeline;

import java.math.BigDecimal;

/**
 * A number as written in text: {@code value} in base units (6조 5,670억 = 6,567,000,000,000), the precision it
 * was shown with (1억 there; 0.1 billion for "$391.0 billion"), and whether it is a percentage.
 */
record NumberMention(String text, BigDecimal value, BigDecimal precision, boolean percent, BigDecimal shown) {

    NumberMention(String text, BigDecimal value, BigDecimal precision, boolean percent) {
        this(text, value, precision, percent, value);
    }

    /** True when {@code candidate} rounds or truncates to this mention at its shown precision. */
    boolean matches(BigDecimal candidate) {
        return value.subtract(candidate.abs()).abs().compareTo(precision) <= 0;
    }
}
