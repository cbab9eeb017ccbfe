package com.finlens.knowledge.ingest;

import static com.finlens.testing.ReplayServer.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.finlens.testing.ReplayServer;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SafeUrlFetcherTest {

    private static Vertx vertx;
    private static WorkerExecutor worker;
    private static ReplayServer allowed;
    private static ReplayServer forbidden;
    private static SafeUrlFetcher fetcher;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
        worker = vertx.createSharedWorkerExecutor("fetch-test", 2);
        allowed = ReplayServer.start(vertx);
        forbidden = ReplayServer.start(vertx);
        fetcher = new SafeUrlFetcher(vertx, worker, new FetchConfig(64 * 1024, Duration.ofSeconds(2), 3,
                Set.of("127.0.0.1:" + allowed.port())));
    }

    @AfterAll
    static void stop() {
        await(fetcher.close());
        allowed.close();
        forbidden.close();
        worker.close();
        await(vertx.close());
    }

    @BeforeEach
    void resetRules() {
        allowed.reset();
        forbidden.reset();
    }

    private static String rejection(String url) {
        Throwable failure = await(fetcher.fetch(url).map(r -> (Throwable) null).otherwise(e -> e));
        assertThat(failure).as("fetching %s must fail", url).isInstanceOf(FetchRejectedException.class);
        return failure.getMessage();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1/", "http://169.254.169.254/latest/meta-data/", "http://10.0.0.8/",
        "http://192.168.1.1/", "http://172.16.5.4/", "http://[::1]/", "http://[::ffff:127.0.0.1]/", "http://[fd00::1]/",
        "http://[fe80::1]/", "http://0.0.0.0/", "http://100.64.0.1/", "http://localhost/", "http://[64:ff9b::a9fe:a9fe]/"})
    @DisplayName("Loopback, private, link-local, metadata and unique-local targets are refused before any connection")
    void privateTargetsRefused(String url) {
        assertThat(rejection(url)).contains("private or reserved address");
    }

    @Test
    @DisplayName("A URL longer than the column that stores it is refused before any connection")
    void overlongUrlRefused() {
        allowed.on("GET", "/long").reply(200, "text/plain", "fine");
        assertThat(rejection(allowed.baseUrl() + "/long?" + "a".repeat(2100))).contains("longer than 2048");
        assertThat(allowed.received()).isEmpty();
    }

    @Test
    @DisplayName("Refusing a name that resolves to an internal address never tells the caller that address")
    void internalAddressNotEchoed() {
        assertThat(rejection("http://localhost/")).contains("localhost").doesNotContain("127.0.0.1")
                .doesNotContain("0:0:0:0:0:0:0:1");
    }

    @Test
    @DisplayName("A server on a private address is refused unless its exact host and port are allowed")
    void privateServerNeedsExplicitAllowance() {
        forbidden.on("GET", "/").reply(200, "text/plain", "secret");

        assertThat(rejection(forbidden.baseUrl() + "/")).contains("private or reserved address");
        assertThat(forbidden.received()).isEmpty();
    }

    @Test
    @DisplayName("Only http and https URLs with a host are fetched")
    void schemes() {
        assertThat(rejection("file:///etc/passwd")).contains("only http and https");
        assertThat(rejection("gopher://example.com/")).contains("only http and https");
        assertThat(rejection("http://user:pw@example.com/")).contains("no user name");
    }

    @Test
    @DisplayName("An allowed server's HTML page is fetched with its format")
    void fetchesAllowedPage() {
        allowed.on("GET", "/report").reply(200, "text/html; charset=utf-8", "<html><body><p>실적 발표</p></body></html>");

        FetchedResource page = await(fetcher.fetch(allowed.baseUrl() + "/report"));

        assertThat(page.format()).isEqualTo(SourceFormat.HTML);
        assertThat(new String(page.body(), StandardCharsets.UTF_8)).contains("실적 발표");
    }

    @Test
    @DisplayName("Every redirect hop is checked: a redirect to the metadata endpoint or another local port is refused")
    void redirectsAreChecked() {
        allowed.on("GET", "/to-metadata").reply(302, Map.of("Location", "http://169.254.169.254/latest/meta-data/"),
                Buffer.buffer());
        allowed.on("GET", "/to-local").reply(301, Map.of("Location", forbidden.baseUrl() + "/"), Buffer.buffer());
        allowed.on("GET", "/to-v6").reply(307, Map.of("Location", "http://[::1]:8080/"), Buffer.buffer());
        forbidden.on("GET", "/").reply(200, "text/plain", "secret");

        assertThat(rejection(allowed.baseUrl() + "/to-metadata")).contains("169.254.169.254");
        assertThat(rejection(allowed.baseUrl() + "/to-local")).contains("private or reserved address");
        assertThat(rejection(allowed.baseUrl() + "/to-v6")).contains("private or reserved address");
        assertThat(forbidden.received()).isEmpty();
    }

    @Test
    @DisplayName("Relative redirects are followed up to three hops, and a fourth is refused")
    void redirectLimit() {
        allowed.on("GET", "/a").reply(302, Map.of("Location", "/b"), Buffer.buffer());
        allowed.on("GET", "/b").reply(302, Map.of("Location", "/c"), Buffer.buffer());
        allowed.on("GET", "/c").reply(302, Map.of("Location", "/d"), Buffer.buffer());
        allowed.on("GET", "/d").reply(200, "text/plain", "arrived");
        allowed.on("GET", "/e").reply(302, Map.of("Location", "/a"), Buffer.buffer());

        assertThat(await(fetcher.fetch(allowed.baseUrl() + "/a")).url()).endsWith("/d");
        assertThat(rejection(allowed.baseUrl() + "/e")).contains("more than 3 redirects");
    }

    @Test
    @DisplayName("A body larger than the limit is abandoned while streaming, with or without a Content-Length")
    void sizeLimit() {
        allowed.on("GET", "/streamed").custom((req, body, res) -> {
            res.setChunked(true).putHeader("Content-Type", "text/plain");
            Buffer block = Buffer.buffer("x".repeat(16 * 1024));
            for (int i = 0; i < 400; i++) {
                res.write(block);
            }
            res.end();
        });
        allowed.on("GET", "/declared").reply(200, "text/plain", "y".repeat(100 * 1024));

        assertThat(rejection(allowed.baseUrl() + "/streamed")).contains("larger than 64 KB");
        assertThat(rejection(allowed.baseUrl() + "/declared")).contains("larger than 64 KB");
    }

    @Test
    @DisplayName("Content types other than HTML, text, Markdown and PDF are refused")
    void contentTypes() {
        allowed.on("GET", "/image").reply(200, "image/png", "png");

        assertThat(rejection(allowed.baseUrl() + "/image")).contains("unsupported content type image/png");
    }

    @Test
    @DisplayName("A server that never answers is given up on after the time limit")
    void timeLimit() {
        allowed.on("GET", "/slow").hang();

        assertThat(rejection(allowed.baseUrl() + "/slow")).contains("longer than 2 s");
    }
}
