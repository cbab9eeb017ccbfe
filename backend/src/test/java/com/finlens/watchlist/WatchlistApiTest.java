package com.finlens.watchlist;

import static org.assertj.core.api.Assertions.assertThat;

import com.finlens.testing.TestApp;
import com.finlens.testing.TestApp.Browser;
import com.finlens.testing.Waits;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The watchlist API on the real app (offline: no DART key, so the poll reads the bundled DART recording of
 * 삼성전자, two filings of 2024-01-31), polling every second.
 */
class WatchlistApiTest {

    private static final String SAMSUNG = "005930";
    private static TestApp app;

    @BeforeAll
    static void start() {
        app = TestApp.start(Map.of("FINLENS_WATCHLIST_POLL_INTERVAL", "1s"));
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    @DisplayName("Each user sees only their own watchlist; watching twice or removing twice changes nothing")
    void ownerScopedAndIdempotent() {
        Browser alice = app.signIn("watch-alice@example.com");
        Browser bob = app.signIn("watch-bob@example.com");

        assertThat(alice.send(HttpMethod.PUT, "/api/v1/watchlist/" + SAMSUNG, null).statusCode()).isEqualTo(200);
        HttpResponse<Buffer> again = alice.send(HttpMethod.PUT, "/api/v1/watchlist/" + SAMSUNG, null);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.bodyAsJsonObject().getString("name")).isEqualTo("삼성전자");
        assertThat(keys(alice)).containsExactly(SAMSUNG);
        assertThat(keys(bob)).isEmpty();

        assertThat(bob.send(HttpMethod.DELETE, "/api/v1/watchlist/" + SAMSUNG, null).statusCode()).isEqualTo(204);
        assertThat(keys(alice)).as("bob's delete does not touch alice's list").containsExactly(SAMSUNG);

        assertThat(alice.send(HttpMethod.DELETE, "/api/v1/watchlist/" + SAMSUNG, null).statusCode()).isEqualTo(204);
        assertThat(alice.send(HttpMethod.DELETE, "/api/v1/watchlist/" + SAMSUNG, null).statusCode()).isEqualTo(204);
        assertThat(keys(alice)).isEmpty();
    }

    @Test
    @DisplayName("Watching a company that does not resolve answers 404 problem+json and adds nothing")
    void unknownCompany() {
        Browser carol = app.signIn("watch-carol@example.com");
        HttpResponse<Buffer> answer = carol.send(HttpMethod.PUT, "/api/v1/watchlist/999999", null);
        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(answer.getHeader("Content-Type")).isEqualTo("application/problem+json");
        assertThat(keys(carol)).isEmpty();
    }

    @Test
    @DisplayName("Changing the watchlist without the CSRF token is refused")
    void csrf() {
        Browser dan = app.signIn("watch-dan@example.com");
        HttpResponse<Buffer> put = TestApp.await(dan.session().put("/api/v1/watchlist/" + SAMSUNG).send());
        HttpResponse<Buffer> read = TestApp.await(dan.session().post("/api/v1/watchlist/feed/read").send());
        assertThat(put.statusCode()).isEqualTo(403);
        assertThat(read.statusCode()).isEqualTo(403);
        assertThat(keys(dan)).isEmpty();
    }

