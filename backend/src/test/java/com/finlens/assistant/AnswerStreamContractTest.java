package com.finlens.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import com.finlens.account.signin.SignInConfig;
import com.finlens.integration.llm.SseFixtures;
import com.finlens.testing.OpenApiContract;
import com.finlens.testing.ReplayServer;
import com.finlens.testing.SharedApp;
import com.finlens.testing.TestApp;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The answer-stream contract, recorded from the real backend: the embedded defaults (offline composer, bundled
 * market recordings) and a second app whose language model is a recorded OpenAI stream or a recorded 500. Every
 * JSON response and every event is validated against the served OpenAPI document, and the recordings are what the
 * extension's and the web's tests replay ({@link Transcripts}; refresh with {@code -Dtranscripts.refresh=true}).
 */
class AnswerStreamContractTest {

    private static final String SSE = "text/event-stream";
    /** An ordinary question the bundled data answers with a cited figure. */
    private static final String ORDINARY = "삼성전자 주가 알려줘";
    /** "TPC" names two listed companies (TPC and 티피씨글로벌): the pipeline must ask, not guess. */
    private static final String AMBIGUOUS = "TPC 주가 알려줘";
    /** A claim check the bundled DART data contradicts (삼성전자's 2024 operating income is about 32.7조원). */
    private static final String WRONG_CLAIM = "삼성전자 2024년 영업이익은 50조원이다";

    @Test
    @DisplayName("What the clients read (answers, a company choice and its follow-up, a claim check, a failure, usage, sign-in methods, problems) matches the OpenAPI document and the recorded transcripts")
    void recordsTheContract() {
        Transcripts transcripts = new Transcripts();
        TestApp app = SharedApp.get();
        OpenApiContract contract = OpenApiContract.of(app);
        TestApp.Browser user = SharedApp.newUser();

        HttpResponse<Buffer> created = call(contract, user, "POST", "/api/v1/conversations", new JsonObject());
        transcripts.json("conversation-created", 201, created.getHeader("Content-Type"), created.bodyAsString());
        long id = created.bodyAsJsonObject().getLong("id");
        String messages = "/api/v1/conversations/" + id + "/messages";

        String answer = ask(contract, user, messages, new JsonObject().put("content", ORDINARY));
        assertThat(names(answer)).startsWith("start").endsWith("done").contains("step", "token", "sources",
                "number-check");
        assertThat(event(answer, "sources").getJsonArray("sources")).as("the clients' tests need a cited answer")
                .isNotEmpty();
        transcripts.sse("answer", answer);

        String choose = ask(contract, user, messages, new JsonObject().put("content", AMBIGUOUS));
        assertThat(names(choose)).contains("choose-company").endsWith("done");
        transcripts.sse("choose-company", choose);
        JsonObject candidate = event(choose, "choose-company").getJsonArray("candidates").getJsonObject(1);
        assertThat(candidate.getString("key")).isNotBlank();
        String chosen = ask(contract, user, messages,
                new JsonObject().put("content", AMBIGUOUS).put("companyKey", candidate.getString("key")));
        assertThat(names(chosen)).doesNotContain("choose-company").endsWith("done");
        assertThat(text(chosen)).contains(candidate.getString("name"));
        transcripts.sse("chosen-company", chosen);

        String claim = ask(contract, user, messages, new JsonObject().put("content", WRONG_CLAIM).put("mode", "claim-check"));
        assertThat(event(claim, "claim-check").getString("verdict")).isEqualTo("contradicted");
        assertThat(event(claim, "claim-check").getJsonArray("found")).isNotEmpty();
        transcripts.sse("claim-check", claim);

        HttpResponse<Buffer> listed = call(contract, user, "GET", "/api/v1/conversations", null);
        transcripts.json("conversations", 200, listed.getHeader("Content-Type"), listed.bodyAsString());
        HttpResponse<Buffer> stored = call(contract, user, "GET", messages, null);
        transcripts.json("messages", 200, stored.getHeader("Content-Type"), stored.bodyAsString());
        HttpResponse<Buffer> usage = call(contract, user, "GET", "/api/v1/usage", null);
        assertThat(usage.bodyAsJsonObject().fieldNames()).contains("dailyAnswerLimit", "used", "remaining");
        transcripts.json("usage", 200, usage.getHeader("Content-Type"), usage.bodyAsString());
        HttpResponse<Buffer> mentions = call(contract, user, "POST", "/api/v1/companies/mentions",
                new JsonObject().put("text", "삼성전자와 현대차, 그리고 삼성전자 실적"));
        transcripts.json("mentions", 200, mentions.getHeader("Content-Type"), mentions.bodyAsString());
        // The web's knowledge page reads these two; nothing replays them, but they must match the document too.
        call(contract, user, "GET", "/api/v1/knowledge/documents", null);
        call(contract, user, "GET", "/api/v1/knowledge/search?q=" + java.net.URLEncoder.encode("영업이익",
                StandardCharsets.UTF_8) + "&k=10", null);
        HttpResponse<Buffer> invalid = call(contract, user, "POST", messages, new JsonObject().put("content", ""));
        assertThat(invalid.statusCode()).isEqualTo(400);
        transcripts.json("problem-invalid", 400, invalid.getHeader("Content-Type"), invalid.bodyAsString());
        HttpResponse<Buffer> methods = TestApp.await(app.client().get("/api/v1/sign-in/methods").send());
        contract.assertResponse("GET", "/api/v1/sign-in/methods", 200, methods.getHeader("Content-Type"),
                methods.bodyAsString());
        transcripts.json("sign-in-methods", 200, methods.getHeader("Content-Type"), methods.bodyAsString());
        HttpResponse<Buffer> anonymous = TestApp.await(app.client().get("/api/v1/usage").send());
        contract.assertResponse("GET", "/api/v1/usage", 401, anonymous.getHeader("Content-Type"),
                anonymous.bodyAsString());
        transcripts.json("problem-unauthorized", 401, anonymous.getHeader("Content-Type"), anonymous.bodyAsString());

        recordExtensionTokens(app, transcripts);
        recordModelAnswers(transcripts);

        List<String> stale = transcripts.writeOrCompare(Boolean.getBoolean("transcripts.refresh"));
        assertThat(stale).as("The backend's answer-stream contract changed but the clients' recordings did not. "
                + "Update the clients, then refresh the recordings: ./mvnw -pl backend -am test "
                + "-Dtest=AnswerStreamContractTest -Dsurefire.failIfNoSpecifiedTests=false "
                + "-Dtranscripts.refresh=true").isEmpty();
    }

