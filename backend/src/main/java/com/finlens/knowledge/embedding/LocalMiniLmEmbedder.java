package com.finlens.knowledge.embedding;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import java.util.ArrayList;
import java.util.List;

/**
 * The offline default: the quantised all-MiniLM-L6-v2 ONNX model shipped inside the jar (384 dimensions).
 * Its semantics are English only; Korean retrieval relies on Nori BM25 in the store (or a multilingual remote
 * embedder). The model loads on first use, on the worker pool, and inference runs there too ({@link MiniLmModel}:
 * an ONNX Runtime session that keeps no arena between inferences).
 */
public final class LocalMiniLmEmbedder implements Embedder {

    public static final String MODEL = "all-minilm-l6-v2-q";
    public static final int DIMENSION = 384;
    /**
     * Texts per inference call. Attention grows with batch × tokens² (32 chunks × 12 heads × 256² floats is ~100 MB
     * per layer), allocated for the inference and freed after it ({@link MiniLmModel} keeps no arena); 8 texts need a
     * quarter of that at the peak and are as fast per text on a CPU.
     */
    private static final int BATCH_SIZE = 8;

    private final WorkerExecutor worker;
    private EmbeddingModel model;

    public LocalMiniLmEmbedder(WorkerExecutor worker) {
        this.worker = worker;
    }

    @Override
    public Future<List<float[]>> embed(List<String> texts) {
        if (texts.isEmpty()) {
            return Future.succeededFuture(List.of());
        }
        List<String> copy = List.copyOf(texts);
        return worker.executeBlocking(() -> embedBlocking(copy), false);
    }

    private List<float[]> embedBlocking(List<String> texts) {
        if (texts.stream().anyMatch(String::isBlank)) {
            throw new EmbeddingException("cannot embed blank text");
        }
        EmbeddingModel loaded = loadedModel();
        List<float[]> vectors = new ArrayList<>(texts.size());
        for (int from = 0; from < texts.size(); from += BATCH_SIZE) {
            List<TextSegment> batch = texts.subList(from, Math.min(texts.size(), from + BATCH_SIZE)).stream()
                    .map(TextSegment::from)
                    .toList();
            for (Embedding embedding : loaded.embedAll(batch).content()) {
                vectors.add(embedding.vector());
            }
        }
        return vectors;
    }

    private synchronized EmbeddingModel loadedModel() {
        if (model == null) {
            model = MiniLmModel.load();
        }
        return model;
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
