package com.finlens.integration.weaviate;

import com.finlens.knowledge.embedding.EmbeddingException;
import com.finlens.knowledge.embedding.EmbeddingSpace;
import com.finlens.knowledge.store.ChunkHit;
import com.finlens.knowledge.store.SearchRequest;
import com.finlens.knowledge.store.StoredChunk;
import com.finlens.knowledge.store.VectorStore;
import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import io.weaviate.client.Config;
import io.weaviate.client.WeaviateClient;
import io.weaviate.client.base.Result;
import io.weaviate.client.base.WeaviateError;
import io.weaviate.client.v1.batch.model.BatchDeleteResponse;
import io.weaviate.client.v1.batch.model.ObjectGetResponse;
import io.weaviate.client.v1.data.model.WeaviateObject;
import io.weaviate.client.v1.filters.Operator;
import io.weaviate.client.v1.filters.WhereFilter;
import io.weaviate.client.v1.graphql.model.GraphQLError;
import io.weaviate.client.v1.graphql.model.GraphQLResponse;
import io.weaviate.client.v1.graphql.query.argument.Bm25Argument;
import io.weaviate.client.v1.graphql.query.argument.HybridArgument;
import io.weaviate.client.v1.graphql.query.argument.NearVectorArgument;
import io.weaviate.client.v1.graphql.query.fields.Field;
import io.weaviate.client.v1.graphql.query.Get;
import io.weaviate.client.v1.schema.model.DataType;
import io.weaviate.client.v1.schema.model.Property;
import io.weaviate.client.v1.schema.model.WeaviateClass;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The production store on Weaviate, through the official v5 Java client (REST + GraphQL; blocking, so every call
 * runs on the worker pool). One class holds all chunks; vectors are ours ({@code vectorizer: none}). Each object
 * carries its owner, so every query has the mandatory owner filter (the user, plus owner 0 for the shared
 * corpus). Object ids are UUIDs derived from chunk ids, which makes imports idempotent.
 */
public final class WeaviateVectorStore implements VectorStore {

    static final String CHUNK_ID = "chunkId";
    static final String DOCUMENT_ID = "documentId";
    static final String OWNER_ID = "ownerId";
    static final String TITLE = "title";
    static final String TEXT = "text";
    static final String POSITION = "position";
    static final String SOURCE_URL = "sourceUrl";
    static final String MODEL = "embeddingModel";
    private static final Logger LOG = LoggerFactory.getLogger(WeaviateVectorStore.class);
    private static final int MAX_REPORTED_ERRORS = 5;

    private final WorkerExecutor worker;
    private final WeaviateConfig config;
    private final EmbeddingSpace space;
    private final WeaviateClient client;

    private WeaviateVectorStore(WorkerExecutor worker, WeaviateConfig config, EmbeddingSpace space) {
        this.worker = worker;
        this.config = config;
        this.space = space;
        Map<String, String> headers = config.apiKey() == null ? Map.of()
                : Map.of("Authorization", "Bearer " + config.apiKey());
        this.client = new WeaviateClient(new Config(config.scheme(), config.hostAndPath(), headers, 10, 10, 30));
    }

    /**
     * Connects and bootstraps the schema (idempotent: an existing class is kept), then refuses to start when the
     * class already holds vectors of another embedding model.
     */
    public static Future<WeaviateVectorStore> open(WorkerExecutor worker, WeaviateConfig config, EmbeddingSpace space) {
        WeaviateVectorStore store = new WeaviateVectorStore(worker, config, space);
        return worker.executeBlocking(() -> {
            store.ensureSchema();
            store.checkSpace();
            return store;
        }, false);
    }

    private void ensureSchema() {
        Result<Boolean> exists = client.schema().exists().withClassName(config.className()).run();
        if (exists.hasErrors()) {
            throw failure("checking the schema", exists.getError());
        }
        if (Boolean.TRUE.equals(exists.getResult())) {
            return;
        }
        Result<Boolean> created = client.schema().classCreator().withClass(chunkClass(config.tokenization())).run();
        if (created.hasErrors() && created.getError().getStatusCode() == 422 && !"word".equals(config.tokenization())) {
            LOG.warn("Weaviate refused tokenization '{}' ({}); creating {} with 'word' tokenization instead",
                    config.tokenization(), messages(created.getError()), config.className());
            created = client.schema().classCreator().withClass(chunkClass("word")).run();
        }
        if (created.hasErrors()) {
            throw failure("creating class " + config.className(), created.getError());
        }
    }

    private WeaviateClass chunkClass(String tokenization) {
        return WeaviateClass.builder()
                .className(config.className())
                .description("Finlens knowledge-base chunks; vectors come from the application")
                .vectorizer("none")
                .properties(List.of(
                        keyword(CHUNK_ID),
                        number(DOCUMENT_ID),
                        number(OWNER_ID),
                        Property.builder().name(TITLE).dataType(List.of(DataType.TEXT)).tokenization(tokenization).build(),
                        Property.builder().name(TEXT).dataType(List.of(DataType.TEXT)).tokenization(tokenization).build(),
                        number(POSITION),
                        Property.builder().name(SOURCE_URL).dataType(List.of(DataType.TEXT)).tokenization("field")
                                .indexSearchable(false).build(),
                        keyword(MODEL)))
                .build();
    }

