package com.finlens.integration.embeddings;

import com.finlens.platform.config.Env;
import java.time.Duration;

/**
 * An OpenAI-compatible embeddings endpoint ({@code POST <baseUrl>/embeddings}). Unset base URL means the in-jar
 * MiniLM model is used instead. The dimension is declared up front because stores fix it when they are created;
 * every response is checked against it.
 */
public record EmbeddingsConfig(String baseUrl, String apiKey, String model, int dimension, int batchSize,
                               Encoding encoding, Duration timeout) {

    public enum Encoding { FLOAT, BASE64 }

    public static EmbeddingsConfig from(Env env) {
        String baseUrl = env.url("FINLENS_EMBEDDINGS_BASE_URL", null);
        String model = env.string("FINLENS_EMBEDDINGS_MODEL", "text-embedding-3-small");
        int dimension = env.integer("FINLENS_EMBEDDINGS_DIMENSION", 1536, 8, 8192);
        int batchSize = env.integer("FINLENS_EMBEDDINGS_BATCH_SIZE", 64, 1, 2048);
        String encoding = env.string("FINLENS_EMBEDDINGS_ENCODING", "base64").toLowerCase();
        if (!encoding.equals("base64") && !encoding.equals("float")) {
            env.problem("FINLENS_EMBEDDINGS_ENCODING must be base64 or float (was '" + encoding + "')");
        }
        Duration timeout = env.duration("FINLENS_EMBEDDINGS_TIMEOUT", Duration.ofSeconds(30));
        return new EmbeddingsConfig(baseUrl, env.secret("FINLENS_EMBEDDINGS_API_KEY"), model, dimension, batchSize,
                encoding.equals("float") ? Encoding.FLOAT : Encoding.BASE64, timeout);
    }

    public boolean enabled() {
        return baseUrl != null;
    }

    @Override
    public String toString() {
        return "EmbeddingsConfig[baseUrl=" + baseUrl + ", model=" + model + ", dimension=" + dimension
                + ", batchSize=" + batchSize + ", encoding=" + encoding + ", apiKey=" + (apiKey == null ? "unset" : "***") + "]";
    }
}
