package com.finlens.knowledge;

import static com.finlens.testing.ReplayServer.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.finlens.integration.embeddings.EmbeddingsConfig;
import com.finlens.integration.embeddings.OpenAiCompatibleEmbedder;
import com.finlens.knowledge.document.IngestStatus;
import com.finlens.knowledge.embedding.Embedder;
import com.finlens.knowledge.embedding.EmbeddingSpace;
import com.finlens.knowledge.ingest.Chunker;
import com.finlens.knowledge.ingest.DocumentParser;
import com.finlens.knowledge.ingest.FetchConfig;
import com.finlens.knowledge.ingest.SafeUrlFetcher;
import com.finlens.knowledge.store.LuceneVectorStore;
import com.finlens.knowledge.testing.HashingEmbedder;
import com.finlens.knowledge.testing.InMemoryDocumentRepository;
import com.finlens.platform.db.OwnContext;
import com.finlens.testing.ReplayServer;
import com.finlens.testing.Waits;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QueryCacheTest {

    private static final long ALICE = 1;
    private static final long BOB = 2;

    @TempDir
    Path dataDir;

    private Vertx vertx;
    private WorkerExecutor worker;
    private LuceneVectorStore store;
    private InMemoryDocumentRepository repository;
    private KnowledgeService knowledge;
    private final AtomicInteger embedded = new AtomicInteger();

    /** The test embedder, counting the texts it was asked to embed. */
    private final Embedder counting = new Embedder() {
        private final HashingEmbedder hashing = new HashingEmbedder();

        @Override
        public Future<List<float[]>> embed(List<String> texts) {
            embedded.addAndGet(texts.size());
            return hashing.embed(texts);
        }

        @Override
        public String model() {
            return hashing.model();
        }

        @Override
        public int dimension() {
            return hashing.dimension();
        }
    };

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        worker = vertx.createSharedWorkerExecutor("query-cache-test", 2);
        store = await(LuceneVectorStore.open(worker, dataDir.resolve("index"), EmbeddingSpace.of(counting)));
        repository = new InMemoryDocumentRepository();
        knowledge = new KnowledgeService(repository, store, counting, new DocumentParser(worker),
                new SafeUrlFetcher(vertx, worker, new FetchConfig(1024, Duration.ofSeconds(1), 1, Set.of())),
                new Chunker(200), Clock.systemUTC(), new OwnContext(vertx), new QueryCache(Duration.ofMinutes(10), 100));
    }

    @AfterEach
    void stop() {
        await(store.close());
        worker.close();
        await(vertx.close());
    }

    private long indexed(long owner, String title, String text) {
        long id = await(knowledge.ingestText(owner, title, text)).document().id();
        Waits.until(Duration.ofSeconds(30), () -> await(repository.find(owner, id)).orElseThrow().status().finished());
        assertThat(await(repository.find(owner, id)).orElseThrow().status()).isEqualTo(IngestStatus.done);
        return id;
    }

    private List<Long> found(long user, String query) {
        return await(knowledge.search(user, query, 5)).stream().map(DocumentPassage::documentId).toList();
    }

    @Test
    @DisplayName("A question asked again is embedded once, and a cached embedding is the same vector as a fresh one")
    void questionEmbeddedOnce() {
        indexed(ALICE, "Dividends", "Samsung raised its quarterly dividend.");
        int afterIngest = embedded.get();

        List<DocumentPassage> first = await(knowledge.search(ALICE, "Samsung dividend", 5));
        List<DocumentPassage> again = await(knowledge.search(ALICE, "  Samsung   dividend ", 5));
        await(knowledge.search(BOB, "Samsung dividend", 5));

        assertThat(again).isEqualTo(first);
        assertThat(embedded.get() - afterIngest).isEqualTo(1);
        QueryCache cache = new QueryCache(Duration.ofMinutes(1), 10);
        float[] fresh = HashingEmbedder.vector("삼성전자 배당");
        float[] computed = await(cache.vector("삼성전자 배당", () -> Future.succeededFuture(HashingEmbedder.vector("삼성전자 배당"))));
        float[] cached = await(cache.vector("삼성전자 배당", () -> Future.failedFuture("must not be embedded again")));
        assertThat(computed).containsExactly(fresh);
        assertThat(cached).containsExactly(fresh).isNotSameAs(computed);
    }

    @Test
    @DisplayName("100 identical questions at once reach the embeddings endpoint once")
    void identicalQuestionsShareOneEmbeddingsCall() {
        ReplayServer endpoint = ReplayServer.start(vertx);
        endpoint.on("POST", "/v1/embeddings").delayed(Duration.ofMillis(300), 200, "application/json",
                ReplayServer.resource("fixtures/openai/embeddings_200_base64.json"));
        OpenAiCompatibleEmbedder remote = new OpenAiCompatibleEmbedder(vertx, new EmbeddingsConfig(
                endpoint.baseUrl() + "/v1", "sk-test", "text-embedding-3-small", 1536, 64,
                EmbeddingsConfig.Encoding.BASE64, Duration.ofSeconds(5)));
        QueryCache cache = new QueryCache(Duration.ofMinutes(1), 10);
        List<Future<float[]>> vectors = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            vectors.add(cache.vector("삼성전자 배당", () -> remote.embed(List.of("삼성전자 배당")).map(v -> v.get(0))));
        }

        assertThat(await(Future.all(vectors)).<float[]>list()).hasSize(100)
                .allSatisfy(vector -> assertThat(vector).hasSize(1536));
        assertThat(endpoint.count("POST", "/v1/embeddings")).isEqualTo(1);
        endpoint.close();
    }

    @Test
    @DisplayName("A new upload is found by the next search although the same search was cached just before")
    void uploadInvalidatesCachedResults() {
        indexed(ALICE, "Rates", "The central bank kept the policy rate unchanged.");
        assertThat(found(ALICE, "semiconductor exports")).isEmpty();

        long exports = indexed(ALICE, "Exports", "Semiconductor exports rose sharply in November.");

        assertThat(found(ALICE, "semiconductor exports")).containsExactly(exports);
    }

    @Test
    @DisplayName("A deleted document is gone from the next search, and one user's cached results never reach another")
    void deletionInvalidatesAndUsersStayApart() {
        long exports = indexed(ALICE, "Exports", "Semiconductor exports rose sharply in November.");
        assertThat(found(ALICE, "semiconductor exports")).containsExactly(exports);
        assertThat(found(BOB, "semiconductor exports")).isEmpty();

        await(knowledge.delete(ALICE, exports));

        assertThat(found(ALICE, "semiconductor exports")).isEmpty();
    }
}
