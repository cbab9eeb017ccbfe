package com.finlens.knowledge.store;

import com.finlens.knowledge.embedding.EmbeddingException;
import com.finlens.knowledge.embedding.EmbeddingSpace;
import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * The embedded default store: one Lucene index with an HNSW vector field and the text indexed twice for BM25,
 * once with Nori (Korean morphology) and once with the English analyzer. Hybrid search fuses the two rankings with
 * reciprocal rank fusion. Every write batch ends with a commit, so whatever a successful future reported survives
 * a crash; reads go through a {@link SearcherManager} refreshed after each commit. All Lucene calls run on the
 * worker pool.
 */
public final class LuceneVectorStore implements VectorStore {

    static final String ID = "id";
    static final String DOC = "doc";
    static final String OWNER = "owner";
    static final String TITLE = "title";
    static final String TEXT = "text";
    static final String POSITION = "position";
    static final String SOURCE = "source";
    static final String MODEL = "model";
    static final String VECTOR = "vec";
    private static final String COMMIT_MODEL = "embedding.model";
    private static final String COMMIT_DIMENSION = "embedding.dimension";
    /** Each ranking feeds fusion with more candidates than asked for, so a chunk strong in one signal can surface. */
    private static final int CANDIDATE_FACTOR = 4;
    private static final int MIN_CANDIDATES = 40;
    private static final int MAX_QUERY_TERMS = 256;

    private final WorkerExecutor worker;
    private final EmbeddingSpace space;
    private final Directory directory;
    private final Analyzer analyzer;
    private final IndexWriter writer;
    private final SearcherManager searchers;

    private LuceneVectorStore(WorkerExecutor worker, EmbeddingSpace space, Directory directory, IndexWriter writer)
            throws IOException {
        this.worker = worker;
        this.space = space;
        this.directory = directory;
        this.analyzer = writer.getAnalyzer();
        this.writer = writer;
        this.searchers = new SearcherManager(writer, null);
    }

    /** Opens (or creates) the index under {@code indexDir}; fails if it was built with another embedding space. */
    public static Future<LuceneVectorStore> open(WorkerExecutor worker, Path indexDir, EmbeddingSpace space) {
        return worker.executeBlocking(() -> {
            Files.createDirectories(indexDir);
            Directory directory = FSDirectory.open(indexDir);
            try {
                checkSpace(directory, space, indexDir);
                IndexWriterConfig config = new IndexWriterConfig(TextAnalyzers.perField());
                config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
                IndexWriter writer = new IndexWriter(directory, config);
                writer.setLiveCommitData(Map.of(COMMIT_MODEL, space.model(),
                        COMMIT_DIMENSION, Integer.toString(space.dimension())).entrySet());
                LuceneVectorStore store = new LuceneVectorStore(worker, space, directory, writer);
                store.loadDictionaries();
                return store;
            } catch (IOException | RuntimeException e) {
                directory.close();
                throw e;
            }
        }, false);
    }

    /**
     * Nori reads its dictionaries (about a second of CPU) the first time Korean text is analysed; do it while the
     * index opens, not in the first user's search.
     */
    private void loadDictionaries() throws IOException {
        try (TokenStream tokens = analyzer.tokenStream(TextAnalyzers.KOREAN_FIELD, "삼성전자 영업이익")) {
            tokens.reset();
            while (tokens.incrementToken()) {
                // reading the tokens is the point
            }
            tokens.end();
        }
    }

    private static void checkSpace(Directory directory, EmbeddingSpace space, Path indexDir) throws IOException {
        if (!DirectoryReader.indexExists(directory)) {
            return;
        }
        Map<String, String> data = SegmentInfos.readLatestCommit(directory).getUserData();
        String model = data.get(COMMIT_MODEL);
        String dimension = data.get(COMMIT_DIMENSION);
        if (model != null && (!model.equals(space.model()) || !dimension.equals(Integer.toString(space.dimension())))) {
            throw new EmbeddingException("the index at " + indexDir + " was built with " + model + " (" + dimension
                    + " dimensions), not " + space.model() + " (" + space.dimension()
                    + "); delete it or point FINLENS_DATA_DIR elsewhere to re-index");
        }
    }

    @Override
    public Future<Void> upsert(List<StoredChunk> chunks) {
        Future<Void> checked = StoredChunk.checkSpace(space, chunks);
        if (chunks.isEmpty() || checked.failed()) {
            return checked;
        }
        List<StoredChunk> copy = List.copyOf(chunks);
        return blocking(() -> {
            for (StoredChunk chunk : copy) {
                writer.updateDocument(new Term(ID, chunk.chunkId()), toDocument(chunk));
            }
            commit();
            return null;
        });
    }

