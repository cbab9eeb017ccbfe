package com.finlens.platform.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.finlens.testing.DataDirs;
import com.finlens.testing.Sql;
import com.finlens.testing.TestApp;
import com.finlens.testing.Waits;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The faults suite, database side: its own MariaDB server, stopped and started again while users write. */
class DatabaseOutageTest {

    @Test
    @DisplayName("The database stopped and restarted under load: readiness goes red then green, writes are refused with 503 meanwhile, the backend recovers by itself and no acknowledged write is lost")
    void outageUnderLoad() throws Exception {
        Path dir = Files.createTempDirectory("finlens-outage");
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        EmbeddedMariaDb db = EmbeddedMariaDb.start(dir, port, Database.NAME);
        ExecutorService writers = Executors.newFixedThreadPool(4);
        try (TestApp app = TestApp.start(Map.of("FINLENS_DB_URL", db.jdbcUrl(Database.NAME), "FINLENS_DB_USER", "root"))) {
            TestApp.Browser alice = app.signIn("outage@example.com");
            ConcurrentLinkedQueue<Long> acknowledged = new ConcurrentLinkedQueue<>();
            ConcurrentLinkedQueue<Integer> unexpected = new ConcurrentLinkedQueue<>();
            ConcurrentLinkedQueue<String> unanswered = new ConcurrentLinkedQueue<>();
            AtomicInteger refused = new AtomicInteger();
            AtomicBoolean running = new AtomicBoolean(true);
            for (int w = 0; w < 4; w++) {
                writers.submit(() -> {
                    while (running.get()) {
                        HttpResponse<Buffer> created;
                        try {
                            created = alice.post("/api/v1/conversations",
                                    new JsonObject().put("title", "written under load"));
                        } catch (IllegalStateException noAnswer) {
                            // A request left without an answer (60 s) is a defect, not a reason to stop writing.
                            unanswered.add(noAnswer.toString());
                            continue;
                        }
                        if (created.statusCode() == 201 || created.statusCode() == 200) {
                            acknowledged.add(created.bodyAsJsonObject().getLong("id"));
                        } else if (created.statusCode() == 503) {
                            refused.incrementAndGet();
                        } else {
                            unexpected.add(created.statusCode());
                        }
                    }
                    return null;
                });
            }
            Waits.until(Duration.ofSeconds(60), () -> acknowledged.size() >= 20);

            db.close();
            Waits.until("readiness red", Duration.ofSeconds(30), () -> ready(app) == 503);
            Waits.until("a write refused with 503 (other answers: " + unexpected + ")", Duration.ofSeconds(30),
                    () -> refused.get() > 0);
            db = EmbeddedMariaDb.start(dir, port, Database.NAME);
            Waits.until(Duration.ofSeconds(60), () -> ready(app) == 200);
            int beforeRecovery = acknowledged.size();
            Waits.until(Duration.ofSeconds(60), () -> acknowledged.size() >= beforeRecovery + 20);
            running.set(false);
            writers.shutdown();
            assertThat(writers.awaitTermination(90, TimeUnit.SECONDS)).isTrue();

            List<Long> ids = new ArrayList<>(acknowledged);
            long stored = Sql.count(db.jdbcUrl(Database.NAME), "select count(*) from conversations where id in ("
                    + ids.stream().map(String::valueOf).collect(Collectors.joining(",")) + ")");
            System.out.printf("Database outage: %d writes acknowledged, %d refused with 503 during the outage,"
                    + " %d stored, %d lost%n", ids.size(), refused.get(), stored, ids.size() - stored);
            assertThat(unexpected).isEmpty();
            assertThat(unanswered).isEmpty();
            assertThat(stored).isEqualTo(ids.size());
        } finally {
            writers.shutdownNow();
            db.close();
            DataDirs.delete(dir);
        }
    }

    private static int ready(TestApp app) {
        return TestApp.await(app.client().get("/health/ready").send()).statusCode();
    }
}
