package com.finlens.knowledge;

import com.finlens.knowledge.document.DocumentRepository;
import com.finlens.knowledge.document.IngestJob;
import com.finlens.knowledge.document.IngestStatus;
import com.finlens.knowledge.document.KnowledgeDocument;
import com.finlens.knowledge.document.KnowledgeDocument.SourceKind;
import com.finlens.knowledge.document.NewDocument;
import com.finlens.knowledge.embedding.Embedder;
import com.finlens.knowledge.embedding.EmbeddingException;
import com.finlens.knowledge.ingest.Chunker;
import com.finlens.knowledge.ingest.DocumentParser;
import com.finlens.knowledge.ingest.FetchRejectedException;
import com.finlens.knowledge.ingest.ParsedDocument;
import com.finlens.knowledge.ingest.SafeUrlFetcher;
import com.finlens.knowledge.ingest.SentenceSplitter;
import com.finlens.knowledge.ingest.SourceFormat;
import com.finlens.knowledge.store.ChunkHit;
import com.finlens.knowledge.store.SearchMode;
import com.finlens.knowledge.store.SearchRequest;
import com.finlens.knowledge.store.StoredChunk;
import com.finlens.knowledge.store.VectorStore;
import com.finlens.platform.db.OwnContext;
import com.finlens.platform.http.ApiException;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The knowledge base: ingestion jobs (parse, chunk, embed, index) and retrieval scoped to a user. Ingestion is
 * idempotent: the same upload or URL lands on the same document, identical chunks are stored once, and unchanged
 * text is not re-indexed. Jobs run in the background after the request returns; their progress is persisted so a
 * reloaded page sees it.
 */
public final class KnowledgeService {

    public static final int MAX_QUERY_CHARS = 1000;
    public static final int MAX_RESULTS = 20;
    static final int EMBED_BATCH = 32;
    private static final int MAX_TITLE_CHARS = 200;
    private static final Logger LOG = LoggerFactory.getLogger(KnowledgeService.class);

    private final DocumentRepository repository;
    private final VectorStore store;
    private final Embedder embedder;
    private final DocumentParser parser;
    private final SafeUrlFetcher fetcher;
    private final Chunker chunker;
    private final Clock clock;
    private final OwnContext jobs;
    private final QueryCache queries;

    public KnowledgeService(DocumentRepository repository, VectorStore store, Embedder embedder, DocumentParser parser,
                            SafeUrlFetcher fetcher, Chunker chunker, Clock clock, OwnContext jobs, QueryCache queries) {
        this.repository = repository;
        this.store = store;
        this.embedder = embedder;
        this.parser = parser;
        this.fetcher = fetcher;
        this.chunker = chunker;
        this.clock = clock;
        this.jobs = jobs;
        this.queries = queries;
    }

    public Future<IngestTicket> ingestText(long userId, String title, String text) {
        String dedupKey = "text:" + sha256(text.strip());
        return submit(new NewDocument(userId, titleOr(title, text), SourceKind.text, null, dedupKey, null),
                new DocumentSource.Text(title, text));
    }

    public Future<IngestTicket> ingestFile(long userId, String fileName, SourceFormat format, byte[] bytes) {
        String dedupKey = "file:" + sha256(bytes);
        return submit(new NewDocument(userId, titleOr(fileName, "upload"), SourceKind.file, null, dedupKey, null),
                new DocumentSource.Bytes(fileName, format, bytes));
    }

    /** Checks the URL first (scheme, host, private addresses) so a refused URL is a 400, not a failed job. */
    public Future<IngestTicket> ingestUrl(long userId, String url) {
        String trimmed = url.strip();
        return fetcher.check(trimmed)
                .recover(e -> Future.failedFuture(e instanceof FetchRejectedException
                        ? ApiException.badRequest("url", e.getMessage()) : e))
                .compose(v -> submit(new NewDocument(userId, titleOr(null, trimmed), SourceKind.url, trimmed,
                        "url:" + sha256(trimmed), null), new DocumentSource.Url(trimmed)));
    }

    /**
     * Adds a document to the shared corpus every user can search (e.g. a DART disclosure). The same source URL
     * (or, without one, the same text) updates the existing shared document.
     */
    public Future<IngestTicket> ingestShared(String title, String text, String sourceUrl, Map<String, Object> metadata) {
        String dedupKey = sourceUrl != null ? "url:" + sha256(sourceUrl) : "text:" + sha256(text.strip());
        String metadataJson = metadata == null || metadata.isEmpty() ? null : new JsonObject(metadata).encode();
        return submit(new NewDocument(StoredChunk.SHARED_OWNER, titleOr(title, text), SourceKind.shared, sourceUrl,
                dedupKey, metadataJson), new DocumentSource.Text(title, text));
    }

