package com.finlens.knowledge.store;

import static com.finlens.testing.ReplayServer.await;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.finlens.knowledge.embedding.EmbeddingException;
import com.finlens.knowledge.embedding.EmbeddingSpace;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LuceneVectorStoreTest extends VectorStoreContract {

    @TempDir
    Path indexDir;

    @Override
    protected VectorStore openStore(EmbeddingSpace space) {
        return await(LuceneVectorStore.open(worker, indexDir, space));
    }

    @Test
    @DisplayName("Reopening an index with a different embedding model fails and names both models")
    void reopenWithOtherModelFails() {
        await(store.close());
        store = null;

        assertThatThrownBy(() -> openStore(new EmbeddingSpace("all-minilm-l6-v2-q", 384))).rootCause()
                .isInstanceOf(EmbeddingException.class)
                .hasMessageContaining("hashing-64").hasMessageContaining("all-minilm-l6-v2-q");
        store = openStore(SPACE);
    }
}
