package com.finlens.assistant.sources;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class KnowledgePassagesTest {

    @Test
    @DisplayName("Question terms ignore filler words, keep numbers, and reduce Korean words with particles to their stem")
    void terms() {
        assertThat(KnowledgePassages.terms("How did Apple's revenue change last year?"))
                .containsExactlyInAnyOrder("apple", "revenue", "change");
        assertThat(KnowledgePassages.terms("삼성전자의 2023년 영업이익과 공시"))
                .containsExactlyInAnyOrder("삼성", "2023", "영업", "공시");
    }

    @Test
    @DisplayName("A passage is quoted only when it shares a real word with the question")
    void relevance() {
        var terms = KnowledgePassages.terms("How did Apple's revenue change last year?");
        assertThat(KnowledgePassages.sharesTerm(terms, "Apple reported total revenue of $391 billion")).isTrue();
        assertThat(KnowledgePassages.sharesTerm(terms, "삼성전자 공시: 특수관계인과의내부거래")).isFalse();
    }
}
