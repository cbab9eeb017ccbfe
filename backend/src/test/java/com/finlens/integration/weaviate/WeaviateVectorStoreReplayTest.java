package com.finlens.integration.weaviate;

import static com.finlens.testing.ReplayServer.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.finlens.knowledge.embedding.EmbeddingException;
import com.finlens.knowledge.embedding.EmbeddingSpace;
import com.finlens.knowledge.store.ChunkHit;
import com.finlens.knowledge.store.SearchRequest;
import com.finlens.knowledge.store.StoredChunk;
import com.finlens.testing.ReplayServer;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The Weaviate adapter against recorded Weaviate answers (fixtures/weaviate, see PROVENANCE.md). No recording
 * exists of an empty GraphQL Get, so the start-up model check is answered with the minimal envelope below.
 */
class WeaviateVectorStoreReplayTest {

    private static final String CLASS = "FinlensChunk";
    private static final EmbeddingSpace SPACE = new EmbeddingSpace("test-model", 4);
    private static final String EMPTY_GET = "{\"data\":{\"Get\":{\"" + CLASS + "\":[]}}}";

    private Vertx vertx;
    private WorkerExecutor worker;
    private ReplayServer weaviate;

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        worker = vertx.createSharedWorkerExecutor("weaviate-test", 2);
        weaviate = ReplayServer.start(vertx);
    }

    @AfterEach
    void stop() {
        weaviate.close();
        worker.close();
        await(vertx.close());
    }

    private WeaviateVectorStore open(String tokenization) {
        return await(WeaviateVectorStore.open(worker,
                new WeaviateConfig(weaviate.baseUrl(), "test-key", CLASS, 0.5f, tokenization), SPACE));
    }

    private void existingSchema() {
        weaviate.on("GET", "/v1/schema/" + CLASS).reply(200, "application/json",
                ReplayServer.resource("fixtures/weaviate/schema_collection_definition_example.json"));
    }

    private static StoredChunk chunk(long documentId, int position, String text) {
        return new StoredChunk(StoredChunk.idFor(documentId, position), documentId, 1, "title", text, position,
                "https://example.test", SPACE.model(), new float[] {0.1f, 0.2f, 0.3f, 0.4f});
    }

    @Test
    @DisplayName("Start-up keeps an existing class and sends the API key")
    void bootstrapKeepsExistingClass() {
        existingSchema();
        weaviate.on("POST", "/v1/graphql").reply(200, "application/json", EMPTY_GET);

        open("kagome_kr");

        assertThat(weaviate.count("POST", "/v1/schema")).isZero();
        assertThat(weaviate.received().get(0).headers().get("Authorization")).isEqualTo("Bearer test-key");
        assertThat(weaviate.received()).filteredOn(r -> r.path().equals("/v1/graphql")).singleElement()
                .satisfies(r -> assertThat(r.body()).contains("NotEqual").contains("test-model"));
    }

    @Test
    @DisplayName("Start-up creates a missing class with Korean tokenization, falling back to word tokenization on a 422")
    void bootstrapCreatesClassWithFallback() {
        weaviate.on("GET", "/v1/schema/" + CLASS).reply(404, "application/json", "");
        weaviate.on("POST", "/v1/schema")
                .reply(422, "application/json", ReplayServer.resource("fixtures/weaviate/objects_create_422_reserved_id.json"))
                .reply(200, "application/json", ReplayServer.resource("fixtures/weaviate/schema_collection_definition_example.json"));
        weaviate.on("POST", "/v1/graphql").reply(200, "application/json", EMPTY_GET);

        open("kagome_kr");

        List<JsonObject> creations = weaviate.received().stream().filter(r -> r.path().equals("/v1/schema"))
                .map(r -> new JsonObject(r.body())).toList();
        assertThat(creations).hasSize(2);
        assertThat(tokenizationOf(creations.get(0), "text")).isEqualTo("kagome_kr");
        assertThat(tokenizationOf(creations.get(1), "text")).isEqualTo("word");
        assertThat(creations.get(1).getString("class")).isEqualTo(CLASS);
        assertThat(creations.get(1).getString("vectorizer")).isEqualTo("none");
    }

    private static String tokenizationOf(JsonObject schema, String property) {
        JsonArray properties = schema.getJsonArray("properties");
        for (int i = 0; i < properties.size(); i++) {
            if (properties.getJsonObject(i).getString("name").equals(property)) {
                return properties.getJsonObject(i).getString("tokenization");
            }
        }
        throw new AssertionError("no property " + property);
    }

    @Test
    @DisplayName("A batch import reports every object Weaviate rejected, with its reason")
    void batchPerObjectErrors() {
        existingSchema();
        weaviate.on("POST", "/v1/graphql").reply(200, "application/json", EMPTY_GET);
        weaviate.on("POST", "/v1/batch/objects").reply(200, "application/json",
                ReplayServer.resource("fixtures/weaviate/batch_objects_per_item_errors.json"));
        WeaviateVectorStore store = open("word");

        assertThatThrownBy(() -> await(store.upsert(List.of(chunk(7, 0, "first"), chunk(7, 1, "second")))))
                .rootCause().isInstanceOfSatisfying(WeaviateException.class, e -> {
                    assertThat(e.itemErrors()).hasSize(2)
                            .allSatisfy(error -> assertThat(error).contains("'id' is a reserved property name"));
                    assertThat(e.getMessage()).startsWith("2 of 2 chunks were rejected");
                });

        JsonObject sent = new JsonObject(weaviate.received().stream().filter(r -> r.path().equals("/v1/batch/objects"))
                .findFirst().orElseThrow().body());
        JsonObject first = sent.getJsonArray("objects").getJsonObject(0);
        assertThat(first.getString("class")).isEqualTo(CLASS);
        assertThat(first.getString("id")).isEqualTo(WeaviateVectorStore.objectId("7-0"));
        assertThat(first.getJsonArray("vector")).hasSize(4);
        assertThat(first.getJsonObject("properties").getString("embeddingModel")).isEqualTo("test-model");
    }

    @Test
    @DisplayName("A 422 answer to a batch import fails with Weaviate's message")
    void batch422() {
        existingSchema();
        weaviate.on("POST", "/v1/graphql").reply(200, "application/json", EMPTY_GET);
        weaviate.on("POST", "/v1/batch/objects").reply(422, "application/json",
                ReplayServer.resource("fixtures/weaviate/batch_objects_422_empty.json"));
        WeaviateVectorStore store = open("word");

        assertThatThrownBy(() -> await(store.upsert(List.of(chunk(8, 0, "x"))))).rootCause()
                .isInstanceOf(WeaviateException.class)
                .hasMessageContaining("HTTP 422").hasMessageContaining("cannot be empty");
    }

    @Test
    @DisplayName("Hybrid search sends alpha, the query vector and the owner filter, and reads scores sent as strings")
    void hybridSearch() {
        existingSchema();
        weaviate.on("POST", "/v1/graphql").reply(200, "application/json", EMPTY_GET)
                .reply(200, "application/json", recordedHybridAsChunks());
        WeaviateVectorStore store = open("word");

        List<ChunkHit> hits = await(store.search(SearchRequest.hybrid(1, "food", new float[] {1, 0, 0, 0}, 3)));

        assertThat(hits).extracting(ChunkHit::score).containsExactly(0.016263336, 0.012096774, 0.011904762);
        assertThat(hits.get(0).text()).isEqualTo("A nearer food merchant");
        assertThat(hits.get(0).title()).isEqualTo("a closer grocer");
        assertThat(hits).extracting(ChunkHit::documentId).containsExactly(100L, 101L, 102L);
        String query = new JsonObject(weaviate.received().get(weaviate.received().size() - 1).body()).getString("query");
        assertThat(query).contains("hybrid:{query:\"food\"", "alpha:0.5", "vector:[1.0,0.0,0.0,0.0]",
                "path:[\"ownerId\"]", "valueInt:1", "valueInt:0", "operator:Or", "limit:3");
    }

    @Test
    @DisplayName("Chunks from another embedding model are refused before anything is sent")
    void refusesOtherModel() {
        existingSchema();
        weaviate.on("POST", "/v1/graphql").reply(200, "application/json", EMPTY_GET);
        WeaviateVectorStore store = open("word");
        StoredChunk foreign = new StoredChunk("9-0", 9, 1, "t", "x", 0, null, "other-model", new float[4]);

        assertThatThrownBy(() -> await(store.upsert(List.of(foreign)))).rootCause()
                .isInstanceOf(EmbeddingException.class).hasMessageContaining("other-model");
        assertThat(weaviate.count("POST", "/v1/batch/objects")).isZero();
    }

    /**
     * The recorded hybrid answer from Weaviate's docs (JeopardyQuestion, scores as strings) with the class renamed
     * to ours, question/answer as text/title and our id fields added: the real envelope and score format.
     */
    private static String recordedHybridAsChunks() {
        JsonObject recorded = new JsonObject(ReplayServer.resource("fixtures/weaviate/search_hybrid__HybridWithScore.response.json"));
        JsonArray rows = recorded.getJsonObject("data").getJsonObject("Get").getJsonArray("JeopardyQuestion");
        JsonArray chunks = new JsonArray();
        for (int i = 0; i < rows.size(); i++) {
            JsonObject row = rows.getJsonObject(i);
            chunks.add(new JsonObject().put("_additional", row.getJsonObject("_additional"))
                    .put("chunkId", (100 + i) + "-0").put("documentId", 100 + i).put("ownerId", 1)
                    .put("title", row.getString("answer")).put("text", row.getString("question")).put("position", 0)
                    .put("sourceUrl", "https://example.test/" + i));
        }
        return new JsonObject().put("data", new JsonObject().put("Get", new JsonObject().put(CLASS, chunks))).encode();
    }

    @Test
    @DisplayName("A search answer with no rows is an empty list")
    void emptySearch() {
        existingSchema();
        weaviate.on("POST", "/v1/graphql").reply(200, "application/json", EMPTY_GET);
        WeaviateVectorStore store = open("word");

        assertThat(await(store.search(SearchRequest.hybrid(1, "nothing", new float[4], 5)))).isEmpty();
    }
}
