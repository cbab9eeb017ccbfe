package com.finlens.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import com.finlens.integration.llm.SseFixtures;
import com.finlens.testing.RecordedLlm;
import com.finlens.testing.Sql;
import com.finlens.testing.TestApp;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The load suite: bounded in count and time, so it runs in every ./mvnw verify. Prints its figures. */
class StreamingLoadTest {

    private static final int STREAMS = 300;
    private static final int SAME_CONVERSATION = 50;

    @Test
    @DisplayName("300 concurrent streamed answers plus 50 concurrent questions in one conversation: no 5xx, every acknowledged answer stored complete")
    void threeHundredStreamsAndOneBusyConversation() throws Exception {
        try (RecordedLlm llm = new RecordedLlm()) {
            // 12 recorded events 150 ms apart: each answer streams for about two seconds, so all 300 overlap.
            llm.completions().stream("text/event-stream", SseFixtures.mexico(), Duration.ofMillis(150));
            underLoad(llm);
        }
    }

    private static void underLoad(RecordedLlm llm) throws Exception {
        try (TestApp app = TestApp.start(llm.env(Map.of("FINLENS_DB_POOL_SIZE", "20")))) {
            WebClient client = WebClient.create(app.clientVertx(), new WebClientOptions().setDefaultHost("127.0.0.1")
                    .setDefaultPort(app.port()).setFollowRedirects(false).setMaxPoolSize(STREAMS + SAME_CONVERSATION));
            List<TestApp.Browser> users = new ArrayList<>();
            for (int u = 0; u < 30; u++) {
                users.add(TestApp.signIn(client, "load-" + u + "@example.com"));
            }
            List<Long> conversations = new ArrayList<>();
            for (int i = 0; i < STREAMS; i++) {
                conversations.add(users.get(i % users.size()).post("/api/v1/conversations", new JsonObject())
                        .bodyAsJsonObject().getLong("id"));
            }
            TestApp.Browser busy = users.get(0);
            long busyConversation = busy.post("/api/v1/conversations", new JsonObject()).bodyAsJsonObject().getLong("id");

            long started = System.nanoTime();
            List<CompletableFuture<HttpResponse<Buffer>>> streams = new ArrayList<>();
            for (int i = 0; i < STREAMS; i++) {
                streams.add(ask(users.get(i % users.size()), conversations.get(i), "What is the capital of Mexico?"));
            }
            List<CompletableFuture<HttpResponse<Buffer>>> crowd = new ArrayList<>();
            for (int i = 0; i < SAME_CONVERSATION; i++) {
                crowd.add(ask(busy, busyConversation, "Capital of Mexico, again #" + i));
            }

            int complete = 0;
            int refused = 0;
            int serverErrors = 0;
            int other = 0;
            List<CompletableFuture<HttpResponse<Buffer>>> all = new ArrayList<>(streams);
            all.addAll(crowd);
            for (CompletableFuture<HttpResponse<Buffer>> call : all) {
                HttpResponse<Buffer> response = call.get(180, TimeUnit.SECONDS);
                if (response.statusCode() >= 500) {
                    serverErrors++;
                } else if (response.statusCode() == 409) {
                    refused++;
                } else if (response.statusCode() == 200 && response.bodyAsString().contains("\"status\":\"complete\"")) {
                    complete++;
                } else {
                    other++;
                }
            }
            long millis = (System.nanoTime() - started) / 1_000_000;
            String db = app.app().databaseUrl();
            long stored = Sql.count(db, "select count(*) from messages m join conversations c on c.id = m.conversation_id"
                    + " join users u on u.id = c.user_id where u.email like 'load-%' and m.role = 'assistant'"
                    + " and m.status = 'complete' and m.content like '%Mexico City%'");
            long asked = Sql.count(db, "select count(*) from messages m join conversations c on c.id = m.conversation_id"
                    + " join users u on u.id = c.user_id where u.email like 'load-%' and m.role = 'user'");
            System.out.printf("Load: %d streams + %d questions in one conversation in %d ms: %d complete, %d refused"
                    + " (409), %d other, %d 5xx; %d asked, %d stored complete, messages lost %d%n", STREAMS,
                    SAME_CONVERSATION, millis, complete, refused, other, serverErrors, asked, stored, complete - stored);

            assertThat(serverErrors).isZero();
            assertThat(other).isZero();
            assertThat(complete).isGreaterThanOrEqualTo(STREAMS + 1);
            assertThat(stored).isEqualTo(complete).isEqualTo(asked);
            client.close();
        }
    }

    private static CompletableFuture<HttpResponse<Buffer>> ask(TestApp.Browser user, long conversation, String text) {
        return user.request(HttpMethod.POST, "/api/v1/conversations/" + conversation + "/messages")
                .sendJsonObject(new JsonObject().put("content", text)).toCompletionStage().toCompletableFuture();
    }
}
