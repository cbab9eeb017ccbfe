package com.finlens.knowledge.store;

import static com.finlens.testing.ReplayServer.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.finlens.knowledge.embedding.EmbeddingException;
import com.finlens.knowledge.embedding.EmbeddingSpace;
import com.finlens.knowledge.testing.HashingEmbedder;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link VectorStore} must have. Subclasses say how to open a store at this test's location
 * (calling {@link #openStore} twice in one test must reach the same data, which is how restarts are tested).
 */
public abstract class VectorStoreContract {

    protected static final long ALICE = 1;
    protected static final long BOB = 2;
    protected static final EmbeddingSpace SPACE = new EmbeddingSpace("hashing-64", HashingEmbedder.DIMENSION);

    protected static Vertx vertx;
    protected static WorkerExecutor worker;
    protected VectorStore store;

    @BeforeAll
    static void startVertx() {
        vertx = Vertx.vertx();
        worker = vertx.createSharedWorkerExecutor("knowledge-test", 4);
    }

    @AfterAll
    static void stopVertx() {
        worker.close();
        await(vertx.close());
    }

    /** Opens the store at this test's location with the given embedding space. */
    protected abstract VectorStore openStore(EmbeddingSpace space);

    @BeforeEach
    void open() {
        store = openStore(SPACE);
        await(store.upsert(List.of(
                chunk(101, ALICE, 0, "Samsung Electronics reported operating profit of 6.6 trillion won in the third quarter, driven by memory chip demand."),
                chunk(102, ALICE, 0, "The central bank kept the base rate unchanged at 3.5 percent to curb household debt."),
                chunk(103, ALICE, 0, "삼성전자는 3분기 영업이익이 크게 증가했다고 발표했다. 반도체 수요가 회복되었다."),
                chunk(104, BOB, 0, "Confidential merger memo: Bob plans the acquisition of a regional bank. 비밀 인수 합병 계획."),
                chunk(105, StoredChunk.SHARED_OWNER, 0, "Hyundai Motor announced a quarterly dividend of 2,000 won per share in its DART disclosure."))));
    }

    @AfterEach
    void closeStore() {
        if (store != null) {
            await(store.close());
        }
    }

    protected static StoredChunk chunk(long documentId, long owner, int position, String text) {
        return new StoredChunk(StoredChunk.idFor(documentId, position), documentId, owner, "doc " + documentId, text,
                position, "https://example.test/" + documentId, SPACE.model(), HashingEmbedder.vector(text));
    }

    protected List<ChunkHit> search(long user, String text, SearchMode mode, int k) {
        return await(store.search(new SearchRequest(user, text, HashingEmbedder.vector(text), k, mode, true, Set.of())));
    }

    private static List<Long> documents(List<ChunkHit> hits) {
        return hits.stream().map(ChunkHit::documentId).toList();
    }

    @Test
    @DisplayName("An English keyword query ranks the chunk with those words first, with its document, position and source")
    void englishKeywordSearch() {
        List<ChunkHit> hits = search(ALICE, "operating profits of memory chips", SearchMode.KEYWORD, 3);

        assertThat(hits).isNotEmpty();
        ChunkHit first = hits.get(0);
        assertThat(first.documentId()).isEqualTo(101);
        assertThat(first.position()).isZero();
        assertThat(first.sourceUrl()).isEqualTo("https://example.test/101");
        assertThat(first.text()).startsWith("Samsung Electronics");
        assertThat(first.score()).isPositive();
    }

    @Test
    @DisplayName("A Korean query in another inflection finds the Korean chunk through morphological analysis")
    void koreanKeywordSearch() {
        List<ChunkHit> hits = search(ALICE, "삼성전자의 영업이익은?", SearchMode.KEYWORD, 3);

        assertThat(documents(hits)).first().isEqualTo(103L);
    }

    @Test
    @DisplayName("A vector query returns the nearest chunk first and hybrid search agrees when both signals do")
    void vectorAndHybridSearch() {
        assertThat(documents(search(ALICE, "base rate household debt", SearchMode.VECTOR, 2))).first().isEqualTo(102L);
        assertThat(documents(search(ALICE, "base rate household debt", SearchMode.HYBRID, 2))).first().isEqualTo(102L);
    }

    @Test
    @DisplayName("A user never retrieves another user's private chunks, in any search mode, but everyone reads the shared corpus")
    void ownerIsolation() {
        for (SearchMode mode : SearchMode.values()) {
            List<ChunkHit> aliceHits = search(ALICE, "confidential merger memo acquisition bank 비밀 합병", mode, 10);
            assertThat(aliceHits).extracting(ChunkHit::ownerId).doesNotContain(BOB);

            List<ChunkHit> bobHits = search(BOB, "Samsung operating profit 삼성전자 영업이익 dividend", mode, 10);
            assertThat(bobHits).isNotEmpty().extracting(ChunkHit::ownerId).isSubsetOf(BOB, StoredChunk.SHARED_OWNER);
        }
        assertThat(documents(search(BOB, "Hyundai dividend per share", SearchMode.KEYWORD, 5))).contains(105L);
        assertThat(search(BOB, "Hyundai dividend per share", SearchMode.KEYWORD, 5)).filteredOn(ChunkHit::shared)
                .isNotEmpty();
    }

    @Test
    @DisplayName("Filters narrow results to given documents and can leave out the shared corpus")
    void filters() {
        SearchRequest request = new SearchRequest(ALICE, "won", HashingEmbedder.vector("won"), 10, SearchMode.HYBRID,
                true, Set.of());

        assertThat(documents(await(store.search(request.onlyDocuments(Set.of(105L)))))).containsOnly(105L);
        assertThat(documents(await(store.search(request.withoutShared())))).isNotEmpty().doesNotContain(105L);
    }

    @Test
    @DisplayName("Upserting a chunk id again replaces it instead of adding a duplicate")
    void upsertReplaces() {
        await(store.upsert(List.of(chunk(102, ALICE, 0, "The central bank raised the base rate to 3.75 percent."))));

        assertThat(await(store.countChunks(102))).isEqualTo(1);
        assertThat(search(ALICE, "central bank base rate", SearchMode.KEYWORD, 5))
                .filteredOn(hit -> hit.documentId() == 102).singleElement()
                .satisfies(hit -> assertThat(hit.text()).contains("3.75"));
    }

    @Test
    @DisplayName("Deleting a document removes every one of its chunks; deleting an owner keeps the shared corpus")
    void deletes() {
        List<StoredChunk> many = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            many.add(chunk(110, ALICE, i, "Quarterly report part " + i + " about semiconductor exports."));
        }
        await(store.upsert(many));
        assertThat(await(store.countChunks(110))).isEqualTo(5);

        await(store.deleteDocument(110));
        assertThat(await(store.countChunks(110))).isZero();
        assertThat(documents(search(ALICE, "semiconductor exports", SearchMode.HYBRID, 10))).doesNotContain(110L);

        await(store.deleteOwner(ALICE));
        assertThat(await(store.countChunks(101))).isZero();
        assertThat(await(store.countChunks(103))).isZero();
        assertThat(await(store.countChunks(104))).isEqualTo(1);
        assertThat(await(store.countChunks(105))).isEqualTo(1);
    }

    @Test
    @DisplayName("After a restart the store sees every chunk written before it")
    void restartDurability() {
        await(store.upsert(List.of(chunk(120, ALICE, 0, "Kospi closed higher on foreign buying of battery makers."))));
        await(store.close());

        store = openStore(SPACE);

        assertThat(await(store.countChunks(120))).isEqualTo(1);
        assertThat(await(store.countChunks(101))).isEqualTo(1);
        assertThat(documents(search(ALICE, "battery makers foreign buying", SearchMode.HYBRID, 3))).first().isEqualTo(120L);
    }

    @Test
    @DisplayName("Concurrent writes and reads all succeed and every written chunk is found afterwards")
    void concurrentWritesAndReads() {
        List<Future<?>> work = new ArrayList<>();
        for (int d = 0; d < 8; d++) {
            long documentId = 200 + d;
            List<StoredChunk> chunks = new ArrayList<>();
            for (int p = 0; p < 6; p++) {
                chunks.add(chunk(documentId, ALICE, p, "Concurrent filing " + documentId + " section " + p + " on export volumes."));
            }
            work.add(store.upsert(chunks));
            work.add(store.search(SearchRequest.hybrid(ALICE, "export volumes", HashingEmbedder.vector("export volumes"), 5)));
        }
        await(Future.all(new ArrayList<>(work)));

        for (int d = 0; d < 8; d++) {
            assertThat(await(store.countChunks(200 + d))).isEqualTo(6);
        }
        assertThat(search(ALICE, "export volumes", SearchMode.KEYWORD, 50)).hasSizeGreaterThanOrEqualTo(48);
    }

    @Test
    @DisplayName("Vectors from another model or of another dimension are refused with a clear error")
    void refusesMixedEmbeddings() {
        StoredChunk otherModel = new StoredChunk("301-0", 301, ALICE, "t", "text", 0, null, "other-model",
                HashingEmbedder.vector("text"));
        StoredChunk otherDimension = new StoredChunk("302-0", 302, ALICE, "t", "text", 0, null, SPACE.model(), new float[12]);

        assertThatThrownBy(() -> await(store.upsert(List.of(otherModel)))).rootCause()
                .isInstanceOf(EmbeddingException.class).hasMessageContaining("other-model");
        assertThatThrownBy(() -> await(store.upsert(List.of(otherDimension)))).rootCause()
                .isInstanceOf(EmbeddingException.class).hasMessageContaining("12 dimensions");
        assertThatThrownBy(() -> await(store.search(new SearchRequest(ALICE, "x", new float[12], 3, SearchMode.VECTOR,
                true, Set.of())))).rootCause().isInstanceOf(EmbeddingException.class);
    }
}
