package com.finlens.knowledge.store;

import io.vertx.core.Future;
import java.util.List;

/**
 * Where chunks and their vectors live: embedded Lucene by default, Weaviate in production. Every read is scoped
 * to one user (plus the shared corpus); writes are durable when the returned future succeeds.
 */
public interface VectorStore {

    /** Inserts or replaces chunks by {@link StoredChunk#chunkId()}. */
    Future<Void> upsert(List<StoredChunk> chunks);

    Future<List<ChunkHit>> search(SearchRequest request);

    /** Removes every chunk of a document. */
    Future<Void> deleteDocument(long documentId);

    /** Removes every chunk a user owns (account deletion); never touches the shared corpus. */
    Future<Void> deleteOwner(long ownerId);

    Future<Long> countChunks(long documentId);

    Future<Void> close();
}
