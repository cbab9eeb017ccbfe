package com.finlens.knowledge;

import com.finlens.knowledge.ingest.FetchConfig;
import com.finlens.platform.config.Env;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Knowledge-base settings. The Lucene index lives under {@code <FINLENS_DATA_DIR>/index}; Weaviate and the
 * remote embeddings endpoint have their own config records in their integration packages.
 */
public record KnowledgeConfig(Path indexDir, int chunkMaxChars, int workerPoolSize, FetchConfig fetch,
                              Duration queryCacheTtl, int queryCacheEntries) {

    public static KnowledgeConfig from(Env env) {
        Path dataDir = Path.of(env.string("FINLENS_DATA_DIR", "./data")).toAbsolutePath().normalize();
        return new KnowledgeConfig(dataDir.resolve("index"),
                env.integer("FINLENS_KNOWLEDGE_CHUNK_CHARS", 800, 200, 4000),
                env.integer("FINLENS_KNOWLEDGE_WORKERS", 2, 1, 32),
                FetchConfig.from(env),
                env.duration("FINLENS_KNOWLEDGE_QUERY_CACHE_TTL", Duration.ofSeconds(60)),
                env.integer("FINLENS_KNOWLEDGE_QUERY_CACHE_ENTRIES", 2000, 0, 1_000_000));
    }
}
