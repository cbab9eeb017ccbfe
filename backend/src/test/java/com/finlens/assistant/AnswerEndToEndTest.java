package com.finlens.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import com.finlens.testing.SharedApp;
import com.finlens.testing.TestApp;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The whole product on its embedded defaults (no keys, no network): the question goes through company resolution,
 * the bundled market-data snapshot, retrieval and the offline composer, and the answer's numbers trace to sources.
 */
class AnswerEndToEndTest {

    @Test
    @DisplayName("삼성전자 2024년 1월 공시와 2023년 영업이익 is answered in Korean with DART-cited filings and the 2023 figure")
    void koreanQuestion() {
        JsonObject answer = ask("삼성전자 2024년 1월 공시와 2023년 영업이익 알려줘");
        String text = answer.getString("content");
        assertThat(text).contains("삼성전자 영업이익 (2023): 6,566,976,000,000원 (약 6조 5,670억원)")
                .contains("특수관계인과의내부거래").containsPattern("\\[S\\d+]");
        assertThat(answer.getString("status")).isEqualTo("complete");
        assertThat(answer.getJsonArray("flags")).isEmpty();
        JsonArray sources = answer.getJsonArray("sources");
        assertThat(sources).isNotEmpty();
        assertThat(sources.stream().map(s -> ((JsonObject) s).getString("system")).toList())
                .anySatisfy(system -> assertThat(system).containsIgnoringCase("dart"));
    }

    @Test
    @DisplayName("Disclosures of a company someone asked about become searchable for everyone in the shared corpus")
    void disclosuresJoinSharedCorpus() throws Exception {
        ask("삼성전자 2024년 공시 알려줘");
        TestApp.Browser other = SharedApp.newUser();
        String query = java.net.URLEncoder.encode("특수관계인과의내부거래", java.nio.charset.StandardCharsets.UTF_8);
        // The disclosures are ingested one after another: until this one is in, search returns the others first.
        JsonObject[] hit = new JsonObject[1];
        com.finlens.testing.Waits.until(java.time.Duration.ofSeconds(60), () -> {
            JsonArray results = other.get("/api/v1/knowledge/search?q=" + query).bodyAsJsonObject()
                    .getJsonArray("results");
            hit[0] = results.isEmpty() ? null : results.getJsonObject(0);
            return hit[0] != null && hit[0].getString("text").contains("특수관계인과의내부거래");
        });
        JsonObject found = hit[0];
        assertThat(found.getString("sourceUrl")).startsWith("https://dart.fss.or.kr/dsaf001/main.do?rcpNo=");
    }

    @Test
    @DisplayName("How did Apple's revenue change last year? is answered in English from Yahoo Finance figures")
    void englishQuestion() {
        JsonObject answer = ask("How did Apple's revenue change last year?");
        String text = answer.getString("content");
        assertThat(text).containsIgnoringCase("revenue").contains("[S1]");
        assertThat(text).doesNotContainPattern("[가-힣]{3,}");
        assertThat(answer.getString("status")).isEqualTo("complete");
        assertThat(answer.getJsonArray("flags")).isEmpty();
        assertThat(answer.getJsonArray("sources").stream().map(s -> ((JsonObject) s).getString("system")).toList())
                .anySatisfy(system -> assertThat(system).containsIgnoringCase("yahoo"));
    }

    private static JsonObject ask(String question) {
        TestApp.Browser user = SharedApp.newUser();
        long id = user.post("/api/v1/conversations", new JsonObject()).bodyAsJsonObject().getLong("id");
        String stream = user.post("/api/v1/conversations/" + id + "/messages", new JsonObject().put("content", question))
                .bodyAsString();
        List<String[]> events = ConversationApiTest.parse(stream);
        assertThat(events.get(events.size() - 1)[0]).as(stream).isEqualTo("done");
        JsonArray messages = user.get("/api/v1/conversations/" + id + "/messages").bodyAsJsonObject()
                .getJsonArray("messages");
        return messages.getJsonObject(1);
    }
}
