package com.finlens.integration.dart;

/**
 * One line of a DART financial statement (fnlttSinglAcnt / fnlttSinglAcntAll). Amounts are in {@code currency}
 * units (KRW), null when DART left them blank. {@code fsDiv} is CFS (consolidated) or OFS (separate);
 * {@code cumulativeAmount} is the year-to-date figure DART gives for income statement lines in quarterly reports;
 * {@code earlierAmount} the year before the prior one, which annual reports carry (bfefrmtrm).
 */
public record DartAccount(String receiptNo, String reportCode, String businessYear, String fsDiv, String statement,
                          String statementName, String accountId, String accountName, String periodName,
                          String periodDates, Long amount, Long cumulativeAmount, Long priorAmount,
                          String priorPeriodName, int order, String currency, Long earlierAmount,
                          String earlierPeriodName) {
}
