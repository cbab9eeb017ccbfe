package com.finlens.knowledge;

import com.finlens.knowledge.document.DocumentRepository;
import com.finlens.knowledge.embedding.Embedder;
import com.finlens.knowledge.ingest.Chunker;
import com.finlens.knowledge.ingest.DocumentParser;
import com.finlens.knowledge.ingest.SafeUrlFetcher;
import com.finlens.knowledge.store.VectorStore;
import com.finlens.platform.db.OwnContext;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The knowledge feature assembled around the vector store and embedder that Wiring picked; all blocking work runs on
 * one named worker pool ("finlens-knowledge"). Start it once, mount {@link #routes()}, hand {@link #service()} to
 * the assistant, the DART ingester and account deletion, and {@link #close()} it on shutdown.
 */
public final class KnowledgeBase {

    public static final String WORKER_POOL = "finlens-knowledge";
    private static final Logger LOG = LoggerFactory.getLogger(KnowledgeBase.class);

    private final WorkerExecutor worker;
    private final VectorStore store;
    private final SafeUrlFetcher fetcher;
    private final KnowledgeService service;
    private final KnowledgeRoutes routes;

    private KnowledgeBase(WorkerExecutor worker, VectorStore store, SafeUrlFetcher fetcher, KnowledgeService service,
                          KnowledgeRoutes routes) {
        this.worker = worker;
        this.store = store;
        this.fetcher = fetcher;
        this.service = service;
        this.routes = routes;
    }

    /**
     * Assembles the feature around the store and embedder that Wiring picked. The worker pool becomes the knowledge
     * base's own: {@link #close()} closes it, and so does a failed start.
     */
    public static Future<KnowledgeBase> start(Vertx vertx, WorkerExecutor worker, VectorStore store, Embedder embedder,
                                              KnowledgeConfig config, DocumentRepository repository, Clock clock) {
        SafeUrlFetcher fetcher = new SafeUrlFetcher(vertx, worker, config.fetch());
        OwnContext ownContext = new OwnContext(vertx);
        KnowledgeService service = new KnowledgeService(repository, store, embedder, new DocumentParser(worker),
                fetcher, new Chunker(config.chunkMaxChars()), clock, ownContext,
                new QueryCache(config.queryCacheTtl(), config.queryCacheEntries()));
        KnowledgeBase base = new KnowledgeBase(worker, store, fetcher, service, new KnowledgeRoutes(vertx, service));
        return failInterruptedJobs(ownContext, service).map(base).onFailure(e -> base.close());
    }

    /** Jobs cut short by the last shutdown are marked failed, in a database session of their own. */
    private static Future<Void> failInterruptedJobs(OwnContext ownContext, KnowledgeService service) {
        return ownContext.run(service::failInterruptedJobs).map(count -> {
            if (count > 0) {
                LOG.info("Marked {} interrupted ingestion job(s) as failed", count);
            }
            return null;
        });
    }

    public KnowledgeService service() {
        return service;
    }

    public KnowledgeRoutes routes() {
        return routes;
    }

    public Future<Void> close() {
        return Future.join(store.close(), fetcher.close()).<Void>mapEmpty().onComplete(v -> worker.close());
    }
}
