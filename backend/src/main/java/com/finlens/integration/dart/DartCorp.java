package com.finlens.integration.dart;

/** One entry of DART's corp code list; {@code stockCode} is null for companies that were never listed. */
public record DartCorp(String corpCode, String name, String nameEn, String stockCode, String modifyDate) {
}
