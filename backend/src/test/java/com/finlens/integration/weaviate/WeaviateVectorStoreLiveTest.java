package com.finlens.integration.weaviate;

import static com.finlens.testing.ReplayServer.await;

import com.finlens.knowledge.embedding.EmbeddingSpace;
import com.finlens.knowledge.store.VectorStore;
import com.finlens.knowledge.store.VectorStoreContract;
import io.weaviate.client.Config;
import io.weaviate.client.WeaviateClient;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The shared store contract against a live Weaviate, only when FINLENS_WEAVIATE_URL is given to the test JVM
 * (e.g. on the compose stack). Each test works in its own class, deleted afterwards.
 */
@EnabledIfEnvironmentVariable(named = "FINLENS_WEAVIATE_URL", matches = ".+")
class WeaviateVectorStoreLiveTest extends VectorStoreContract {

    private final String className = "FinlensContract" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    private WeaviateConfig config() {
        return new WeaviateConfig(System.getenv("FINLENS_WEAVIATE_URL"), System.getenv("FINLENS_WEAVIATE_API_KEY"),
                className, 0.5f, System.getenv().getOrDefault("FINLENS_WEAVIATE_TOKENIZATION", "kagome_kr"));
    }

    @Override
    protected VectorStore openStore(EmbeddingSpace space) {
        return await(WeaviateVectorStore.open(worker, config(), space));
    }

    @AfterEach
    void dropClass() {
        URI uri = URI.create(System.getenv("FINLENS_WEAVIATE_URL"));
        String key = System.getenv("FINLENS_WEAVIATE_API_KEY");
        WeaviateClient client = new WeaviateClient(new Config(uri.getScheme(), uri.getRawAuthority(),
                key == null ? Map.of() : Map.of("Authorization", "Bearer " + key)));
        client.schema().classDeleter().withClassName(className).run();
    }
}
