package com.finlens.integration.llm;

/** RunPod serverless worker counts from {@code /health}; warm workers answer without a cold start. */
public record WorkerAvailability(int ready, int idle, int running, int inQueue) {

    public boolean hasWarmWorker() {
        return ready + idle > 0;
    }
}