    public Future<List<DocumentStatus>> list(long userId) {
        // One query for every document's latest job (not one per document, in parallel, on one session).
        return repository.list(userId).compose(documents -> repository
                .latestJobs(documents.stream().map(KnowledgeDocument::id).toList())
                .map(jobs -> documents.stream()
                        .map(d -> new DocumentStatus(d, java.util.Optional.ofNullable(jobs.get(d.id()))))
                        .toList()));
    }

    public Future<DocumentStatus> get(long userId, long documentId) {
        return owned(userId, documentId).compose(this::withJob);
    }

    /** Removes the document's chunks from the store first, so a failure leaves a document that can be deleted again. */
    public Future<Void> delete(long userId, long documentId) {
        return owned(userId, documentId)
                .compose(document -> queries.writing(store.deleteDocument(document.id())))
                .compose(v -> repository.delete(userId, documentId))
                .mapEmpty();
    }

    /** The account-deletion hook: every private document, job and chunk of the user; the shared corpus stays. */
    public Future<Void> deleteAllForUser(long userId) {
        return queries.writing(store.deleteOwner(userId)).compose(v -> repository.deleteAllForOwner(userId)).mapEmpty();
    }

    /** Call once at startup: jobs a restart cut short are marked failed so nobody waits for them. */
    public Future<Integer> failInterruptedJobs() {
        return repository.failUnfinished("interrupted by a restart; submit the document again", clock.instant());
    }

    /**
     * Hybrid retrieval over the user's documents and the shared corpus. When the embeddings endpoint is down the
     * search degrades to keywords only instead of failing the answer.
     */
    public Future<List<DocumentPassage>> search(long userId, String query, int k) {
        if (query == null || query.isBlank()) {
            return Future.failedFuture(ApiException.badRequest("q", "\"q\" must not be empty."));
        }
        if (query.length() > MAX_QUERY_CHARS) {
            return Future.failedFuture(ApiException.badRequest("q", "\"q\" must be at most " + MAX_QUERY_CHARS
                    + " characters."));
        }
        if (k < 1 || k > MAX_RESULTS) {
            return Future.failedFuture(ApiException.badRequest("k", "\"k\" must be between 1 and " + MAX_RESULTS + "."));
        }
        String text = QueryCache.normalize(query);
        return queries.results(userId, text, k, () -> searchIndex(userId, text, k));
    }

    private Future<QueryCache.Found> searchIndex(long userId, String text, int k) {
        return queries.vector(text, () -> embedder.embed(List.of(text)).map(vectors -> vectors.get(0)))
                .map(vector -> SearchRequest.hybrid(userId, text, vector, k))
                .recover(e -> {
                    LOG.warn("Query embedding failed, searching by keywords only: {}", e.getMessage());
                    return Future.succeededFuture(new SearchRequest(userId, text, null, k, SearchMode.KEYWORD, true,
                            null));
                })
                .compose(request -> store.search(request)
                        // nearest neighbours exist for any query: keep only the passages that are about it
                        .map(hits -> new QueryCache.Found(Relevance.filter(text, hits.stream()
                                .map(KnowledgeService::passage).toList()), request.vector() == null)));
    }

    private static DocumentPassage passage(ChunkHit hit) {
        return new DocumentPassage(hit.chunkId(), hit.documentId(), hit.title(), hit.position(), hit.text(), hit.score(),
                hit.sourceUrl(), hit.shared());
    }

    private Future<KnowledgeDocument> owned(long userId, long documentId) {
        return repository.find(userId, documentId).compose(found -> found.map(Future::succeededFuture)
                .orElseGet(() -> Future.failedFuture(ApiException.notFound("Document " + documentId))));
    }

    private Future<DocumentStatus> withJob(KnowledgeDocument document) {
        return repository.latestJob(document.id()).map(job -> new DocumentStatus(document, job));
    }

    private Future<IngestTicket> submit(NewDocument spec, DocumentSource source) {
        return repository.findOrCreate(spec, clock.instant()).compose(document -> repository.latestJob(document.id())
                .compose(latest -> {
                    if (latest.isPresent() && !latest.get().status().finished()) {
                        // A double submit joins the job already under way instead of racing it.
                        return Future.succeededFuture(new IngestTicket(document, latest.get()));
                    }
                    KnowledgeDocument queued = document.withStatus(IngestStatus.queued, null, clock.instant());
                    return repository.save(queued)
                            .compose(v -> repository.createJob(document.id(), document.ownerId(), clock.instant()))
                            .map(job -> {
                                // The job outlives this request: its own context keeps its database session apart.
                                jobs.run(() -> run(document, job, source));
                                return new IngestTicket(queued, job);
                            });
                }));
    }

