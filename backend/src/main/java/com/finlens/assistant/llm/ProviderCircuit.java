package com.finlens.assistant.llm;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers which providers failed recently. A failed provider is skipped for the cool-down, or for as long as it
 * asked (Retry-After) when that is longer; a success closes the circuit again.
 */
public final class ProviderCircuit {

    private final Clock clock;
    private final Duration coolDown;
    private final Map<String, Instant> skipUntil = new ConcurrentHashMap<>();

    public ProviderCircuit(Clock clock, Duration coolDown) {
        this.clock = clock;
        this.coolDown = coolDown;
    }

    public boolean isOpen(String provider) {
        Instant until = skipUntil.get(provider);
        return until != null && clock.instant().isBefore(until);
    }

    public void recordFailure(String provider, Duration retryAfter) {
        Duration wait = retryAfter.compareTo(coolDown) > 0 ? retryAfter : coolDown;
        skipUntil.put(provider, clock.instant().plus(wait));
    }

    public void recordSuccess(String provider) {
        skipUntil.remove(provider);
    }
}