    @Test
    @DisplayName("After a poll the watcher's feed lists the bundled Samsung filings once, unread, linked to the DART"
            + " viewer and marked offline; later polls add no duplicate and another user's feed stays empty")
    void pollFillsFeedOnce() {
        Browser erin = app.signIn("watch-erin@example.com");
        Browser frank = app.signIn("watch-frank@example.com");
        erin.send(HttpMethod.PUT, "/api/v1/watchlist/" + SAMSUNG, null);

        Waits.until(Duration.ofSeconds(60), () -> feed(erin, "").getJsonArray("items").size() >= 2);
        long polls = WatchlistMetrics.companyPolls(app);
        Waits.until(Duration.ofSeconds(60), () -> WatchlistMetrics.companyPolls(app) >= polls + 2);

        JsonObject feed = feed(erin, "");
        JsonArray items = feed.getJsonArray("items");
        assertThat(items).hasSize(2);
        assertThat(rceptNos(items)).containsExactlyInAnyOrder("20240131000326", "20240131800110");
        JsonObject first = items.getJsonObject(0);
        assertThat(first.getString("url")).isEqualTo("https://dart.fss.or.kr/dsaf001/main.do?rcpNo="
                + first.getString("rceptNo"));
        assertThat(first.getString("companyName")).isEqualTo("삼성전자");
        assertThat(first.getString("filer")).isEqualTo("삼성전자");
        assertThat(first.getString("receivedOn")).isEqualTo("2024-01-31");
        assertThat(first.getString("reportName")).isNotBlank();
        assertThat(first.getBoolean("unread")).isTrue();
        assertThat(feed.getInteger("unreadCount")).isEqualTo(2);
        assertThat(feed.getBoolean("offline")).isTrue();
        assertThat(feed.getString("source")).isEqualTo("offline data");

        assertThat(feed(erin, "?since=" + feed.getLong("cursor")).getJsonArray("items")).isEmpty();
        assertThat(feed(frank, "").getJsonArray("items")).isEmpty();
    }

    @Test
    @DisplayName("An unchanged feed answers 304 to its ETag; marking it read makes it all read and changes the ETag")
    void etagAndMarkRead() {
        Browser gina = app.signIn("watch-gina@example.com");
        gina.send(HttpMethod.PUT, "/api/v1/watchlist/" + SAMSUNG, null);
        Waits.until(Duration.ofSeconds(60), () -> feed(gina, "").getInteger("unreadCount") == 2);

        HttpResponse<Buffer> full = gina.get("/api/v1/watchlist/feed");
        String etag = full.getHeader("ETag");
        assertThat(etag).isNotBlank();
        HttpResponse<Buffer> unchanged = TestApp.await(gina.request(HttpMethod.GET, "/api/v1/watchlist/feed")
                .putHeader("If-None-Match", etag).send());
        assertThat(unchanged.statusCode()).isEqualTo(304);
        assertThat(unchanged.body()).isNull();

        long cursor = full.bodyAsJsonObject().getLong("cursor");
        assertThat(gina.post("/api/v1/watchlist/feed/read", new JsonObject().put("upTo", cursor)).statusCode())
                .isEqualTo(204);
        HttpResponse<Buffer> after = TestApp.await(gina.request(HttpMethod.GET, "/api/v1/watchlist/feed")
                .putHeader("If-None-Match", etag).send());
        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(after.getHeader("ETag")).isNotEqualTo(etag);
        JsonObject read = after.bodyAsJsonObject();
        assertThat(read.getInteger("unreadCount")).isZero();
        assertThat(read.getJsonArray("items").stream().map(o -> ((JsonObject) o).getBoolean("unread")))
                .containsOnly(false);
    }

    @Test
    @DisplayName("The account export lists the watched companies")
    void export() {
        Browser ivy = app.signIn("watch-ivy@example.com");
        ivy.send(HttpMethod.PUT, "/api/v1/watchlist/" + SAMSUNG, null);
        JsonArray section = ivy.get("/api/v1/account/export").bodyAsJsonObject().getJsonArray("watchlist");
        assertThat(section).hasSize(1);
        assertThat(section.getJsonObject(0).getString("companyKey")).isEqualTo(SAMSUNG);
    }

    @Test
    @DisplayName("A since that is not a cursor answers 400")
    void badCursor() {
        Browser hank = app.signIn("watch-hank@example.com");
        assertThat(hank.get("/api/v1/watchlist/feed?since=yesterday").statusCode()).isEqualTo(400);
    }

    private static JsonObject feed(Browser user, String query) {
        HttpResponse<Buffer> answer = user.get("/api/v1/watchlist/feed" + query);
        assertThat(answer.statusCode()).isEqualTo(200);
        return answer.bodyAsJsonObject();
    }

    private static Set<String> keys(Browser user) {
        return user.get("/api/v1/watchlist").bodyAsJsonObject().getJsonArray("items").stream()
                .map(o -> ((JsonObject) o).getString("companyKey")).collect(Collectors.toSet());
    }

    private static Set<String> rceptNos(JsonArray items) {
        return items.stream().map(o -> ((JsonObject) o).getString("rceptNo")).collect(Collectors.toSet());
    }
}
