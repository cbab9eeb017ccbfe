package com.finlens.assistant.sources;

import com.finlens.assistant.pipeline.Fact;
import com.finlens.market.MarketCompany;
import com.finlens.market.FinancialLine;
import com.finlens.market.FinancialStatements;
import com.finlens.market.MarketResult;
import com.finlens.market.Provenance;
import com.finlens.market.ReportCode;
import com.finlens.market.SourcePages;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The headline figures of one statement report as facts: revenue, operating income, net income and the balance
 * sheet totals, each with a period a question can name ("2023", "2024 Q3", "2024 Q1–Q3" year to date). Accounts
 * outside these are left out, so an answer never shows another account in place of the one asked for.
 */
final class StatementFacts {

    List<Fact> facts(MarketCompany c, MarketResult<FinancialStatements> r) {
        FinancialStatements s = r.data();
        Provenance p = r.provenance().stream().filter(x -> x.basis() != null).findFirst()
                .orElse(r.provenance().isEmpty() ? null : r.provenance().get(0));
        String label = (s.basis() == null ? "" : s.basis() + " ") + s.reportName();
        String url = !c.korean() ? SourcePages.yahooQuote(c.yahooSymbol()) + "/financials"
                : s.receiptNo() != null ? SourcePages.dartViewer(s.receiptNo()) : SourcePages.dartCompany(c.name());
        boolean quarterly = s.reportCode() != null && !s.reportCode().equals(ReportCode.ANNUAL.code())
                && !s.reportCode().equals("FY");
        String quarter = quarterOf(s.reportCode());
        List<Fact> facts = new ArrayList<>();
        for (FinancialLine line : s.lines()) {
            String metric = metric(line);
            if (metric == null) {
                continue;
            }
            boolean balance = "BS".equals(line.statement());
            String current = quarterly ? s.year() + " " + quarter : String.valueOf(s.year());
            // a quarterly balance sheet compares with the previous year-end; its income statement with the same quarter
            String prior = quarterly && !balance ? (s.year() - 1) + " " + quarter : String.valueOf(s.year() - 1);
            String name = line.account() + " (" + label.strip() + ")";
            String asOf = p == null ? String.valueOf(s.year()) : p.asOf();
            if (line.amount() != null) {
                facts.add(fact(metric, name, line.amount(), s.currency(), current, p, url, asOf));
            }
            if (quarterly && !balance && line.cumulativeAmount() != null && !"Q1".equals(quarter)) {
                facts.add(fact(metric, name, line.cumulativeAmount(), s.currency(), s.year() + " Q1–" + quarter, p,
                        url, asOf));
            }
            if (line.priorAmount() != null) {
                facts.add(fact(metric, name, line.priorAmount(), s.currency(), prior, p, url, asOf));
            }
        }
        return dedupe(facts);
    }

    private static Fact fact(String metric, String name, java.math.BigDecimal amount, String currency, String period,
                             Provenance p, String url, String asOf) {
        return new Fact(metric, name, Figures.exact(amount, currency), amount, currency, period,
                Figures.system(p, null), p == null ? null : p.endpoint(), url, asOf);
    }

    private static String quarterOf(String reportCode) {
        if (reportCode == null) {
            return "";
        }
        return switch (reportCode) {
            case "11013" -> "Q1";
            case "11012" -> "Q2";
            case "11014" -> "Q3";
            default -> "";
        };
    }

    /** The metric key of a DART or Yahoo account, by its IFRS id where there is one, else by its name. */
    static String metric(FinancialLine line) {
        String id = line.accountId() == null ? "" : line.accountId().toLowerCase(Locale.ROOT);
        String name = line.account() == null ? "" : line.account().replace(" ", "").toLowerCase(Locale.ROOT);
        if (id.endsWith("_operatingincomeloss") || id.equals("annualoperatingincome") || name.equals("영업이익")
                || name.equals("영업이익(손실)") || name.equals("영업손실")) {
            return "operating_income";
        }
        if (id.equals("ifrs-full_revenue") || id.equals("annualtotalrevenue") || name.equals("매출액")
                || name.equals("수익(매출액)") || (id.isEmpty() && name.equals("영업수익"))) {
            return "revenue";
        }
        if (id.equals("ifrs-full_profitloss") || id.equals("annualnetincome") || name.equals("당기순이익")
                || name.equals("당기순이익(손실)")) {
            return "net_income";
        }
        if ("BS".equals(line.statement())) {
            if (id.equals("ifrs-full_assets") || name.equals("자산총계")) {
                return "total_assets";
            }
            if (id.equals("ifrs-full_liabilities") || name.equals("부채총계")) {
                return "total_liabilities";
            }
            if (id.equals("ifrs-full_equity") || name.equals("자본총계")) {
                return "total_equity";
            }
        }
        return null;
    }

    private static List<Fact> dedupe(List<Fact> facts) {
        List<Fact> out = new ArrayList<>();
        for (Fact f : facts) {
            if (out.stream().noneMatch(o -> o.metric().equals(f.metric()) && o.period().equals(f.period()))) {
                out.add(f);
            }
        }
        return out;
    }
}
