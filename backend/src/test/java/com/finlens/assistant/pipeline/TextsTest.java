package com.finlens.assistant.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TextsTest {

    private final Texts korean = new Texts(Language.KO);

    @Test
    @DisplayName("A Korean answer names offline and bundled data sources in Korean, with their recording date")
    void offlineSourcesInKorean() {
        assertThat(korean.source("KRX daily prices (offline data recorded 2026-02-17)"))
                .isEqualTo("KRX daily prices (오프라인 자료, 2026-02-17 기록)");
        assertThat(korean.source("Yahoo Finance (bundled snapshot recorded on 2026-02-18)"))
                .isEqualTo("Yahoo Finance (오프라인 자료, 2026-02-18 기록)");
        assertThat(korean.source("Yahoo Finance (bundled snapshot recorded 2026-02-18)"))
                .isEqualTo("Yahoo Finance (오프라인 자료, 2026-02-18 기록)");
    }
}
