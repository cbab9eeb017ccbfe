package com.finlens.market.api;

import com.finlens.market.FinancialLine;
import com.finlens.market.FinancialStatements;
import com.finlens.platform.format.AmountFormat;
import com.finlens.platform.view.Messages;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A report's key accounts as a table of years, newest first: the report's own year, the prior year and, where the
 * source gives it, the year before (DART annual reports carry three years, Yahoo's yearly series four). Only the
 * accounts the data has, amounts in 조/억 or T/B/M, the statement basis in words (연결/별도).
 */
final class FinancialTable {

    private FinancialTable() {
    }

    static Map<String, Object> of(FinancialStatements s, Messages messages, String lang) {
        AmountFormat numbers = AmountFormat.of(lang);
        boolean prior = s.lines().stream().anyMatch(l -> l.priorAmount() != null);
        boolean earlier = s.lines().stream().anyMatch(l -> l.earlierAmount() != null);
        List<String> years = new ArrayList<>();
        years.add(year(s.year(), messages, lang));
        if (prior) {
            years.add(year(s.year() - 1, messages, lang));
        }
        if (prior && earlier) {
            years.add(year(s.year() - 2, messages, lang));
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (FinancialLine l : s.lines()) {
            List<String> cells = new ArrayList<>();
            cells.add(cell(l.amount(), s.currency(), numbers));
            if (prior) {
                cells.add(cell(l.priorAmount(), s.currency(), numbers));
            }
            if (prior && earlier) {
                cells.add(cell(l.earlierAmount(), s.currency(), numbers));
            }
            Map<String, Object> row = new HashMap<>();
            row.put("account", account(l, messages, lang));
            row.put("cells", cells);
            rows.add(row);
        }
        Map<String, Object> table = new HashMap<>();
        table.put("years", years);
        table.put("rows", rows);
        table.put("report", messages.get(lang, "fin.report." + ("FY".equals(s.reportCode()) ? "FY" : s.reportCode())));
        table.put("basis", s.basis() == null ? null : messages.get(lang, "fin.basis." + basisKey(s.basis())));
        return table;
    }

    private static String cell(BigDecimal amount, String currency, AmountFormat numbers) {
        return amount == null ? "–" : numbers.amount(amount, currency);
    }

    private static String year(int year, Messages messages, String lang) {
        return messages.get(lang, "fin.year", String.valueOf(year));
    }

    /** DART names its accounts in Korean already; Yahoo's English account types get their bundle names. */
    private static String account(FinancialLine l, Messages messages, String lang) {
        String id = l.accountId() == null ? "" : l.accountId();
        return switch (id) {
            case "annualTotalRevenue", "annualOperatingIncome", "annualNetIncome" ->
                    messages.get(lang, "fin.account." + id);
            default -> l.account();
        };
    }

    private static String basisKey(String basis) {
        return switch (basis) {
            case "CFS", "consolidated" -> "CFS";
            case "OFS" -> "OFS";
            default -> "other";
        };
    }
}