    /** The extension's token refresh: a rotated pair, then the spent refresh token refused. */
    private static void recordExtensionTokens(TestApp app, Transcripts transcripts) {
        String redirect = "https://" + SignInConfig.BUNDLED_EXTENSION_ID + ".chromiumapp.org/oauth";
        HttpResponse<Buffer> signedIn = TestApp.await(app.client().post("/auth/extension/dev").sendForm(
                MultiMap.caseInsensitiveMultiMap().add("redirect_uri", redirect).add("email", "contract-ext@example.com")));
        String refreshToken = URLDecoder.decode(signedIn.getHeader("Location").replaceAll(".*[#&]refresh_token=([^&]*).*",
                "$1"), StandardCharsets.UTF_8);
        String origin = "chrome-extension://" + SignInConfig.BUNDLED_EXTENSION_ID;
        for (String name : List.of("token-refreshed", "token-rejected")) {
            HttpResponse<Buffer> refreshed = TestApp.await(app.client().post("/auth/extension/token")
                    .putHeader("Origin", origin).sendJsonObject(new JsonObject().put("refreshToken", refreshToken)));
            transcripts.json(name, refreshed.statusCode(), refreshed.getHeader("Content-Type"), refreshed.bodyAsString());
        }
    }

    /** A language-model answer replayed from a recorded OpenAI stream, then the recorded OpenAI 500. */
    private static void recordModelAnswers(Transcripts transcripts) {
        Vertx upstreamVertx = Vertx.vertx();
        ReplayServer llm = ReplayServer.start(upstreamVertx);
        try (TestApp app = TestApp.start(Map.of("FINLENS_OPENAI_API_KEY", "test-key",
                "FINLENS_OPENAI_BASE_URL", llm.baseUrl() + "/v1", "FINLENS_LLM_ORDER", "openai"))) {
            OpenApiContract contract = OpenApiContract.of(app);
            TestApp.Browser user = app.signIn("contract-model@example.com");
            long id = user.post("/api/v1/conversations", new JsonObject()).bodyAsJsonObject().getLong("id");
            String messages = "/api/v1/conversations/" + id + "/messages";

            llm.on("POST", "/v1/chat/completions").stream(SSE, SseFixtures.mexico(), Duration.ofMillis(1));
            String model = ask(contract, user, messages, new JsonObject().put("content", "What is the capital of Mexico?"));
            assertThat(names(model)).startsWith("start").endsWith("done");
            assertThat(text(model)).contains("Mexico City");
            transcripts.sse("answer-model", model);

            llm.reset();
            llm.on("POST", "/v1/chat/completions").reply(500, "application/json",
                    ReplayServer.resource("fixtures/openai/500_server_error.json"));
            String failed = ask(contract, user, messages, new JsonObject().put("content", "What is the capital of Peru?"));
            assertThat(names(failed)).startsWith("start").endsWith("failed").doesNotContain("done");
            transcripts.sse("failed", failed);
        } finally {
            llm.close();
            ReplayServer.await(upstreamVertx.close());
        }
    }

    private static String ask(OpenApiContract contract, TestApp.Browser user, String path, JsonObject body) {
        HttpResponse<Buffer> response = call(contract, user, "POST", path, body);
        assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
        String stream = response.bodyAsString();
        for (String[] e : ConversationApiTest.parse(stream)) {
            contract.assertEvent(e[0], new JsonObject(e[1]));
        }
        return stream;
    }

    private static HttpResponse<Buffer> call(OpenApiContract contract, TestApp.Browser user, String method,
                                             String path, JsonObject body) {
        HttpResponse<Buffer> response = user.send(HttpMethod.valueOf(method), path, body);
        contract.assertResponse(method, path.replaceFirst("\\?.*", ""), response.statusCode(),
                response.getHeader("Content-Type"), response.bodyAsString());
        return response;
    }

    private static List<String> names(String stream) {
        return ConversationApiTest.parse(stream).stream().map(e -> e[0]).toList();
    }

    private static JsonObject event(String stream, String name) {
        return ConversationApiTest.parse(stream).stream().filter(e -> e[0].equals(name)).findFirst()
                .map(e -> new JsonObject(e[1])).orElseThrow();
    }

    private static String text(String stream) {
        StringBuilder text = new StringBuilder();
        ConversationApiTest.parse(stream).stream().filter(e -> e[0].equals("token"))
                .forEach(e -> text.append(new JsonObject(e[1]).getString("text")));
        return text.toString();
    }
}