    /** Runs a job to its end; every outcome is recorded on the job and the document, never thrown. */
    Future<Void> run(KnowledgeDocument previous, IngestJob job, DocumentSource source) {
        return repository.save(job.running(0, 0, clock.instant()))
                .compose(v -> repository.save(previous.withStatus(IngestStatus.running, null, clock.instant())))
                .compose(v -> textOf(source))
                .compose(parsed -> index(previous, job, source, parsed))
                .recover(e -> recordFailure(previous, job, e));
    }

    private Future<ParsedDocument> textOf(DocumentSource source) {
        if (source instanceof DocumentSource.Text text) {
            return Future.succeededFuture(new ParsedDocument(text.title() == null ? "" : text.title(), text.text()));
        }
        if (source instanceof DocumentSource.Bytes bytes) {
            return parser.parse(bytes.format(), bytes.bytes());
        }
        DocumentSource.Url url = (DocumentSource.Url) source;
        return fetcher.fetch(url.url()).compose(page -> parser.parse(page.format(), page.body()));
    }

    private Future<Void> index(KnowledgeDocument previous, IngestJob job, DocumentSource source, ParsedDocument parsed) {
        String text = parsed.text().strip();
        if (text.isEmpty()) {
            return Future.failedFuture(new IngestFailure("no text could be extracted from the document"));
        }
        String title = titleOr(parsed.title(), source instanceof DocumentSource.Bytes bytes ? bytes.fileName()
                : source instanceof DocumentSource.Url url ? url.url() : text);
        String contentHash = sha256(text);
        List<String> chunks = new ArrayList<>(new LinkedHashSet<>(chunker.chunk(text)));
        Future<Boolean> unchanged = contentHash.equals(previous.contentHash())
                && embedder.model().equals(previous.embeddingModel())
                ? store.countChunks(previous.id()).map(count -> count == previous.chunkCount()
                        && count == chunks.size())
                : Future.succeededFuture(false);
        return unchanged.compose(same -> same ? Future.succeededFuture() : reindex(previous, job, title, chunks))
                .compose(v -> repository.save(previous.indexed(title, contentHash, chunks.size(), embedder.model(),
                        clock.instant())))
                .compose(v -> repository.save(job.done(chunks.size(), clock.instant())));
    }

    private Future<Void> reindex(KnowledgeDocument document, IngestJob job, String title, List<String> chunks) {
        Future<Void> chain = queries.writing(store.deleteDocument(document.id()))
                .compose(v -> repository.save(job.running(chunks.size(), 0, clock.instant())));
        for (int from = 0; from < chunks.size(); from += EMBED_BATCH) {
            int start = from;
            List<String> batch = chunks.subList(from, Math.min(chunks.size(), from + EMBED_BATCH));
            chain = chain.compose(v -> embedder.embed(batch))
                    .compose(vectors -> {
                        List<StoredChunk> stored = new ArrayList<>(batch.size());
                        for (int i = 0; i < batch.size(); i++) {
                            stored.add(new StoredChunk(StoredChunk.idFor(document.id(), start + i), document.id(),
                                    document.ownerId(), title, batch.get(i), start + i, document.sourceUrl(),
                                    embedder.model(), vectors.get(i)));
                        }
                        return queries.writing(store.upsert(stored));
                    })
                    .compose(v -> repository.save(job.running(chunks.size(), start + batch.size(), clock.instant())));
        }
        return chain;
    }

    private Future<Void> recordFailure(KnowledgeDocument document, IngestJob job, Throwable e) {
        String reason = e instanceof IngestFailure || e instanceof FetchRejectedException
                || e instanceof EmbeddingException ? e.getMessage() : "ingestion failed unexpectedly";
        if (!(e instanceof IngestFailure || e instanceof FetchRejectedException)) {
            LOG.warn("Ingestion job {} of document {} failed", job.id(), document.id(), e);
        }
        return repository.save(job.failed(reason, clock.instant()))
                .compose(v -> repository.save(document.withStatus(IngestStatus.failed, reason, clock.instant())))
                .recover(saveFailure -> {
                    LOG.error("Could not record the failure of ingestion job {}", job.id(), saveFailure);
                    return Future.succeededFuture();
                });
    }

    /** A readable title: the given one, else the first sentence of the fallback, cut to a sensible length. */
    static String titleOr(String title, String fallback) {
        String chosen = title != null && !title.isBlank() ? title.strip()
                : SentenceSplitter.split(fallback == null ? "" : fallback).stream().findFirst().orElse("Untitled");
        return chosen.length() > MAX_TITLE_CHARS ? chosen.substring(0, MAX_TITLE_CHARS - 1) + "…" : chosen;
    }

    static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** An expected ingestion failure whose message the user may read. */
    static final class IngestFailure extends RuntimeException {
        IngestFailure(String message) {
            super(message, null, false, false);
        }
    }
}
