package com.finlens.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RelevanceTest {

    private record Case(String query, String passage, boolean relevant) {
    }

    /** Korean (and mixed) questions against passages a user or the shared corpus could hold. */
    private static final List<Case> KOREAN = List.of(
            new Case("삼성전자 2023년 영업이익", "삼성전자 2023년 사업보고서: 연결 영업이익 6조 5,670억원", true),
            new Case("삼성전자 주가 알려줘", "점심 메뉴 추천: 김치찌개와 된장찌개", false),
            new Case("삼성전자 주가 알려줘", "삼성 라이온즈가 어제 경기에서 이겼다", false),
            new Case("SK하이닉스 HBM 공급 계약", "SK하이닉스, 엔비디아와 HBM 공급 계약 체결", true),
            new Case("SK하이닉스 HBM 공급 계약", "현대차 전기차 판매 증가", false),
            new Case("카카오 공시 특수관계인 거래", "카카오 · 특수관계인과의내부거래 공시 (2024-01-31)", true),
            new Case("현대차 전기차 판매 실적", "현대자동차 전기차 판매 실적이 분기 최대를 기록했다", true),
            new Case("현대차 전기차 판매 실적", "반도체 업황 메모: 메모리 가격 반등", false),
            new Case("LG에너지솔루션 배터리 공장", "LG에너지솔루션, 미국 배터리 공장 가동 시작", true),
            new Case("네이버 AI 검색 매출", "네이버 커머스 매출 성장과 AI 검색 도입", true),
            new Case("KB금융 배당 정책", "삼성생명 보험계약마진 증가", false),
            new Case("Samsung memory prices", "Memory prices rebounded and Samsung raised output", true));

    @Test
    @DisplayName("A nonsense query is about nothing, however near its vector neighbours are")
    void nonsense() {
        assertThat(Relevance.about("qwxzv plorft zzkj", "Apple reported total revenue of $391 billion")).isFalse();
        assertThat(Relevance.about("ㅁㄴㅇㄹ 뷁뷁", "삼성전자 2023년 영업이익 6조 5,670억원")).isFalse();
        assertThat(Relevance.about("", "anything")).isFalse();
    }

    @Test
    @DisplayName("On the Korean cases every included passage is relevant and every relevant one is included")
    void korean() {
        int included = 0;
        int relevantIncluded = 0;
        for (Case c : KOREAN) {
            boolean in = Relevance.about(c.query(), c.passage());
            included += in ? 1 : 0;
            relevantIncluded += in && c.relevant() ? 1 : 0;
            assertThat(in).as(c.query() + " / " + c.passage()).isEqualTo(c.relevant());
        }
        System.out.printf(Locale.ROOT, "Relevance, Korean cases: %d included, precision %.2f%n", included,
                (double) relevantIncluded / included);
    }

    /**
     * TAT-QA slice: each question against its own report context and the four next ones. All are financial
     * reports with the same vocabulary, so words alone separate them poorly; the gate keeps nearly every relevant
     * context and removes a share of the others. The figures are printed for the issue note.
     */
    @Test
    @DisplayName("On the TAT-QA slice the gate keeps at least 95% of relevant contexts and reports its precision")
    void tatqa() throws IOException {
        JsonArray contexts;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("bench/tatqa/tatqa_dev_first100.json")) {
            contexts = new JsonArray(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        List<String> docs = new ArrayList<>();
        for (Object o : contexts) {
            JsonObject c = (JsonObject) o;
            StringBuilder text = new StringBuilder();
            c.getJsonArray("table").forEach(row -> ((JsonArray) row).forEach(cell -> text.append(cell).append(' ')));
            c.getJsonArray("paragraphs").forEach(p -> text.append(p instanceof JsonObject j ? j.getString("text") : p)
                    .append(' '));
            docs.add(text.toString());
        }
        int included = 0;
        int relevantIncluded = 0;
        int questions = 0;
        for (int i = 0; i < contexts.size(); i++) {
            for (Object q : contexts.getJsonObject(i).getJsonArray("questions")) {
                String question = q instanceof JsonObject j ? j.getString("question") : (String) q;
                questions++;
                for (int k = 0; k < 5; k++) {
                    int doc = (i + k) % docs.size();
                    if (Relevance.about(question, docs.get(doc))) {
                        included++;
                        relevantIncluded += doc == i ? 1 : 0;
                    }
                }
            }
        }
        double precision = (double) relevantIncluded / included;
        double recall = (double) relevantIncluded / questions;
        System.out.printf(Locale.ROOT, "Relevance, TAT-QA slice: %d questions, %d included, precision %.3f, recall %.3f%n",
                questions, included, precision, recall);
        assertThat(recall).isGreaterThanOrEqualTo(0.95);
        assertThat(precision).isGreaterThanOrEqualTo(0.35);
    }
}
