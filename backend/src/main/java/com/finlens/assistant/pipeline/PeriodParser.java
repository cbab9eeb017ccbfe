package com.finlens.assistant.pipeline;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Month;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the period a question names: "2023년", "FY2022", "3분기", "Q3 2024", "상반기", "2024-01-05", "작년". */
final class PeriodParser {

    private static final Pattern ISO_DAY = Pattern.compile("(?<!\\d)((?:19|20)\\d{2})[-./](\\d{1,2})[-./](\\d{1,2})(?!\\d)");
    private static final Pattern KOREAN_DAY = Pattern.compile(
            "((?:19|20)\\d{2})\\s?년\\s?(\\d{1,2})\\s?월\\s?(\\d{1,2})\\s?일");
    private static final Pattern ENGLISH_DAY = Pattern.compile(
            "(?i)\\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+((?:19|20)\\d{2})\\b");
    private static final Pattern ENGLISH_DAY_FIRST = Pattern.compile(
            "(?i)\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?,?\\s+((?:19|20)\\d{2})\\b");
    private static final Pattern QUARTER = Pattern.compile(
            "(?i)(?:([1-4])\\s?분기|\\bQ([1-4])\\b|\\b([1-4])Q\\b|\\b(first|second|third|fourth|1st|2nd|3rd|4th)\\s+quarter)");
    private static final Pattern H1 = Pattern.compile("\\bh1\\b");
    private static final Pattern H2 = Pattern.compile("\\bh2\\b");
    private static final Pattern SHORT_YEAR = Pattern.compile("(?<![\\d.])(\\d{2})\\s?년(?!\\s?\\d{1,2}\\s?월)");

    private PeriodParser() {
    }

    static PeriodAsk parse(String text) {
        String t = text == null ? "" : text;
        String lower = t.toLowerCase(Locale.ROOT);
        LocalDate day = day(t);
        if (day != null) {
            return new PeriodAsk(List.of(), null, null, day, null);
        }
        List<Integer> years = FiscalYears.in(t);
        if (years.isEmpty()) {
            Matcher m = SHORT_YEAR.matcher(t);
            if (m.find()) {
                years = List.of(2000 + Integer.parseInt(m.group(1)));
            }
        }
        Integer quarter = quarter(t);
        Integer half = null;
        if (lower.contains("상반기") || lower.contains("first half") || H1.matcher(lower).find()) {
            half = 1;
        } else if (lower.contains("하반기") || lower.contains("second half") || H2.matcher(lower).find()) {
            half = 2;
        }
        Integer back = null;
        if (years.isEmpty()) {
            if (lower.contains("재작년") || lower.contains("two years ago")) {
                back = 2;
            } else if (lower.contains("작년") || lower.contains("지난해") || lower.contains("전년도")
                    || lower.contains("last year") || lower.contains("previous year") || lower.contains("last fiscal year")) {
                back = 1;
            } else if (lower.contains("올해") || lower.contains("금년") || lower.contains("this year")) {
                back = 0;
            }
        }
        return new PeriodAsk(years, quarter, half, null, back);
    }

    private static Integer quarter(String t) {
        Matcher m = QUARTER.matcher(t);
        if (!m.find()) {
            return null;
        }
        for (int g = 1; g <= 3; g++) {
            if (m.group(g) != null) {
                return Integer.parseInt(m.group(g));
            }
        }
        return switch (m.group(4).toLowerCase(Locale.ROOT)) {
            case "first", "1st" -> 1;
            case "second", "2nd" -> 2;
            case "third", "3rd" -> 3;
            default -> 4;
        };
    }

    private static LocalDate day(String t) {
        for (Pattern p : List.of(ISO_DAY, KOREAN_DAY)) {
            Matcher m = p.matcher(t);
            if (m.find()) {
                return date(m.group(1), m.group(2), m.group(3));
            }
        }
        Matcher m = ENGLISH_DAY.matcher(t);
        if (m.find()) {
            return date(m.group(3), String.valueOf(month(m.group(1))), m.group(2));
        }
        m = ENGLISH_DAY_FIRST.matcher(t);
        if (m.find()) {
            return date(m.group(3), String.valueOf(month(m.group(2))), m.group(1));
        }
        return null;
    }

    private static int month(String abbreviation) {
        for (Month month : Month.values()) {
            if (month.name().toLowerCase(Locale.ROOT).startsWith(abbreviation.toLowerCase(Locale.ROOT))) {
                return month.getValue();
            }
        }
        return 1;
    }

    private static LocalDate date(String y, String m, String d) {
        try {
            return LocalDate.of(Integer.parseInt(y), Integer.parseInt(m), Integer.parseInt(d));
        } catch (DateTimeException e) {
            return null;
        }
    }
}
