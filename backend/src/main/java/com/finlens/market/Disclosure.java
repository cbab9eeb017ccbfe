package com.finlens.market;

import java.time.LocalDate;

/** One regulatory filing. */
public record Disclosure(LocalDate receivedOn, String title, String receiptNo, String filer, String remarks,
                         String url) {
}
