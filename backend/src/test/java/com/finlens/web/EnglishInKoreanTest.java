package com.finlens.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EnglishInKoreanTest {

    private static final EnglishInKorean CHECK = new EnglishInKorean();

    @ParameterizedTest(name = "catches \"{0}\"")
    @CsvSource(delimiter = '|', value = {
            "나의 Knowledge base | Knowledge",
            "문단 chunk 1 | chunk",
            "사업보고서 (annual) | annual",
            "Total revenue 1,234억원 | Total",
            "dart (bundled snapshot recorded 2024-01-31) | bundled",
            "Filings of SK하이닉스 is unavailable right now: dart the bundled dart snapshot has no recording | Filings",
            "The conversation was not found. | conversation",
            "시가총액 market cap | market"})
    void catchesEnglishUiText(String text, String expected) {
        assertThat(CHECK.find(text)).contains(expected);
    }

    @ParameterizedTest(name = "lets \"{0}\" pass")
    @ValueSource(strings = {
            "삼성전자 (005930, KOSPI) · KRX (오프라인 자료, 2025-06-19 기록)",
            "Apple Inc. (AAPL, NASDAQ) 최근 종가",
            "Enter 키로 보내고, Shift+Enter로 줄을 바꿉니다.",
            "ko-user@example.com 로그아웃 English",
            "https://dart.fss.or.kr/dsaf001/main.do?rcpNo=20240131000326",
            "Chrome · Linux · 방금 전"})
    void letsKoreanPagesWithNamesPass(String text) {
        assertThat(CHECK.find(text)).isEmpty();
    }
}
