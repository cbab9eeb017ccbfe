package com.finlens.market.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("KRX trading calendar")
class KrxCalendarTest {

    private final KrxCalendar calendar = KrxCalendar.bundled();

    @Test
    @DisplayName("closes on weekends, Seollal, Chuseok, election days and the year-end closing day")
    void holidays() {
        assertThat(calendar.isTradingDay(LocalDate.of(2024, 1, 5))).isTrue();
        assertThat(calendar.isTradingDay(LocalDate.of(2024, 1, 6))).isFalse();
        assertThat(calendar.isTradingDay(LocalDate.of(2024, 2, 9))).isFalse();
        assertThat(calendar.isTradingDay(LocalDate.of(2024, 4, 10))).isFalse();
        assertThat(calendar.isTradingDay(LocalDate.of(2024, 9, 17))).isFalse();
        assertThat(calendar.isTradingDay(LocalDate.of(2024, 12, 31))).isFalse();
        assertThat(calendar.isTradingDay(LocalDate.of(2025, 6, 3))).isFalse();
        assertThat(calendar.covers(LocalDate.of(2027, 12, 31))).isTrue();
    }

    @Test
    @DisplayName("finds the last trading day on or before a date across a long holiday")
    void lastTradingDay() {
        assertThat(calendar.lastTradingDayOnOrBefore(LocalDate.of(2024, 1, 7))).isEqualTo(LocalDate.of(2024, 1, 5));
        assertThat(calendar.lastTradingDayOnOrBefore(LocalDate.of(2024, 2, 12))).isEqualTo(LocalDate.of(2024, 2, 8));
        assertThat(calendar.lastTradingDayOnOrBefore(LocalDate.of(2025, 1, 30))).isEqualTo(LocalDate.of(2025, 1, 24));
        assertThat(calendar.tradingDays(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 7))).hasSize(4);
    }

    @Test
    @DisplayName("knows the 09:00-15:30 session and which day's data is final")
    void session() {
        ZonedDateTime morning = ZonedDateTime.of(2024, 1, 5, 10, 0, 0, 0, KrxCalendar.SEOUL);
        ZonedDateTime evening = ZonedDateTime.of(2024, 1, 5, 16, 0, 0, 0, KrxCalendar.SEOUL);
        assertThat(calendar.isOpen(morning)).isTrue();
        assertThat(calendar.isOpen(evening)).isFalse();
        assertThat(calendar.lastClosedTradingDay(morning)).isEqualTo(LocalDate.of(2024, 1, 4));
        assertThat(calendar.lastClosedTradingDay(evening)).isEqualTo(LocalDate.of(2024, 1, 5));
    }
}
