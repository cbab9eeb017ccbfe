package com.finlens.knowledge.embedding;

import io.vertx.core.Future;
import java.util.List;

/**
 * Turns texts into vectors. Implementations batch internally and never block the event loop. Every vector a
 * store keeps is tagged with {@link #model()} and {@link #dimension()} so vectors of different models are never
 * compared.
 */
public interface Embedder {

    /** One vector per text, in input order. */
    Future<List<float[]>> embed(List<String> texts);

    /** A stable model name, e.g. "all-minilm-l6-v2-q" or "text-embedding-3-small". */
    String model();

    int dimension();
}
