package com.finlens.knowledge;

import static com.finlens.testing.ReplayServer.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.finlens.knowledge.embedding.EmbeddingSpace;
import com.finlens.knowledge.ingest.Chunker;
import com.finlens.knowledge.ingest.DocumentParser;
import com.finlens.knowledge.ingest.FetchConfig;
import com.finlens.knowledge.ingest.SafeUrlFetcher;
import com.finlens.knowledge.store.LuceneVectorStore;
import com.finlens.knowledge.testing.HashingEmbedder;
import com.finlens.knowledge.testing.InMemoryDocumentRepository;
import com.finlens.platform.auth.CurrentUser;
import com.finlens.platform.db.OwnContext;
import com.finlens.platform.http.ApiRoutes;
import com.finlens.platform.http.FailureHandler;
import com.finlens.platform.view.Messages;
import com.finlens.platform.view.Views;
import com.finlens.testing.ReplayServer;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.multipart.MultipartForm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KnowledgeRoutesTest {

    private static final String ALICE = "1";
    private static final String BOB = "2";

    @TempDir
    Path dataDir;

    private Vertx vertx;
    private WorkerExecutor worker;
    private LuceneVectorStore store;
    private KnowledgeService knowledge;
    private HttpServer server;
    private WebClient client;
    private ReplayServer web;

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        worker = vertx.createSharedWorkerExecutor("knowledge-routes-test", 2);
        web = ReplayServer.start(vertx);
        store = await(LuceneVectorStore.open(worker, dataDir.resolve("index"),
                new EmbeddingSpace("hashing-64", HashingEmbedder.DIMENSION)));
        SafeUrlFetcher fetcher = new SafeUrlFetcher(vertx, worker, new FetchConfig(1024 * 1024, Duration.ofSeconds(5), 3,
                Set.of("127.0.0.1:" + web.port())));
        knowledge = new KnowledgeService(new InMemoryDocumentRepository(), store, new HashingEmbedder(),
                new DocumentParser(worker), fetcher, new Chunker(200), Clock.systemUTC(), new OwnContext(vertx),
                new QueryCache(Duration.ofMinutes(10), 100));

        Router router = Router.router(vertx);
        Files.createDirectories(dataDir.resolve("uploads"));
        router.route().handler(BodyHandler.create(dataDir.resolve("uploads").toString()).setDeleteUploadedFilesOnEnd(true));
        // Stands in for the platform's auth handler: the test says who is signed in.
        router.route().handler(ctx -> {
            String user = ctx.request().getHeader("X-Test-User");
            if (user != null) {
                CurrentUser.set(ctx, Long.parseLong(user));
            }
            ctx.next();
        });
        // Last order: after the test's own user handler, as the server tests its API after its every-request steps.
        new KnowledgeRoutes(vertx, knowledge).mount(new ApiRoutes(router, "/api/v1", Integer.MAX_VALUE, RoutingContext::next));
        router.route().failureHandler(new FailureHandler(new Views(vertx, new Messages(), Map.of())));
        server = await(vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1"));
        client = WebClient.create(vertx);
    }

    @AfterEach
    void stop() {
        client.close();
        await(server.close());
        await(store.close());
        web.close();
        worker.close();
        await(vertx.close());
    }

    private HttpResponse<Buffer> postJson(String user, JsonObject body) {
        return await(client.post(server.actualPort(), "127.0.0.1", "/api/v1/knowledge/documents")
                .putHeader("X-Test-User", user).sendJsonObject(body));
    }

    private HttpResponse<Buffer> get(String user, String uri) {
        return await(client.get(server.actualPort(), "127.0.0.1", uri).putHeader("X-Test-User", user).send());
    }

    private HttpResponse<Buffer> delete(String user, String uri) {
        return await(client.delete(server.actualPort(), "127.0.0.1", uri).putHeader("X-Test-User", user).send());
    }

    /** Polls the document until its job has finished, as a reloaded page would. */
    private JsonObject awaitFinished(String user, long documentId) {
        for (int attempt = 0; attempt < 200; attempt++) {
            JsonObject document = get(user, "/api/v1/knowledge/documents/" + documentId).bodyAsJsonObject();
            String status = document.getString("status");
            if (status.equals("done") || status.equals("failed")) {
                return document;
            }
            await(vertx.timer(50));
        }
        throw new AssertionError("document " + documentId + " never finished");
    }

    private JsonArray search(String user, String query) {
        HttpResponse<Buffer> response = await(client.get(server.actualPort(), "127.0.0.1", "/api/v1/knowledge/search")
                .addQueryParam("q", query).addQueryParam("k", "10").putHeader("X-Test-User", user).send());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.bodyAsJsonObject().getJsonArray("results");
    }

    private static final String REPORT = "Samsung Electronics reported operating profit of 6.6 trillion won. "
            + "Memory chip prices recovered in the third quarter. The company plans higher capital spending next year. "
            + "삼성전자는 3분기 영업이익이 크게 늘었다고 밝혔다. 반도체 가격이 회복되었다.";

    @Test
    @DisplayName("Text is accepted with 202 and a job, indexed in the background, and its progress reads back on reload")
    void textIngestion() {
        HttpResponse<Buffer> accepted = postJson(ALICE, new JsonObject().put("title", "Q3 note").put("text", REPORT));

        assertThat(accepted.statusCode()).isEqualTo(202);
        JsonObject ticket = accepted.bodyAsJsonObject();
        long id = ticket.getLong("id");
        assertThat(accepted.getHeader("Location")).isEqualTo("/api/v1/knowledge/documents/" + id);
        assertThat(ticket.getJsonObject("job").getString("status")).isIn("queued", "running", "done");

        JsonObject done = awaitFinished(ALICE, id);
        assertThat(done.getString("status")).isEqualTo("done");
        assertThat(done.getString("title")).isEqualTo("Q3 note");
        assertThat(done.getInteger("chunks")).isGreaterThan(1);
        assertThat(done.getJsonObject("job").getInteger("chunksIndexed")).isEqualTo(done.getInteger("chunks"));

        JsonArray listed = get(ALICE, "/api/v1/knowledge/documents").bodyAsJsonObject().getJsonArray("documents");
        assertThat(listed).hasSize(1);
        assertThat(listed.getJsonObject(0).getString("status")).isEqualTo("done");

        JsonObject hit = search(ALICE, "삼성전자 영업이익").getJsonObject(0);
        assertThat(hit.getLong("documentId")).isEqualTo(id);
        assertThat(hit.getString("text")).contains("영업이익");
        assertThat(hit.getString("documentHref")).isEqualTo("/api/v1/knowledge/documents/" + id);
        assertThat(hit.getDouble("score")).isPositive();
        assertThat(hit.containsKey("position")).isTrue();
    }

    @Test
    @DisplayName("Submitting the same text again lands on the same document without duplicate chunks")
    void idempotentReingest() {
        long id = postJson(ALICE, new JsonObject().put("text", REPORT)).bodyAsJsonObject().getLong("id");
        int chunks = awaitFinished(ALICE, id).getInteger("chunks");

        long again = postJson(ALICE, new JsonObject().put("text", REPORT)).bodyAsJsonObject().getLong("id");
        awaitFinished(ALICE, again);

        assertThat(again).isEqualTo(id);
        assertThat(await(store.countChunks(id))).isEqualTo(chunks);
        assertThat(get(ALICE, "/api/v1/knowledge/documents").bodyAsJsonObject().getJsonArray("documents")).hasSize(1);
    }

    @Test
    @DisplayName("Markdown files are uploaded as multipart field \"file\" and become searchable")
    void multipartUpload() {
        MultipartForm form = MultipartForm.create().textFileUpload("file", "memo.md",
                Buffer.buffer("# Dividend memo\n\nHyundai Motor raised its **quarterly dividend** to 2,000 won.\n"),
                "text/markdown");
        HttpResponse<Buffer> accepted = await(client.post(server.actualPort(), "127.0.0.1", "/api/v1/knowledge/documents")
                .putHeader("X-Test-User", ALICE).sendMultipartForm(form));

        assertThat(accepted.statusCode()).isEqualTo(202);
        JsonObject done = awaitFinished(ALICE, accepted.bodyAsJsonObject().getLong("id"));
        assertThat(done.getString("title")).isEqualTo("Dividend memo");
        assertThat(search(ALICE, "quarterly dividend").getJsonObject(0).getString("text")).contains("2,000 won");
        // the vector index has nearest neighbours for any text: a nonsense query still finds nothing
        assertThat(search(ALICE, "qwxzv plorft zzkj")).isEmpty();
    }

    @Test
    @DisplayName("A URL on an allowed server is fetched, cleaned and indexed with its source link")
    void urlIngestion() {
        web.on("GET", "/news").reply(200, "text/html; charset=utf-8", "<html><head><title>Rate decision</title></head>"
                + "<body><nav>Menu</nav><p>The Bank of Korea held the base rate at 3.5 percent.</p></body></html>");
        String url = web.baseUrl() + "/news";

        long id = postJson(ALICE, new JsonObject().put("url", url)).bodyAsJsonObject().getLong("id");
        JsonObject done = awaitFinished(ALICE, id);

        assertThat(done.getString("status")).isEqualTo("done");
        assertThat(done.getString("title")).isEqualTo("Rate decision");
        JsonObject hit = search(ALICE, "base rate").getJsonObject(0);
        assertThat(hit.getString("sourceUrl")).isEqualTo(url);
        assertThat(hit.getString("text")).doesNotContain("Menu");
    }

    @Test
    @DisplayName("A URL pointing into the private network is refused with 400 naming the url parameter")
    void privateUrlRefused() {
        HttpResponse<Buffer> refused = postJson(ALICE, new JsonObject().put("url", "http://169.254.169.254/latest/meta-data/"));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.getHeader("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.bodyAsJsonObject().getString("parameter")).isEqualTo("url");
        assertThat(refused.bodyAsJsonObject().getString("detail")).contains("private or reserved");
    }

    @Test
    @DisplayName("A page that cannot be fetched leaves a failed job with a readable reason")
    void failedJob() {
        web.on("GET", "/gone").reply(404, "text/plain", "not here");

        long id = postJson(ALICE, new JsonObject().put("url", web.baseUrl() + "/gone")).bodyAsJsonObject().getLong("id");
        JsonObject failed = awaitFinished(ALICE, id);

        assertThat(failed.getString("status")).isEqualTo("failed");
        assertThat(failed.getString("error")).contains("HTTP 404");
        assertThat(failed.getJsonObject("job").getString("error")).contains("HTTP 404");
    }

    @Test
    @DisplayName("Bad input is a 400 problem naming the parameter, and no user means 401")
    void badInput() {
        assertThat(postJson(ALICE, new JsonObject().put("title", "no text")).bodyAsJsonObject().getString("parameter"))
                .isEqualTo("text");
        HttpResponse<Buffer> noQuery = get(ALICE, "/api/v1/knowledge/search");
        assertThat(noQuery.statusCode()).isEqualTo(400);
        assertThat(noQuery.bodyAsJsonObject().getString("parameter")).isEqualTo("q");
        assertThat(get(ALICE, "/api/v1/knowledge/search?q=x&k=0").bodyAsJsonObject().getString("parameter")).isEqualTo("k");
        assertThat(get(ALICE, "/api/v1/knowledge/documents/abc").bodyAsJsonObject().getString("parameter")).isEqualTo("id");
        assertThat(await(client.get(server.actualPort(), "127.0.0.1", "/api/v1/knowledge/documents").send()).statusCode())
                .isEqualTo(401);
    }

    @Test
    @DisplayName("Users never see each other's documents or chunks, while the shared corpus reaches everyone")
    void isolation() {
        long alices = postJson(ALICE, new JsonObject().put("text", "Alice's private thesis on battery makers.")).bodyAsJsonObject().getLong("id");
        awaitFinished(ALICE, alices);
        IngestTicket shared = await(knowledge.ingestShared("DART: Hyundai dividend",
                "Hyundai Motor decided a quarterly dividend of 2,000 won per share.", "https://dart.fss.or.kr/x",
                Map.of("corpCode", "00164742")));
        awaitShared(shared.document().id());

        assertThat(get(BOB, "/api/v1/knowledge/documents/" + alices).statusCode()).isEqualTo(404);
        assertThat(delete(BOB, "/api/v1/knowledge/documents/" + alices).statusCode()).isEqualTo(404);
        assertThat(search(BOB, "battery makers thesis")).noneMatch(hit -> ((JsonObject) hit).getLong("documentId") == alices);
        assertThat(search(BOB, "Hyundai dividend")).anyMatch(hit -> ((JsonObject) hit).getBoolean("shared"));
        assertThat(search(ALICE, "Hyundai dividend")).anyMatch(hit -> ((JsonObject) hit).getBoolean("shared"));
        assertThat(get(BOB, "/api/v1/knowledge/documents").bodyAsJsonObject().getJsonArray("documents")).isEmpty();
    }

    private void awaitShared(long documentId) {
        for (int attempt = 0; attempt < 200 && await(store.countChunks(documentId)) == 0; attempt++) {
            await(vertx.timer(50));
        }
    }

    @Test
    @DisplayName("Deleting a document answers 204 and removes every chunk; deleting a user removes all their documents")
    void deletion() {
        long first = postJson(ALICE, new JsonObject().put("text", REPORT)).bodyAsJsonObject().getLong("id");
        long second = postJson(ALICE, new JsonObject().put("text", "Kospi rose on foreign buying.")).bodyAsJsonObject().getLong("id");
        awaitFinished(ALICE, first);
        awaitFinished(ALICE, second);

        assertThat(delete(ALICE, "/api/v1/knowledge/documents/" + first).statusCode()).isEqualTo(204);
        assertThat(await(store.countChunks(first))).isZero();
        assertThat(get(ALICE, "/api/v1/knowledge/documents/" + first).statusCode()).isEqualTo(404);

        await(knowledge.deleteAllForUser(1));
        assertThat(await(store.countChunks(second))).isZero();
        assertThat(get(ALICE, "/api/v1/knowledge/documents").bodyAsJsonObject().getJsonArray("documents")).isEmpty();
    }

    @Test
    @DisplayName("An upload in an unknown format is refused with 415")
    void unknownFormat() {
        MultipartForm form = MultipartForm.create().binaryFileUpload("file", "tool.exe", Buffer.buffer("MZ"),
                "application/octet-stream");
        HttpResponse<Buffer> refused = await(client.post(server.actualPort(), "127.0.0.1", "/api/v1/knowledge/documents")
                .putHeader("X-Test-User", ALICE).sendMultipartForm(form));

        assertThat(refused.statusCode()).isEqualTo(415);
    }
}
