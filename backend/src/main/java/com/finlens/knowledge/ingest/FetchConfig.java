package com.finlens.knowledge.ingest;

import com.finlens.platform.config.Env;
import java.time.Duration;
import java.util.Set;

/**
 * Limits for fetching user-supplied URLs. {@code allowedPrivateTargets} lists "host:port" pairs exempt from the
 * private-address check; it exists for tests against a local server and stays empty in production.
 */
public record FetchConfig(long maxBytes, Duration timeout, int maxRedirects, Set<String> allowedPrivateTargets) {

    public FetchConfig {
        allowedPrivateTargets = Set.copyOf(allowedPrivateTargets);
    }

    public static FetchConfig from(Env env) {
        return new FetchConfig(
                env.longValue("FINLENS_KNOWLEDGE_FETCH_MAX_BYTES", 5L * 1024 * 1024, 1024, 100L * 1024 * 1024),
                env.duration("FINLENS_KNOWLEDGE_FETCH_TIMEOUT", Duration.ofSeconds(15)),
                3,
                Set.copyOf(env.list("FINLENS_KNOWLEDGE_FETCH_ALLOW_PRIVATE")));
    }
}
