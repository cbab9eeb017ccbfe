package com.finlens.market;

import java.math.BigDecimal;

/**
 * One account of a statement. {@code statement}: BS (balance sheet), IS (income statement), CIS, CF, SCE.
 * {@code amount} is for the period (a quarter in quarterly reports), {@code cumulativeAmount} year-to-date where
 * the source gives it, {@code priorAmount} the same account one period earlier as the source reports it, {@code earlierAmount} one period before
 * that where the source gives it (DART annual reports, Yahoo's yearly series).
 */
public record FinancialLine(String statement, String account, String accountId, String period, BigDecimal amount,
                            BigDecimal cumulativeAmount, BigDecimal priorAmount, String priorPeriod,
                            BigDecimal earlierAmount, String earlierPeriod) {
}
