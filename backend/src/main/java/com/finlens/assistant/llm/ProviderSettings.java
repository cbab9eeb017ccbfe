package com.finlens.assistant.llm;

/**
 * One configured language model provider. {@code healthUrl} is set for RunPod serverless (its native endpoint
 * root, for {@code /health}); prices are USD per 1,000 tokens and only feed the cost estimate.
 */
public record ProviderSettings(String name, String baseUrl, String apiKey, String model, String healthUrl,
                               double inputPricePer1k, double outputPricePer1k) {

    public double estimatedCostUsd(int promptTokens, int completionTokens) {
        return promptTokens / 1000.0 * inputPricePer1k + completionTokens / 1000.0 * outputPricePer1k;
    }

    @Override
    public String toString() {
        return "ProviderSettings[" + name + ", " + baseUrl + ", model=" + model + "]"; // never the key
    }
}
