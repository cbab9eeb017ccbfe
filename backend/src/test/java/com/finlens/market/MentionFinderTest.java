package com.finlens.market;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Company mentions in free text")
class MentionFinderTest {

    private static MentionFinder finder;

    @BeforeAll
    static void build() {
        finder = new MentionFinder(SnapshotDirectory.shared(), AliasCatalog.bundled().mentionStopwords());
    }

    private static List<String> ids(String text) {
        return finder.find(text).stream().map(m -> m.company().id()).toList();
    }

    @Test
    @DisplayName("finds Korean names followed by particles, with exact character positions")
    void koreanWithParticles() {
        String text = "삼성전자와 SK하이닉스가 올랐고 카카오는 내렸다.";
        List<Mention> mentions = finder.find(text);
        assertThat(mentions).extracting(Mention::text).containsExactly("삼성전자", "SK하이닉스", "카카오");
        assertThat(mentions).extracting(m -> m.company().id()).containsExactly("005930", "000660", "035720");
        for (Mention m : mentions) {
            assertThat(text.substring(m.start(), m.end())).isEqualTo(m.text());
        }
        assertThat(mentions.get(0).confidence()).isGreaterThan(mentions.get(2).confidence());
    }

    @Test
    @DisplayName("prefers the longest name: preferred shares are not read as the common shares")
    void longestMatch() {
        assertThat(ids("삼성전자우 매수세")).containsExactly("005935");
    }

    @Test
    @DisplayName("finds English names and aliases case-sensitively, and codes in brackets")
    void englishAndCodes() {
        List<Mention> mentions = finder.find("Apple and Samsung Electronics (005930) beat NVIDIA; LG에너지솔루션(373220) fell.");
        assertThat(mentions).extracting(m -> m.company().id())
                .containsExactly("AAPL", "005930", "005930", "NVDA", "373220", "373220");
        Mention code = mentions.get(2);
        assertThat(code.text()).isEqualTo("005930");
        assertThat(code.confidence()).isEqualTo(0.95);
    }

    @Test
    @DisplayName("ignores common words that are also company names, words inside longer words, and lower-case English")
    void noFalsePositives() {
        assertThat(ids("이번 조사 대상은 동양 철학과 태양 에너지였다.")).isEmpty();
        assertThat(ids("I ate an apple and a pineapple.")).isEmpty();
        assertThat(ids("SK그룹 회장이 발언했다")).isEmpty();
        assertThat(ids("주문번호 1005930 과 1,005,930원")).isEmpty();
    }

    @Test
    @DisplayName("finds Korean aliases and US companies by their Korean names")
    void aliases() {
        assertThat(ids("삼전 주가와 애플, 엔비디아 실적")).containsExactly("005930", "AAPL", "NVDA");
    }
}
