package com.finlens.knowledge;

import static com.finlens.testing.ReplayServer.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.finlens.integration.embeddings.EmbeddingsConfig;
import com.finlens.integration.weaviate.WeaviateConfig;
import com.finlens.knowledge.document.IngestStatus;
import com.finlens.knowledge.embedding.EmbeddingSpace;
import com.finlens.knowledge.embedding.LocalMiniLmEmbedder;
import com.finlens.knowledge.store.LuceneVectorStore;
import com.finlens.knowledge.store.VectorStore;
import com.finlens.knowledge.testing.InMemoryDocumentRepository;
import com.finlens.platform.config.Env;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KnowledgeBaseTest {

    @TempDir
    Path dataDir;

    @Test
    @DisplayName("With no configuration nothing remote is on, and Lucene with the in-jar model finds English"
            + " and Korean text by meaning")
    void embeddedDefaults() {
        Env env = new Env(Map.of("FINLENS_DATA_DIR", dataDir.toString()));
        KnowledgeConfig config = KnowledgeConfig.from(env);
        EmbeddingsConfig embeddings = EmbeddingsConfig.from(env);
        WeaviateConfig weaviate = WeaviateConfig.from(env);
        assertThat(env.problems()).isEmpty();
        assertThat(config.indexDir()).isEqualTo(dataDir.toAbsolutePath().resolve("index"));
        assertThat(embeddings.enabled()).isFalse();
        assertThat(weaviate.enabled()).isFalse();

        Vertx vertx = Vertx.vertx();
        InMemoryDocumentRepository repository = new InMemoryDocumentRepository();
        WorkerExecutor worker = vertx.createSharedWorkerExecutor(KnowledgeBase.WORKER_POOL, config.workerPoolSize());
        LocalMiniLmEmbedder embedder = new LocalMiniLmEmbedder(worker);
        VectorStore store = await(LuceneVectorStore.open(worker, config.indexDir(), EmbeddingSpace.of(embedder)));
        KnowledgeBase base = await(KnowledgeBase.start(vertx, worker, store, embedder, config, repository,
                Clock.systemUTC()));
        try {
            KnowledgeService service = base.service();
            IngestTicket english = await(service.ingestText(1, "Rates", "The Bank of Korea kept its policy rate at 3.5 percent."));
            IngestTicket korean = await(service.ingestText(1, "실적", "삼성전자는 3분기 영업이익이 크게 늘었다고 발표했다."));
            awaitDone(repository, english.document().id());
            awaitDone(repository, korean.document().id());

            List<DocumentPassage> rate = await(service.search(1, "What did the central bank do with interest rates?", 2));
            List<DocumentPassage> profit = await(service.search(1, "삼성전자 영업이익", 2));

            assertThat(rate.get(0).documentId()).isEqualTo(english.document().id());
            assertThat(profit.get(0).documentId()).isEqualTo(korean.document().id());
            assertThat(await(service.search(2, "삼성전자 영업이익", 2))).isEmpty();
        } finally {
            await(base.close());
            await(vertx.close());
        }
    }

    private static void awaitDone(InMemoryDocumentRepository repository, long documentId) {
        for (int attempt = 0; attempt < 600; attempt++) {
            IngestStatus status = await(repository.find(1, documentId)).orElseThrow().status();
            if (status.finished()) {
                assertThat(status).isEqualTo(IngestStatus.done);
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("document " + documentId + " was not indexed");
    }

    @Test
    @DisplayName("Bad knowledge settings are reported by name, and secrets never show in config strings")
    void configProblems() {
        Env env = new Env(Map.of("FINLENS_WEAVIATE_URL", "http://weaviate:8080", "FINLENS_WEAVIATE_ALPHA", "1.5",
                "FINLENS_WEAVIATE_CLASS", "lowercase", "FINLENS_EMBEDDINGS_ENCODING", "hex",
                "FINLENS_EMBEDDINGS_API_KEY", "sk-secret", "FINLENS_WEAVIATE_API_KEY", "wv-secret"));

        WeaviateConfig weaviate = WeaviateConfig.from(env);
        EmbeddingsConfig embeddings = EmbeddingsConfig.from(env);

        assertThat(env.problems()).anyMatch(p -> p.startsWith("FINLENS_WEAVIATE_ALPHA"))
                .anyMatch(p -> p.startsWith("FINLENS_WEAVIATE_CLASS"))
                .anyMatch(p -> p.startsWith("FINLENS_EMBEDDINGS_ENCODING"));
        assertThat(weaviate.enabled()).isTrue();
        assertThat(weaviate.alpha()).isEqualTo(0.5f);
        assertThat(weaviate.toString()).doesNotContain("wv-secret");
        assertThat(embeddings.toString()).doesNotContain("sk-secret");
    }
}
