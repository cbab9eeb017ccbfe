package com.finlens.knowledge.store;

/** A search result: the chunk without its vector, and a score where higher is better. */
public record ChunkHit(String chunkId, long documentId, long ownerId, String title, String text, int position,
                       String sourceUrl, double score) {

    public boolean shared() {
        return ownerId == StoredChunk.SHARED_OWNER;
    }

    public ChunkHit withScore(double newScore) {
        return new ChunkHit(chunkId, documentId, ownerId, title, text, position, sourceUrl, newScore);
    }
}
