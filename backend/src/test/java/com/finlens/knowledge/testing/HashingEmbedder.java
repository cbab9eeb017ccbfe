package com.finlens.knowledge.testing;

import com.finlens.knowledge.embedding.Embedder;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A deterministic bag-of-words embedder for tests: every word is hashed into one of {@link #DIMENSION} buckets
 * and the vector is normalised. Texts sharing words are close, texts sharing none are orthogonal. Fast and
 * offline, unlike the ONNX model, which has its own few tests.
 */
public final class HashingEmbedder implements Embedder {

    public static final int DIMENSION = 64;
    public static final String MODEL = "hashing-64";

    public static float[] vector(String text) {
        float[] vector = new float[DIMENSION];
        for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (!word.isEmpty()) {
                vector[Math.floorMod(word.hashCode(), DIMENSION)] += 1f;
            }
        }
        double norm = 0;
        for (float v : vector) {
            norm += v * v;
        }
        if (norm == 0) {
            vector[0] = 1f;
            return vector;
        }
        for (int i = 0; i < vector.length; i++) {
            vector[i] /= (float) Math.sqrt(norm);
        }
        return vector;
    }

    @Override
    public Future<List<float[]>> embed(List<String> texts) {
        List<float[]> vectors = new ArrayList<>();
        texts.forEach(text -> vectors.add(vector(text)));
        return Future.succeededFuture(vectors);
    }

    @Override
    public String model() {
        return MODEL;
    }

    @Override
    public int dimension() {
        return DIMENSION;
    }
}
