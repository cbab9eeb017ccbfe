package com.finlens.market.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The KRX trading calendar: weekdays that are not market holidays (bundled list for 2023-2027), regular session
 * 09:00-15:30 Asia/Seoul.
 */
public final class KrxCalendar {

    public static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    public static final LocalTime OPEN = LocalTime.of(9, 0);
    public static final LocalTime CLOSE = LocalTime.of(15, 30);

    private final Set<LocalDate> holidays;
    private final LocalDate firstKnown;
    private final LocalDate lastKnown;

    public KrxCalendar(Set<LocalDate> holidays, LocalDate firstKnown, LocalDate lastKnown) {
        this.holidays = Set.copyOf(holidays);
        this.firstKnown = firstKnown;
        this.lastKnown = lastKnown;
    }

    public static KrxCalendar bundled() {
        Set<LocalDate> days = new HashSet<>();
        try (InputStream in = KrxCalendar.class.getClassLoader().getResourceAsStream("market/krx-holidays.txt")) {
            if (in == null) {
                throw new IllegalStateException("missing bundled resource market/krx-holidays.txt");
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String s = line.trim();
                if (!s.isEmpty() && !s.startsWith("#")) {
                    days.add(LocalDate.parse(s.substring(0, 10)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new KrxCalendar(days, LocalDate.of(2023, 1, 1), LocalDate.of(2027, 12, 31));
    }

    /** Whether the holiday list covers this day (outside it only weekends are known). */
    public boolean covers(LocalDate day) {
        return !day.isBefore(firstKnown) && !day.isAfter(lastKnown);
    }

    public boolean isTradingDay(LocalDate day) {
        DayOfWeek dow = day.getDayOfWeek();
        return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY && !holidays.contains(day);
    }

    /** The last trading day on or before {@code day}. */
    public LocalDate lastTradingDayOnOrBefore(LocalDate day) {
        LocalDate d = day;
        while (!isTradingDay(d)) {
            d = d.minusDays(1);
        }
        return d;
    }

    /** The trading day before {@code day}. */
    public LocalDate previousTradingDay(LocalDate day) {
        return lastTradingDayOnOrBefore(day.minusDays(1));
    }

    /** Trading days from..to inclusive, oldest first. */
    public List<LocalDate> tradingDays(LocalDate from, LocalDate to) {
        List<LocalDate> out = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            if (isTradingDay(d)) {
                out.add(d);
            }
        }
        return out;
    }

    /** Whether the regular session is running at this moment. */
    public boolean isOpen(ZonedDateTime at) {
        ZonedDateTime seoul = at.withZoneSameInstant(SEOUL);
        LocalTime t = seoul.toLocalTime();
        return isTradingDay(seoul.toLocalDate()) && !t.isBefore(OPEN) && t.isBefore(CLOSE);
    }

    /**
     * The last trading day whose end-of-day data is final at this moment: today after the close, else the
     * previous trading day.
     */
    public LocalDate lastClosedTradingDay(ZonedDateTime at) {
        ZonedDateTime seoul = at.withZoneSameInstant(SEOUL);
        LocalDate today = seoul.toLocalDate();
        if (isTradingDay(today) && !seoul.toLocalTime().isBefore(CLOSE)) {
            return today;
        }
        return previousTradingDay(today);
    }
}
