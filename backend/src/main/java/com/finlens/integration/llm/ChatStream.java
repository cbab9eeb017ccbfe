package com.finlens.integration.llm;

import io.vertx.core.Future;

/**
 * A running streamed completion. {@link #firstToken()} completes when the first non-empty piece of text arrives
 * (the moment the user starts seeing an answer); {@link #completion()} when the provider sent {@code [DONE]}.
 * {@link #abort()} resets the upstream connection so the provider stops generating.
 */
public interface ChatStream {

    Future<Void> firstToken();

    Future<ChatCompletion> completion();

    void abort();
}
