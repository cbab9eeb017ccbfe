package com.finlens.market;

import java.math.BigDecimal;
import java.time.LocalDate;

/** What we know about a company: registry facts (DART) and the latest end-of-day figures. */
public record CompanyProfile(MarketCompany company, String legalName, String ceo, String address, String homepage,
                             String industryCode, String establishedOn, String fiscalYearEndMonth,
                             LatestPrice latestPrice) {

    /** The most recent end-of-day figures we could get. */
    public record LatestPrice(LocalDate date, BigDecimal close, BigDecimal change, BigDecimal changeRate, Long volume,
                              Long marketCap, Long listedShares, String currency) {
    }
}
