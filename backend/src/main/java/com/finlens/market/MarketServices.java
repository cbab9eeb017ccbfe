package com.finlens.market;

/** The market feature's services, each with one job, as the module hands them to routes, pages and the assistant. */
public record MarketServices(CompanyResolver resolver, ProfileService profiles, PriceService prices,
                             DisclosureService disclosures, FinancialsService financials, MarketDays days) {
}
