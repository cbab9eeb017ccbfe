package com.finlens.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import com.finlens.testing.SharedApp;
import com.finlens.testing.TestApp;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The explicit claim check ({@code "mode": "claim-check"}) on the real app over the bundled DART data, where
 * 삼성전자's 2024 operating income (CFS, annual) is 32,725,961,000,000원.
 */
class ClaimCheckApiTest {

    private static final String SAMSUNG_2024_OPERATING_INCOME = "32,725,961,000,000원";

    @Test
    @DisplayName("A claim with the true figure is supported, quoting the figure found and its source")
    void trueFigure() {
        List<String[]> events = check("삼성전자 2024년 영업이익은 32.7조원이다");

        JsonObject verdict = event(events, "claim-check");
        assertThat(verdict.getString("verdict")).isEqualTo("supported");
        assertThat(verdict.getString("kind")).isEqualTo("figure");
        assertThat(verdict.getString("claimed")).isEqualTo("32.7조원");
        JsonObject found = verdict.getJsonArray("found").getJsonObject(0);
        assertThat(found.getString("value")).isEqualTo(SAMSUNG_2024_OPERATING_INCOME);
        assertThat(found.getString("period")).isEqualTo("2024");
        assertThat(sourceIds(events)).contains(found.getString("sourceId"));
        assertThat(verdict.getJsonArray("citations")).containsExactly(found.getString("sourceId"));
    }

    @Test
    @DisplayName("A claim with a wrong figure is contradicted, with the figure the source really states")
    void wrongFigure() {
        List<String[]> events = check("삼성전자 2024년 영업이익은 50조원이다");

        JsonObject verdict = event(events, "claim-check");
        assertThat(verdict.getString("verdict")).isEqualTo("contradicted");
        assertThat(verdict.getString("claimed")).isEqualTo("50조원");
        JsonObject found = verdict.getJsonArray("found").getJsonObject(0);
        assertThat(found.getString("value")).isEqualTo(SAMSUNG_2024_OPERATING_INCOME);
        assertThat(sourceIds(events)).contains(found.getString("sourceId"));
        assertThat(text(events)).contains("50조원").contains(SAMSUNG_2024_OPERATING_INCOME);
    }

    @Test
    @DisplayName("A claim about something the data does not hold, or a year it does not cover, cannot be verified")
    void unknown() {
        for (String claim : List.of("삼성전자의 HBM 수율은 80%다", "삼성전자 2010년 영업이익은 17조원이다")) {
            JsonObject verdict = event(check(claim), "claim-check");
            assertThat(verdict.getString("verdict")).as(claim).isEqualTo("cannot_verify");
            assertThat(verdict.getJsonArray("found")).as(claim).isEmpty();
        }
    }

    @Test
    @DisplayName("Words such as 사실 or 검증 in an ordinary question never turn it into a claim check")
    void noKeywordGuessing() {
        List<String[]> events = ask(new JsonObject().put("content", "삼성전자 영업이익 30% 증가, 사실인가요? 검증해 줘"));
        assertThat(events.stream().map(e -> e[0])).doesNotContain("claim-check").contains("done");
    }

    @Test
    @DisplayName("An unknown mode is refused with a problem naming the field")
    void unknownMode() {
        TestApp.Browser user = SharedApp.newUser();
        long id = user.post("/api/v1/conversations", new JsonObject()).bodyAsJsonObject().getLong("id");
        HttpResponse<Buffer> answer = user.post("/api/v1/conversations/" + id + "/messages",
                new JsonObject().put("content", "삼성전자 영업이익 30% 증가").put("mode", "fact"));
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.bodyAsString()).contains("mode");
    }

    private static List<String[]> check(String claim) {
        return ask(new JsonObject().put("content", claim).put("mode", "claim-check"));
    }

    private static List<String[]> ask(JsonObject body) {
        TestApp.Browser user = SharedApp.newUser();
        long id = user.post("/api/v1/conversations", new JsonObject()).bodyAsJsonObject().getLong("id");
        HttpResponse<Buffer> stream = user.post("/api/v1/conversations/" + id + "/messages", body);
        assertThat(stream.statusCode()).as(stream.bodyAsString()).isEqualTo(200);
        return ConversationApiTest.parse(stream.bodyAsString());
    }

    private static JsonObject event(List<String[]> events, String name) {
        return events.stream().filter(e -> e[0].equals(name)).findFirst().map(e -> new JsonObject(e[1]))
                .orElseThrow(() -> new AssertionError("no " + name + " event"));
    }

    private static List<String> sourceIds(List<String[]> events) {
        JsonArray sources = event(events, "sources").getJsonArray("sources");
        return sources.stream().map(s -> ((JsonObject) s).getString("id")).toList();
    }

    private static String text(List<String[]> events) {
        StringBuilder text = new StringBuilder();
        events.stream().filter(e -> e[0].equals("token")).forEach(e -> text.append(new JsonObject(e[1]).getString("text")));
        return text.toString();
    }
}
