package com.finlens.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import com.finlens.testing.SharedApp;
import com.finlens.testing.TestApp;
import com.finlens.testing.Waits;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ManyDocumentsTest {

    @Test
    @DisplayName("A user with several knowledge documents gets them listed and exported (one query, no shared session)")
    void listAndExportWithSeveralDocuments() {
        TestApp.Browser alice = SharedApp.newUser();
        for (int i = 1; i <= 4; i++) {
            HttpResponse<Buffer> accepted = alice.post("/api/v1/knowledge/documents", new JsonObject()
                    .put("title", "Note " + i).put("text", "Quarterly note number " + i + " about 영업이익 and dividends."));
            assertThat(accepted.statusCode()).isEqualTo(202);
        }
        Waits.until(Duration.ofSeconds(60), () -> {
            HttpResponse<Buffer> list = alice.get("/api/v1/knowledge/documents");
            assertThat(list.statusCode()).isEqualTo(200);
            JsonArray documents = list.bodyAsJsonObject().getJsonArray("documents");
            return documents.size() == 4 && documents.stream()
                    .allMatch(d -> "done".equals(((JsonObject) d).getString("status")));
        });

        HttpResponse<Buffer> apiExport = alice.get("/api/v1/account/export");
        assertThat(apiExport.statusCode()).isEqualTo(200);
        assertThat(apiExport.bodyAsString()).contains("Note 1", "Note 4");
        HttpResponse<Buffer> pageExport = alice.get("/account/export");
        assertThat(pageExport.statusCode()).isEqualTo(200);
        assertThat(pageExport.bodyAsString()).contains("Note 2", "Note 3");
    }
}
