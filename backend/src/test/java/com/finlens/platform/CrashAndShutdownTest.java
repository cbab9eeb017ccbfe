package com.finlens.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.finlens.integration.llm.SseFixtures;
import com.finlens.testing.ChildApp;
import com.finlens.testing.DataDirs;
import com.finlens.testing.RecordedLlm;
import com.finlens.testing.Sql;
import com.finlens.testing.TestApp;
import com.finlens.testing.Waits;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Faults that only a real process shows: the jar's entry point in its own JVM, its embedded MariaDB, SIGTERM and
 * kill -9 while answers stream from a local recorded-LLM server.
 */
class CrashAndShutdownTest {

    private Vertx vertx;
    private RecordedLlm llm;
    private final List<AutoCloseable> started = new ArrayList<>();
    private final List<Path> dataDirs = new ArrayList<>();

    @BeforeEach
    void startLlm() {
        vertx = Vertx.vertx();
        llm = new RecordedLlm();
    }

    @AfterEach
    void stopAll() throws Exception {
        for (int i = started.size() - 1; i >= 0; i--) {
            started.get(i).close();
        }
        llm.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        dataDirs.forEach(DataDirs::delete);
    }

    @Test
    @DisplayName("SIGTERM during 50 streamed answers: all 50 finish, are stored complete, and only then does the database stop")
    void sigtermDrainsEveryStream() throws Exception {
        // The recorded stream, one event every 250 ms: every answer is mid-stream when SIGTERM arrives.
        llm.completions().stream("text/event-stream", SseFixtures.mexico(), Duration.ofMillis(250));
        Path dataDir = Files.createTempDirectory("finlens-sigterm");
        dataDirs.add(dataDir);
        ChildApp app = ChildApp.start(dataDir, llm.env(Map.of("FINLENS_SHUTDOWN_GRACE", "120s")));
        started.add(app);
        WebClient client = client(app.port(), 60);
        TestApp.Browser alice = TestApp.signIn(client, "sigterm@example.com");

        List<CompletableFuture<HttpResponse<Buffer>>> answers = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            long id = alice.post("/api/v1/conversations", new JsonObject()).bodyAsJsonObject().getLong("id");
            answers.add(alice.request(io.vertx.core.http.HttpMethod.POST, "/api/v1/conversations/" + id + "/messages")
                    .sendJsonObject(new JsonObject().put("content", "What is the capital of Mexico?"))
                    .toCompletionStage().toCompletableFuture());
        }
        Waits.until(Duration.ofSeconds(90), () -> llm.calls() >= 50);
        app.terminate();
        assertThat(app.awaitExit(Duration.ofMinutes(3))).isNotZero();

        for (CompletableFuture<HttpResponse<Buffer>> answer : answers) {
            String stream = answer.get(30, TimeUnit.SECONDS).bodyAsString();
            assertThat(stream).contains("event: done").contains("\"status\":\"complete\"").doesNotContain("event: failed");
        }
        assertThat(app.log()).contains("Shutting down").contains("Embedded MariaDB stopped");
        assertThat(app.log().indexOf("Embedded MariaDB stopped")).isGreaterThan(app.log().lastIndexOf(" 200 "));

        try (TestApp reopened = TestApp.start(Map.of("FINLENS_DB_URL", "", "FINLENS_DATA_DIR", dataDir.toString()))) {
            String db = reopened.app().databaseUrl();
            assertThat(Sql.count(db, "select count(*) from messages where role = 'assistant' and status = 'complete'"
                    + " and content like '%Mexico City%'")).isEqualTo(50);
            assertThat(Sql.count(db, "select count(*) from messages where status <> 'complete'")).isZero();
        }
    }

    @Test
    @DisplayName("kill -9 during streams: the next start stops the orphaned database server, runs one server, and marks the cut-off answers failed")
    void killNineThenRestart() throws Exception {
        // A few tokens, then the upstream goes silent: the answers are streaming (and stored so) when the kill comes.
        llm.completions().custom((request, body, response) -> {
            response.setStatusCode(200).putHeader("Content-Type", "text/event-stream").setChunked(true);
            SseFixtures.mexico().subList(0, 3).forEach(response::write);
        });
        Path dataDir = Files.createTempDirectory("finlens-kill9");
        dataDirs.add(dataDir);
        Map<String, String> env = llm.env(Map.of("FINLENS_ANSWER_STALE_AFTER", "3s",
                "FINLENS_LLM_FIRST_TOKEN_TIMEOUT", "120s", "FINLENS_LLM_TOTAL_DEADLINE", "300s"));
        ChildApp first = ChildApp.start(dataDir, env);
        started.add(first);
        WebClient client = client(first.port(), 5);
        TestApp.Browser bob = TestApp.signIn(client, "kill9@example.com");
        List<Long> conversations = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            long id = bob.post("/api/v1/conversations", new JsonObject()).bodyAsJsonObject().getLong("id");
            conversations.add(id);
            bob.request(io.vertx.core.http.HttpMethod.POST, "/api/v1/conversations/" + id + "/messages")
                    .sendJsonObject(new JsonObject().put("content", "What is the capital of Mexico?"));
        }
        Waits.until(Duration.ofSeconds(90), () -> llm.calls() >= 5);
        long orphan = Long.parseLong(Files.readString(dataDir.resolve("mariadb/mariadbd.pid")).strip());

        first.kill();
        first.awaitExit(Duration.ofSeconds(30));
        assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive)).as("the orphaned mariadbd").contains(true);

        ChildApp second = ChildApp.start(dataDir, env);
        started.add(second);
        assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        String dataArg = "--datadir=" + dataDir.resolve("mariadb/data").toFile().getCanonicalPath();
        assertThat(ProcessHandle.allProcesses().filter(p -> p.info().arguments()
                .map(a -> List.of(a).contains(dataArg)).orElse(false)).count()).as("servers on the data dir").isOne();
        assertThat(second.log()).contains("stopping it");

        TestApp.Browser again = TestApp.signIn(client(second.port(), 5), "kill9@example.com");
        for (long id : conversations) {
            Waits.until(Duration.ofSeconds(60), () -> again.get("/api/v1/conversations/" + id + "/messages")
                    .bodyAsJsonObject().getJsonArray("messages").stream()
                    .map(m -> (JsonObject) m).filter(m -> m.getString("role").equals("assistant"))
                    .allMatch(m -> m.getString("status").equals("failed")));
        }
        // Conversations are usable again: a new question is accepted (no stuck "answer in progress").
        llm.server().reset();
        llm.completions().stream("text/event-stream", SseFixtures.mexico(), Duration.ZERO);
        HttpResponse<Buffer> retry = again.post("/api/v1/conversations/" + conversations.get(0) + "/messages",
                new JsonObject().put("content", "What is the capital of Mexico?"));
        assertThat(retry.statusCode()).isEqualTo(200);
        assertThat(retry.bodyAsString()).contains("\"status\":\"complete\"");
    }

    private WebClient client(int port, int connections) {
        return WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(port)
                .setFollowRedirects(false).setMaxPoolSize(connections).setIdleTimeout(0));
    }
}
