package com.finlens.integration.llm;

/** A finished streamed completion: the model that answered, the full text, usage and why it stopped. */
public record ChatCompletion(String model, String text, TokenUsage usage, String finishReason) {
}
