package com.finlens.integration.embeddings;

import com.finlens.knowledge.embedding.Embedder;
import com.finlens.knowledge.embedding.EmbeddingException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Embeddings from an OpenAI-compatible endpoint (OpenAI, or a multilingual model served on RunPod/vLLM or another
 * Korean-capable provider). Texts go in batches of {@code batchSize}, one request at a time. Answers may carry
 * float arrays or base64 little-endian float32 ({@code encoding_format=base64}); both are decoded here and the
 * wire format never leaves this class. The HTTP client is non-blocking, so no worker thread is needed.
 */
public final class OpenAiCompatibleEmbedder implements Embedder {

    private final EmbeddingsConfig config;
    private final WebClient client;

    public OpenAiCompatibleEmbedder(Vertx vertx, EmbeddingsConfig config) {
        this.config = config;
        this.client = WebClient.create(vertx, new WebClientOptions()
                .setUserAgent("finlens-knowledge")
                .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, config.timeout().toMillis()))
                .setIdleTimeout((int) Math.max(1, config.timeout().toSeconds())));
    }

    @Override
    public Future<List<float[]>> embed(List<String> texts) {
        List<String> copy = List.copyOf(texts);
        if (copy.stream().anyMatch(String::isBlank)) {
            return Future.failedFuture(new EmbeddingException("cannot embed blank text"));
        }
        List<float[]> vectors = new ArrayList<>(copy.size());
        Future<Void> chain = Future.succeededFuture();
        for (int from = 0; from < copy.size(); from += config.batchSize()) {
            List<String> batch = copy.subList(from, Math.min(copy.size(), from + config.batchSize()));
            chain = chain.compose(v -> requestBatch(batch)).map(batchVectors -> {
                vectors.addAll(batchVectors);
                return null;
            });
        }
        return chain.map(v -> vectors);
    }

    private Future<List<float[]>> requestBatch(List<String> batch) {
        JsonObject body = new JsonObject()
                .put("model", config.model())
                .put("input", new JsonArray(new ArrayList<>(batch)))
                .put("encoding_format", config.encoding() == EmbeddingsConfig.Encoding.BASE64 ? "base64" : "float");
        var request = client.postAbs(config.baseUrl() + "/embeddings").timeout(config.timeout().toMillis());
        if (config.apiKey() != null) {
            request.bearerTokenAuthentication(config.apiKey());
        }
        return request.sendJsonObject(body)
                .recover(e -> Future.failedFuture(new EmbeddingException(
                        "embeddings endpoint unreachable: " + e.getClass().getSimpleName(), e)))
                .compose(response -> decode(response, batch.size()));
    }

    private Future<List<float[]>> decode(HttpResponse<Buffer> response, int expected) {
        if (response.statusCode() != 200) {
            return Future.failedFuture(new EmbeddingException("embeddings endpoint answered " + response.statusCode()
                    + errorCode(response)));
        }
        try {
            JsonArray data = response.bodyAsJsonObject().getJsonArray("data");
            if (data == null || data.size() != expected) {
                throw new EmbeddingException("embeddings endpoint returned " + (data == null ? 0 : data.size())
                        + " vectors for " + expected + " texts");
            }
            float[][] ordered = new float[expected][];
            for (int i = 0; i < data.size(); i++) {
                JsonObject item = data.getJsonObject(i);
                int index = item.getInteger("index", i);
                float[] vector = vectorOf(item.getValue("embedding"));
                if (vector.length != config.dimension()) {
                    throw new EmbeddingException("model " + config.model() + " returned " + vector.length
                            + " dimensions but FINLENS_EMBEDDINGS_DIMENSION is " + config.dimension());
                }
                ordered[index] = vector;
            }
            return Future.succeededFuture(List.of(ordered));
        } catch (EmbeddingException e) {
            return Future.failedFuture(e);
        } catch (RuntimeException e) {
            return Future.failedFuture(new EmbeddingException("embeddings endpoint returned an unreadable body", e));
        }
    }

    static float[] vectorOf(Object embedding) {
        if (embedding instanceof String base64) {
            ByteBuffer bytes = ByteBuffer.wrap(Base64.getDecoder().decode(base64)).order(ByteOrder.LITTLE_ENDIAN);
            float[] vector = new float[bytes.remaining() / Float.BYTES];
            bytes.asFloatBuffer().get(vector);
            return vector;
        }
        if (embedding instanceof JsonArray numbers) {
            float[] vector = new float[numbers.size()];
            for (int i = 0; i < vector.length; i++) {
                vector[i] = ((Number) numbers.getValue(i)).floatValue();
            }
            return vector;
        }
        throw new EmbeddingException("embedding is neither a float array nor base64");
    }

    private static String errorCode(HttpResponse<Buffer> response) {
        try {
            JsonObject error = response.bodyAsJsonObject().getJsonObject("error");
            String code = error == null ? null : error.getString("code");
            return code == null ? "" : " (" + code + ")";
        } catch (RuntimeException e) {
            return "";
        }
    }

    @Override
    public String model() {
        return config.model();
    }

    @Override
    public int dimension() {
        return config.dimension();
    }
}
