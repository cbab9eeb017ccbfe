package com.finlens.knowledge.document;

import static com.finlens.testing.ReplayServer.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.finlens.platform.db.Database;
import com.finlens.platform.db.DbConfig;
import com.finlens.testing.TestDatabase;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The repository against the shared test MariaDB, in a fresh database migrated by Flyway (V30 included). */
class HibernateDocumentRepositoryTest {

    @TempDir
    static Path dataDir;

    private static Vertx vertx;
    private static Context context;
    private static Database database;
    private static HibernateDocumentRepository repository;
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MICROS);

    @BeforeAll
    static void start() throws Exception {
        vertx = Vertx.vertx();
        context = vertx.getOrCreateContext();
        // The shared test MariaDB's first start, Flyway and the session factory take a while on a busy machine.
        DbConfig db = new DbConfig(TestDatabase.freshDatabaseUrl(), "root", "", 0, 4);
        database = onContext(() -> Database.start(vertx, db, dataDir,
                HibernateDocumentRepository.ENTITIES)).toCompletionStage().toCompletableFuture().get(3, TimeUnit.MINUTES);
        repository = new HibernateDocumentRepository(database.sessionFactory());
    }

    @AfterAll
    static void stop() {
        database.close();
        await(vertx.close());
    }

    /** Hibernate Reactive sessions belong to an event loop: run every call on one. */
    private static <T> Future<T> onContext(Supplier<Future<T>> call) {
        io.vertx.core.Promise<T> promise = io.vertx.core.Promise.promise();
        context.runOnContext(v -> call.get().onComplete(promise));
        return promise.future();
    }

    private static NewDocument upload(long owner, String key) {
        return new NewDocument(owner, "분기 보고서 " + key, KnowledgeDocument.SourceKind.text, null, "text:" + key, null);
    }

    @Test
    @DisplayName("The same owner and dedup key find the same document; another owner gets their own")
    void findOrCreateIsIdempotent() {
        KnowledgeDocument first = await(onContext(() -> repository.findOrCreate(upload(1, "a"), NOW)));
        KnowledgeDocument again = await(onContext(() -> repository.findOrCreate(upload(1, "a"), NOW)));
        KnowledgeDocument other = await(onContext(() -> repository.findOrCreate(upload(2, "a"), NOW)));

        assertThat(again.id()).isEqualTo(first.id());
        assertThat(other.id()).isNotEqualTo(first.id());
        assertThat(first.title()).isEqualTo("분기 보고서 a");
        assertThat(first.status()).isEqualTo(IngestStatus.queued);
    }

    @Test
    @DisplayName("Document state and job progress are saved and read back, and only by their owner")
    void progressReadsBack() {
        KnowledgeDocument document = await(onContext(() -> repository.findOrCreate(upload(3, "b"), NOW)));
        IngestJob job = await(onContext(() -> repository.createJob(document.id(), 3, NOW)));
        await(onContext(() -> repository.save(job.running(10, 4, NOW))));
        await(onContext(() -> repository.save(document.indexed("새 제목", "f".repeat(64), 10, "all-minilm-l6-v2-q", NOW))));

        IngestJob latest = await(onContext(() -> repository.latestJob(document.id()))).orElseThrow();
        assertThat(latest.status()).isEqualTo(IngestStatus.running);
        assertThat(latest.chunksTotal()).isEqualTo(10);
        assertThat(latest.chunksIndexed()).isEqualTo(4);
        KnowledgeDocument saved = await(onContext(() -> repository.find(3, document.id()))).orElseThrow();
        assertThat(saved.title()).isEqualTo("새 제목");
        assertThat(saved.chunkCount()).isEqualTo(10);
        assertThat(saved.status()).isEqualTo(IngestStatus.done);
        assertThat(await(onContext(() -> repository.find(4, document.id())))).isEmpty();
        assertThat(await(onContext(() -> repository.list(3)))).extracting(KnowledgeDocument::id).contains(document.id());
    }

    @Test
    @DisplayName("Jobs a restart interrupted are marked failed with their documents")
    void failUnfinished() {
        KnowledgeDocument document = await(onContext(() -> repository.findOrCreate(upload(5, "c"), NOW)));
        IngestJob job = await(onContext(() -> repository.createJob(document.id(), 5, NOW)));
        await(onContext(() -> repository.save(job.running(3, 1, NOW))));

        assertThat(await(onContext(() -> repository.failUnfinished("interrupted", NOW)))).isPositive();

        assertThat(await(onContext(() -> repository.latestJob(document.id()))).orElseThrow().status())
                .isEqualTo(IngestStatus.failed);
        KnowledgeDocument failed = await(onContext(() -> repository.find(5, document.id()))).orElseThrow();
        assertThat(failed.status()).isEqualTo(IngestStatus.failed);
        assertThat(failed.error()).isEqualTo("interrupted");
    }

    @Test
    @DisplayName("Deleting removes the owner's document with its jobs; deleting an owner removes only theirs")
    void deletes() {
        KnowledgeDocument mine = await(onContext(() -> repository.findOrCreate(upload(6, "d"), NOW)));
        await(onContext(() -> repository.createJob(mine.id(), 6, NOW)));
        KnowledgeDocument second = await(onContext(() -> repository.findOrCreate(upload(6, "e"), NOW)));
        KnowledgeDocument others = await(onContext(() -> repository.findOrCreate(upload(7, "d"), NOW)));

        assertThat(await(onContext(() -> repository.delete(7, mine.id())))).isFalse();
        assertThat(await(onContext(() -> repository.delete(6, mine.id())))).isTrue();
        assertThat(await(onContext(() -> repository.latestJob(mine.id())))).isEmpty();

        assertThat(await(onContext(() -> repository.deleteAllForOwner(6)))).isEqualTo(1);
        assertThat(await(onContext(() -> repository.list(6)))).isEmpty();
        assertThat(await(onContext(() -> repository.list(7)))).extracting(KnowledgeDocument::id)
                .isEqualTo(List.of(others.id()));
        assertThat(second.id()).isPositive();
    }
}
