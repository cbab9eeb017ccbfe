package com.finlens.market.cache;

import static org.assertj.core.api.Assertions.assertThat;

import com.finlens.testing.SharedApp;
import com.finlens.testing.TestApp;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SharedResponsesIsolationTest {

    @Test
    @DisplayName("Two users asking for one company get the same cached answer, with its provenance and as-of date, "
            + "and nothing of either user in it")
    void marketAnswersCarryNothingOfTheUser() {
        TestApp app = SharedApp.get();
        TestApp.Browser first = app.signIn("shared-first@example.com");
        TestApp.Browser second = app.signIn("shared-second@example.com");

        HttpResponse<Buffer> forFirst = first.get("/api/v1/companies/005930");
        HttpResponse<Buffer> forSecond = second.get("/api/v1/companies/005930");

        assertThat(forFirst.statusCode()).isEqualTo(200);
        assertThat(forSecond.bodyAsString()).isEqualTo(forFirst.bodyAsString());
        JsonObject provenance = forSecond.bodyAsJsonObject().getJsonArray("provenance").getJsonObject(0);
        assertThat(provenance.getString("source")).isNotBlank();
        assertThat(provenance.getString("asOf")).isNotBlank();
        assertThat(forSecond.bodyAsString()).doesNotContain("shared-first", "shared-second",
                "\"userId\"", Long.toString(first.userId()) + ",");
        // A user's answer is private to the browser even though the server shares it.
        assertThat(forSecond.getHeader("Cache-Control")).isEqualTo("no-store");
        assertThat(forSecond.getHeader("X-Request-Id")).isNotEqualTo(forFirst.getHeader("X-Request-Id"));
    }

    @Test
    @DisplayName("A user's conversation list is their own while lists are cached: another user's new conversation "
            + "never shows in it, and the author sees theirs at once")
    void conversationListsStayPerUser() {
        TestApp app = SharedApp.get();
        TestApp.Browser reader = app.signIn("list-reader@example.com");
        TestApp.Browser author = app.signIn("list-author@example.com");
        assertThat(reader.get("/api/v1/conversations").statusCode()).isEqualTo(200);
        assertThat(author.get("/api/v1/conversations").statusCode()).isEqualTo(200);

        HttpResponse<Buffer> created = author.post("/api/v1/conversations",
                new JsonObject().put("title", "author's private title"));

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(reader.get("/api/v1/conversations").bodyAsString()).doesNotContain("author's private title");
        assertThat(author.get("/api/v1/conversations").bodyAsString()).contains("author's private title");
    }
}
