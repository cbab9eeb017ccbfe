package com.finlens.integration.llm;

/** Tokens billed for one completion. {@code reported} is false when the provider sent no usage and we estimated. */
public record TokenUsage(int promptTokens, int completionTokens, boolean reported) {

    public static final TokenUsage NONE = new TokenUsage(0, 0, false);
}
