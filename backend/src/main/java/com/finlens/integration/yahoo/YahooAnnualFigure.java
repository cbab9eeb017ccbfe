package com.finlens.integration.yahoo;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One annual value of the fundamentals timeseries, e.g. type "annualTotalRevenue" for the year ending asOf. */
public record YahooAnnualFigure(String type, LocalDate asOf, String periodType, String currency, BigDecimal value) {
}
