package com.finlens.market;

import java.time.LocalDate;
import java.util.List;

/** Filings of one company in a window, newest first. {@code truncated} when more exist than were fetched. */
public record DisclosureList(MarketCompany company, LocalDate from, LocalDate to, int totalCount, List<Disclosure> items,
                             boolean truncated) {
}
