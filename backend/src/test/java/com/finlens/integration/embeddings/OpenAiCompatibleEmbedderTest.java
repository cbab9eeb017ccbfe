package com.finlens.integration.embeddings;

import static com.finlens.testing.ReplayServer.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.finlens.knowledge.embedding.EmbeddingException;
import com.finlens.testing.ReplayServer;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Against recorded OpenAI embeddings answers (fixtures/openai, see PROVENANCE.md). */
class OpenAiCompatibleEmbedderTest {

    private static Vertx vertx;
    private static ReplayServer openai;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
        openai = ReplayServer.start(vertx);
    }

    @AfterAll
    static void stop() {
        openai.close();
        await(vertx.close());
    }

    @BeforeEach
    void reset() {
        openai.reset();
    }

    private static OpenAiCompatibleEmbedder embedder(int batchSize, EmbeddingsConfig.Encoding encoding) {
        return new OpenAiCompatibleEmbedder(vertx, new EmbeddingsConfig(openai.baseUrl() + "/v1", "sk-test",
                "text-embedding-3-small", 1536, batchSize, encoding, Duration.ofSeconds(5)));
    }

    private static String recorded() {
        return ReplayServer.resource("fixtures/openai/embeddings_200_base64.json");
    }

    /** The same recorded answer with its base64 vector written out as a float array (the other wire format). */
    private static String recordedAsFloats() {
        JsonObject answer = new JsonObject(recorded());
        JsonObject item = answer.getJsonArray("data").getJsonObject(0);
        float[] vector = OpenAiCompatibleEmbedder.vectorOf(item.getString("embedding"));
        JsonArray floats = new JsonArray();
        for (float v : vector) {
            floats.add(v);
        }
        item.put("embedding", floats);
        return answer.encode();
    }

    @Test
    @DisplayName("A base64 answer decodes to the recorded 1536 little-endian floats, and the request names model and encoding")
    void base64() {
        openai.on("POST", "/v1/embeddings").reply(200, "application/json", recorded());

        List<float[]> vectors = await(embedder(8, EmbeddingsConfig.Encoding.BASE64).embed(List.of("This is an embedding test.")));

        assertThat(vectors).singleElement().satisfies(v -> {
            assertThat(v).hasSize(1536);
            assertThat(v[0]).isEqualTo(0.01153564453125f);
            assertThat(v[3]).isEqualTo(-0.03851318359375f);
        });
        ReplayServer.Received request = openai.received().get(0);
        assertThat(request.headers().get("Authorization")).isEqualTo("Bearer sk-test");
        JsonObject body = new JsonObject(request.body());
        assertThat(body.getString("model")).isEqualTo("text-embedding-3-small");
        assertThat(body.getString("encoding_format")).isEqualTo("base64");
        assertThat(body.getJsonArray("input")).containsExactly("This is an embedding test.");
    }

    @Test
    @DisplayName("A float-array answer gives the same vector as the base64 one")
    void floats() {
        openai.on("POST", "/v1/embeddings").reply(200, "application/json", recordedAsFloats());

        float[] vector = await(embedder(8, EmbeddingsConfig.Encoding.FLOAT).embed(List.of("x"))).get(0);

        assertThat(vector).containsExactly(OpenAiCompatibleEmbedder.vectorOf(
                new JsonObject(recorded()).getJsonArray("data").getJsonObject(0).getString("embedding")));
        assertThat(new JsonObject(openai.received().get(0).body()).getString("encoding_format")).isEqualTo("float");
    }

    @Test
    @DisplayName("Texts are sent in batches of the configured size, one vector back per text")
    void batching() {
        openai.on("POST", "/v1/embeddings").reply(200, "application/json", recorded());

        List<float[]> vectors = await(embedder(1, EmbeddingsConfig.Encoding.BASE64).embed(List.of("a", "b", "c")));

        assertThat(vectors).hasSize(3);
        assertThat(openai.count("POST", "/v1/embeddings")).isEqualTo(3);
    }

    @Test
    @DisplayName("A rejected key (401) and an unknown model (404) fail with the status and error code, not the body")
    void errors() {
        openai.on("POST", "/v1/embeddings")
                .reply(401, "application/json", ReplayServer.resource("fixtures/openai/embeddings_401_invalid_api_key.json"))
                .reply(404, "application/json", ReplayServer.resource("fixtures/openai/embeddings_404_model_not_found.json"));
        OpenAiCompatibleEmbedder embedder = embedder(8, EmbeddingsConfig.Encoding.BASE64);

        assertThatThrownBy(() -> await(embedder.embed(List.of("x")))).rootCause().isInstanceOf(EmbeddingException.class)
                .hasMessage("embeddings endpoint answered 401 (invalid_api_key)");
        assertThatThrownBy(() -> await(embedder.embed(List.of("x")))).rootCause().isInstanceOf(EmbeddingException.class)
                .hasMessageStartingWith("embeddings endpoint answered 404").hasMessageNotContaining("DEADBEEF");
    }

    @Test
    @DisplayName("A vector of another dimension than configured is refused")
    void dimensionMismatch() {
        openai.on("POST", "/v1/embeddings").reply(200, "application/json", recorded());
        OpenAiCompatibleEmbedder embedder = new OpenAiCompatibleEmbedder(vertx, new EmbeddingsConfig(openai.baseUrl() + "/v1",
                null, "text-embedding-3-small", 768, 8, EmbeddingsConfig.Encoding.BASE64, Duration.ofSeconds(5)));

        assertThatThrownBy(() -> await(embedder.embed(List.of("x")))).rootCause().isInstanceOf(EmbeddingException.class)
                .hasMessageContaining("1536 dimensions").hasMessageContaining("FINLENS_EMBEDDINGS_DIMENSION is 768");
    }
}