    private static Document toDocument(StoredChunk chunk) {
        Document doc = new Document();
        doc.add(new StringField(ID, chunk.chunkId(), Field.Store.YES));
        doc.add(new StringField(DOC, Long.toString(chunk.documentId()), Field.Store.YES));
        doc.add(new StringField(OWNER, Long.toString(chunk.ownerId()), Field.Store.YES));
        doc.add(new StoredField(TITLE, chunk.title()));
        doc.add(new StoredField(TEXT, chunk.text()));
        doc.add(new StoredField(POSITION, chunk.position()));
        if (chunk.sourceUrl() != null) {
            doc.add(new StoredField(SOURCE, chunk.sourceUrl()));
        }
        doc.add(new StoredField(MODEL, chunk.embeddingModel()));
        String searchable = chunk.title().isEmpty() ? chunk.text() : chunk.title() + "\n" + chunk.text();
        doc.add(new TextField(TextAnalyzers.KOREAN_FIELD, searchable, Field.Store.NO));
        doc.add(new TextField(TextAnalyzers.ENGLISH_FIELD, searchable, Field.Store.NO));
        doc.add(new KnnFloatVectorField(VECTOR, chunk.vector(), VectorSimilarityFunction.COSINE));
        return doc;
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
        return blocking(() -> {
            IndexSearcher searcher = searchers.acquire();
            try {
                Query scope = scopeFilter(request);
                int candidates = Math.max(MIN_CANDIDATES, request.k() * CANDIDATE_FACTOR);
                return switch (request.mode()) {
                    case KEYWORD -> top(keywordRanking(searcher, scope, request.text(), request.k()), request.k());
                    case VECTOR -> vectorRanking(searcher, scope, request.vector(), request.k());
                    case HYBRID -> RankFusion.fuse(List.of(
                            keywordRanking(searcher, scope, request.text(), candidates),
                            vectorRanking(searcher, scope, request.vector(), candidates)), request.k());
                };
            } finally {
                searchers.release(searcher);
            }
        });
    }

    /** The mandatory owner filter (the user's own chunks, plus shared ones when asked) and the optional document filter. */
    private static Query scopeFilter(SearchRequest request) {
        BooleanQuery.Builder owners = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(OWNER, Long.toString(request.userId()))), Occur.SHOULD);
        if (request.includeShared()) {
            owners.add(new TermQuery(new Term(OWNER, Long.toString(StoredChunk.SHARED_OWNER))), Occur.SHOULD);
        }
        BooleanQuery.Builder filter = new BooleanQuery.Builder().add(owners.build(), Occur.FILTER);
        if (!request.documentIds().isEmpty()) {
            BooleanQuery.Builder docs = new BooleanQuery.Builder();
            request.documentIds().forEach(id -> docs.add(new TermQuery(new Term(DOC, Long.toString(id))), Occur.SHOULD));
            filter.add(docs.build(), Occur.FILTER);
        }
        return filter.build();
    }

    private List<ChunkHit> keywordRanking(IndexSearcher searcher, Query scope, String text, int n) throws IOException {
        BooleanQuery.Builder terms = new BooleanQuery.Builder();
        int added = addTerms(terms, TextAnalyzers.KOREAN_FIELD, text, 0);
        added = addTerms(terms, TextAnalyzers.ENGLISH_FIELD, text, added);
        if (added == 0) {
            return List.of();
        }
        Query query = new BooleanQuery.Builder().add(scope, Occur.FILTER).add(terms.build(), Occur.MUST).build();
        return hits(searcher, searcher.search(query, n));
    }

    private int addTerms(BooleanQuery.Builder query, String field, String text, int added) throws IOException {
        int count = added;
        try (TokenStream tokens = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (tokens.incrementToken() && count < MAX_QUERY_TERMS) {
                query.add(new TermQuery(new Term(field, term.toString())), Occur.SHOULD);
                count++;
            }
            tokens.end();
        }
        return count;
    }

    private List<ChunkHit> vectorRanking(IndexSearcher searcher, Query scope, float[] vector, int n) throws IOException {
        return hits(searcher, searcher.search(new KnnFloatVectorQuery(VECTOR, vector, n, scope), n));
    }

    private static List<ChunkHit> hits(IndexSearcher searcher, TopDocs top) throws IOException {
        List<ChunkHit> hits = new ArrayList<>(top.scoreDocs.length);
        for (ScoreDoc scoreDoc : top.scoreDocs) {
            Document doc = searcher.storedFields().document(scoreDoc.doc);
            hits.add(new ChunkHit(doc.get(ID), Long.parseLong(doc.get(DOC)), Long.parseLong(doc.get(OWNER)),
                    doc.get(TITLE), doc.get(TEXT), doc.getField(POSITION).numericValue().intValue(), doc.get(SOURCE),
                    scoreDoc.score));
        }
        return hits;
    }

    private static List<ChunkHit> top(List<ChunkHit> hits, int k) {
        return hits.size() > k ? List.copyOf(hits.subList(0, k)) : hits;
    }

    @Override
    public Future<Void> deleteDocument(long documentId) {
        return blocking(() -> {
            writer.deleteDocuments(new Term(DOC, Long.toString(documentId)));
            commit();
            return null;
        });
    }

    @Override
    public Future<Void> deleteOwner(long ownerId) {
        if (ownerId == StoredChunk.SHARED_OWNER) {
            return Future.failedFuture(new IllegalArgumentException("the shared corpus is not deleted per owner"));
        }
        return blocking(() -> {
            writer.deleteDocuments(new Term(OWNER, Long.toString(ownerId)));
            commit();
            return null;
        });
    }

    @Override
    public Future<Long> countChunks(long documentId) {
        return blocking(() -> {
            IndexSearcher searcher = searchers.acquire();
            try {
                return (long) searcher.count(new TermQuery(new Term(DOC, Long.toString(documentId))));
            } finally {
                searchers.release(searcher);
            }
        });
    }

    private void commit() throws IOException {
        writer.commit();
        searchers.maybeRefreshBlocking();
    }

    @Override
    public Future<Void> close() {
        return blocking(() -> {
            try (directory; writer) {
                searchers.close();
                writer.commit();
            }
            return null;
        });
    }

    private <T> Future<T> blocking(Callable<T> work) {
        return worker.executeBlocking(work, false);
    }
}