    private static Property keyword(String name) {
        return Property.builder().name(name).dataType(List.of(DataType.TEXT)).tokenization("field").build();
    }

    private static Property number(String name) {
        return Property.builder().name(name).dataType(List.of(DataType.INT)).build();
    }

    private void checkSpace() {
        Result<GraphQLResponse> result = client.graphQL().get()
                .withClassName(config.className())
                .withWhere(WhereFilter.builder().path(MODEL).operator(Operator.NotEqual).valueText(space.model()).build())
                .withLimit(1)
                .withFields(Field.builder().name(MODEL).build())
                .run();
        List<?> foreign = WeaviateResults.rows(graphQl(result, "checking the embedding model"), "Get", config.className());
        if (!foreign.isEmpty()) {
            throw new EmbeddingException("Weaviate class " + config.className() + " holds vectors from model "
                    + ((Map<?, ?>) foreign.get(0)).get(MODEL) + ", not " + space.model()
                    + "; use another FINLENS_WEAVIATE_CLASS or re-index");
        }
    }

    @Override
    public Future<Void> upsert(List<StoredChunk> chunks) {
        Future<Void> checked = StoredChunk.checkSpace(space, chunks);
        if (chunks.isEmpty() || checked.failed()) {
            return checked;
        }
        WeaviateObject[] objects = chunks.stream().map(this::toObject).toArray(WeaviateObject[]::new);
        return worker.executeBlocking(() -> {
            Result<ObjectGetResponse[]> result = client.batch().objectsBatcher().withObjects(objects).run();
            if (result.hasErrors()) {
                throw failure("importing " + objects.length + " chunks", result.getError());
            }
            List<String> itemErrors = itemErrors(result.getResult());
            if (!itemErrors.isEmpty()) {
                throw new WeaviateException(itemErrors.size() + " of " + objects.length + " chunks were rejected: "
                        + String.join("; ", itemErrors.subList(0, Math.min(MAX_REPORTED_ERRORS, itemErrors.size()))),
                        itemErrors);
            }
            return null;
        }, false);
    }

    private WeaviateObject toObject(StoredChunk chunk) {
        Map<String, Object> properties = new HashMap<>();
        properties.put(CHUNK_ID, chunk.chunkId());
        properties.put(DOCUMENT_ID, chunk.documentId());
        properties.put(OWNER_ID, chunk.ownerId());
        properties.put(TITLE, chunk.title());
        properties.put(TEXT, chunk.text());
        properties.put(POSITION, chunk.position());
        if (chunk.sourceUrl() != null) {
            properties.put(SOURCE_URL, chunk.sourceUrl());
        }
        properties.put(MODEL, chunk.embeddingModel());
        return WeaviateObject.builder()
                .className(config.className())
                .id(objectId(chunk.chunkId()))
                .properties(properties)
                .vector(boxed(chunk.vector()))
                .build();
    }

