package com.finlens.market;

import java.util.List;

/**
 * Key financial statements of one report. {@code reportCode} follows DART (11011 annual, 11012 half-year,
 * 11013 Q1, 11014 Q3); {@code basis} is CFS (consolidated) or OFS (separate) and is always set; {@code receiptNo} is DART's
 * receipt number of the report (null for other sources), so pages can link the filing itself.
 */
public record FinancialStatements(MarketCompany company, int year, String reportCode, String reportName, String basis,
                                  String currency, String periodEnd, List<FinancialLine> lines,
                                  String receiptNo) {
}
