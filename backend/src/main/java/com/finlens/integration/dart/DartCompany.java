package com.finlens.integration.dart;

/** DART company overview ({@code company.json}); {@code corpClass} is Y/K/N/E. */
public record DartCompany(String corpCode, String name, String nameEn, String stockName, String stockCode,
                          String ceo, String corpClass, String address, String homepage, String industryCode,
                          String establishedOn, String fiscalMonth) {
}