    static String objectId(String chunkId) {
        return UUID.nameUUIDFromBytes(("finlens-chunk:" + chunkId).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** Per-object errors of a batch import: Weaviate answers 200 and marks each failed object. */
    static List<String> itemErrors(ObjectGetResponse[] responses) {
        List<String> errors = new ArrayList<>();
        if (responses == null) {
            return errors;
        }
        for (ObjectGetResponse response : responses) {
            if (response.getResult() != null && response.getResult().getErrors() != null
                    && response.getResult().getErrors().getError() != null) {
                response.getResult().getErrors().getError().forEach(item ->
                        errors.add("object " + response.getId() + ": " + item.getMessage()));
            }
        }
        return errors;
    }

    @Override
    public Future<List<ChunkHit>> search(SearchRequest request) {
        if (request.vector() != null) {
            try {
                space.checkDimension(request.vector());
            } catch (EmbeddingException e) {
                return Future.failedFuture(e);
            }
        }
        return worker.executeBlocking(() -> {
            Get get = client.graphQL().get()
                    .withClassName(config.className())
                    .withWhere(scopeFilter(request))
                    .withLimit(request.k())
                    .withFields(fields(request));
            switch (request.mode()) {
                case KEYWORD -> get.withBm25(Bm25Argument.builder().query(request.text())
                        .properties(new String[] {TEXT, TITLE}).build());
                case VECTOR -> get.withNearVector(NearVectorArgument.builder().vector(boxed(request.vector())).build());
                case HYBRID -> get.withHybrid(HybridArgument.builder().query(request.text())
                        .vector(boxed(request.vector())).alpha(config.alpha()).properties(new String[] {TEXT, TITLE})
                        .build());
            }
            Result<GraphQLResponse> result = get.run();
            return WeaviateResults.hits(config.className(), graphQl(result, "searching"));
        }, false);
    }

    private static Field[] fields(SearchRequest request) {
        String score = request.mode() == com.finlens.knowledge.store.SearchMode.VECTOR ? "distance" : "score";
        return new Field[] {
            Field.builder().name(CHUNK_ID).build(), Field.builder().name(DOCUMENT_ID).build(),
            Field.builder().name(OWNER_ID).build(), Field.builder().name(TITLE).build(),
            Field.builder().name(TEXT).build(), Field.builder().name(POSITION).build(),
            Field.builder().name(SOURCE_URL).build(),
            Field.builder().name("_additional").fields(Field.builder().name("id").build(),
                    Field.builder().name(score).build()).build()
        };
    }

    /** The mandatory owner filter (the user, plus the shared corpus when asked) and the optional document filter. */
    static WhereFilter scopeFilter(SearchRequest request) {
        WhereFilter user = WhereFilter.builder().path(OWNER_ID).operator(Operator.Equal)
                .valueInt((int) request.userId()).build();
        WhereFilter owners = request.includeShared()
                ? WhereFilter.builder().operator(Operator.Or).operands(user, WhereFilter.builder().path(OWNER_ID)
                        .operator(Operator.Equal).valueInt((int) StoredChunk.SHARED_OWNER).build()).build()
                : user;
        if (request.documentIds().isEmpty()) {
            return owners;
        }
        WhereFilter[] documents = request.documentIds().stream().map(id -> WhereFilter.builder().path(DOCUMENT_ID)
                .operator(Operator.Equal).valueInt(id.intValue()).build()).toArray(WhereFilter[]::new);
        WhereFilter anyDocument = documents.length == 1 ? documents[0]
                : WhereFilter.builder().operator(Operator.Or).operands(documents).build();
        return WhereFilter.builder().operator(Operator.And).operands(owners, anyDocument).build();
    }

    @Override
    public Future<Void> deleteDocument(long documentId) {
        return deleteWhere(WhereFilter.builder().path(DOCUMENT_ID).operator(Operator.Equal)
                .valueInt((int) documentId).build(), "document " + documentId);
    }

    @Override
    public Future<Void> deleteOwner(long ownerId) {
        if (ownerId == StoredChunk.SHARED_OWNER) {
            return Future.failedFuture(new IllegalArgumentException("the shared corpus is not deleted per owner"));
        }
        return deleteWhere(WhereFilter.builder().path(OWNER_ID).operator(Operator.Equal).valueInt((int) ownerId).build(),
                "owner " + ownerId);
    }

    /** Batch deletes are capped per call by the server (QUERY_MAXIMUM_RESULTS), so repeat until nothing matches. */
    private Future<Void> deleteWhere(WhereFilter where, String what) {
        return worker.executeBlocking(() -> {
            while (true) {
                Result<BatchDeleteResponse> result = client.batch().objectsBatchDeleter()
                        .withClassName(config.className()).withWhere(where).run();
                if (result.hasErrors()) {
                    throw failure("deleting the chunks of " + what, result.getError());
                }
                BatchDeleteResponse.Results results = result.getResult().getResults();
                if (results == null || results.getMatches() == null || results.getMatches() == 0
                        || results.getLimit() == null || results.getMatches() < results.getLimit()) {
                    return null;
                }
            }
        }, false);
    }

    @Override
    public Future<Long> countChunks(long documentId) {
        return worker.executeBlocking(() -> count(WhereFilter.builder().path(DOCUMENT_ID).operator(Operator.Equal)
                .valueInt((int) documentId).build()), false);
    }

    private long count(WhereFilter where) {
        Result<GraphQLResponse> result = client.graphQL().aggregate()
                .withClassName(config.className())
                .withWhere(where)
                .withFields(Field.builder().name("meta").fields(Field.builder().name("count").build()).build())
                .run();
        return WeaviateResults.count(config.className(), graphQl(result, "counting"));
    }

    private static Object graphQl(Result<GraphQLResponse> result, String action) {
        if (result.hasErrors()) {
            throw failure(action, result.getError());
        }
        GraphQLError[] errors = result.getResult().getErrors();
        if (errors != null && errors.length > 0) {
            throw new WeaviateException("Weaviate rejected the query while " + action + ": " + java.util.Arrays.stream(errors)
                    .map(GraphQLError::getMessage).collect(Collectors.joining("; ")));
        }
        return result.getResult().getData();
    }

    private static WeaviateException failure(String action, WeaviateError error) {
        return new WeaviateException("Weaviate failed " + action + " (HTTP " + error.getStatusCode() + "): "
                + messages(error));
    }

    private static String messages(WeaviateError error) {
        return error.getMessages() == null ? "" : error.getMessages().stream()
                .map(m -> m.getMessage() == null ? String.valueOf(m.getThrowable()) : m.getMessage())
                .collect(Collectors.joining("; "));
    }

    private static Float[] boxed(float[] vector) {
        Float[] boxed = new Float[vector.length];
        for (int i = 0; i < vector.length; i++) {
            boxed[i] = vector[i];
        }
        return boxed;
    }

    @Override
    public Future<Void> close() {
        return Future.succeededFuture();
    }
}
