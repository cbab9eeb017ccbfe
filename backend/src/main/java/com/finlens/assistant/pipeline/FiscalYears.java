package com.finlens.assistant.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The fiscal years a question names: "2023년", "FY2022", "in 2021". */
public final class FiscalYears {

    private static final Pattern YEAR = Pattern.compile("(?<![0-9])(?:FY\\s?)?((?:19|20)[0-9]{2})(?![0-9])");
    private static final int MAX_YEARS = 3;

    private FiscalYears() {
    }

    public static List<Integer> in(String text) {
        List<Integer> years = new ArrayList<>();
        Matcher m = YEAR.matcher(text == null ? "" : text);
        while (m.find() && years.size() < MAX_YEARS) {
            int year = Integer.parseInt(m.group(1));
            if (!years.contains(year)) {
                years.add(year);
            }
        }
        return years;
    }
}
