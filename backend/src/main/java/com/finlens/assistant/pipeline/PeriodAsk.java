package com.finlens.assistant.pipeline;

import java.time.LocalDate;
import java.util.List;

/**
 * The period a question names: fiscal years, a quarter or half of one year, an exact day, or a year relative to
 * the data's own as-of date ({@code yearsBack}: 작년 = 1, 재작년 = 2, 올해 = 0). Nothing named means the latest.
 */
public record PeriodAsk(List<Integer> years, Integer quarter, Integer half, LocalDate date, Integer yearsBack) {

    public static final PeriodAsk LATEST = new PeriodAsk(List.of(), null, null, null, null);

    public PeriodAsk {
        years = List.copyOf(years);
    }

    public boolean latest() {
        return years.isEmpty() && quarter == null && half == null && date == null && yearsBack == null;
    }

    /** The years asked for, with a relative year resolved against {@code asOf}. */
    public List<Integer> yearsAsOf(LocalDate asOf) {
        if (!years.isEmpty()) {
            return years;
        }
        if (yearsBack != null) {
            return List.of(asOf.getYear() - yearsBack);
        }
        return date != null ? List.of(date.getYear()) : List.of();
    }
}
