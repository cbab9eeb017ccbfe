package com.finlens.knowledge.bench;

import com.finlens.knowledge.embedding.Embedder;
import com.finlens.knowledge.embedding.EmbeddingSpace;
import com.finlens.knowledge.embedding.LocalMiniLmEmbedder;
import com.finlens.knowledge.ingest.Chunker;
import com.finlens.knowledge.store.ChunkHit;
import com.finlens.knowledge.store.LuceneVectorStore;
import com.finlens.knowledge.store.SearchMode;
import com.finlens.knowledge.store.SearchRequest;
import com.finlens.knowledge.store.StoredChunk;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Retrieval quality and speed on a TAT-QA slice (100 financial report contexts, 600 questions; CC BY 4.0). Each
 * context becomes one document (table rows and paragraphs), chunked, embedded with the in-jar MiniLM model and
 * indexed in a throwaway Lucene index. A question's relevant document is its own context; results are ranked by
 * document (first chunk wins). Prints recall@5, recall@10, MRR@10 and nDCG@10 for keyword (BM25), vector and
 * hybrid (RRF) search, indexing throughput and query latency.
 *
 * <pre>java -cp backend/target/finlens.jar com.finlens.knowledge.bench.RetrievalBenchmark</pre>
 */
public final class RetrievalBenchmark {

    private static final String DATA = "bench/tatqa/tatqa_dev_first100.json";
    private static final long USER = 1;
    private static final int CHUNKS_PER_QUERY = 50;
    private static final int INDEX_BATCH = 64;

    private record Question(String text, long documentId) {
    }

    private record Metrics(double recall5, double recall10, double mrr, double ndcg10) {
    }

    public static void main(String[] args) throws Exception {
        Vertx vertx = Vertx.vertx();
        WorkerExecutor worker = vertx.createSharedWorkerExecutor("benchmark", 2);
        Path indexDir = Files.createTempDirectory("finlens-bench-index");
        try {
            run(worker, indexDir);
        } finally {
            worker.close();
            await(vertx.close());
            try (Stream<Path> files = Files.walk(indexDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private static void run(WorkerExecutor worker, Path indexDir) throws IOException {
        JsonArray contexts = new JsonArray(readResource());
        Embedder embedder = new LocalMiniLmEmbedder(worker);
        await(embedder.embed(List.of("warm up the model")));
        LuceneVectorStore store = await(LuceneVectorStore.open(worker, indexDir, EmbeddingSpace.of(embedder)));
        Chunker chunker = new Chunker();

        List<Question> questions = new ArrayList<>();
        List<StoredChunk> pending = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < contexts.size(); i++) {
            JsonObject context = contexts.getJsonObject(i);
            long documentId = i + 1;
            List<String> chunks = chunker.chunk(documentText(context));
            for (int p = 0; p < chunks.size(); p++) {
                pending.add(new StoredChunk(StoredChunk.idFor(documentId, p), documentId, USER, context.getString("uid"),
                        chunks.get(p), p, null, embedder.model(), new float[0]));
                texts.add(chunks.get(p));
            }
            context.getJsonArray("questions").forEach(q -> questions.add(new Question((String) q, documentId)));
        }

        long embedStart = System.nanoTime();
        List<float[]> vectors = await(embedder.embed(texts));
        double embedSeconds = seconds(embedStart);
        long indexStart = System.nanoTime();
        for (int from = 0; from < pending.size(); from += INDEX_BATCH) {
            List<StoredChunk> batch = new ArrayList<>();
            for (int i = from; i < Math.min(pending.size(), from + INDEX_BATCH); i++) {
                StoredChunk c = pending.get(i);
                batch.add(new StoredChunk(c.chunkId(), c.documentId(), c.ownerId(), c.title(), c.text(), c.position(),
                        null, c.embeddingModel(), vectors.get(i)));
            }
            await(store.upsert(batch));
        }
        double indexSeconds = seconds(indexStart);

        Map<SearchMode, double[]> sums = new EnumMap<>(SearchMode.class);
        Map<SearchMode, List<Long>> latencies = new EnumMap<>(SearchMode.class);
        List<Long> embedLatencies = new ArrayList<>();
        for (SearchMode mode : SearchMode.values()) {
            sums.put(mode, new double[4]);
            latencies.put(mode, new ArrayList<>());
        }
        for (Question question : questions) {
            long t0 = System.nanoTime();
            float[] vector = await(embedder.embed(List.of(question.text()))).get(0);
            embedLatencies.add(System.nanoTime() - t0);
            for (SearchMode mode : SearchMode.values()) {
                long t1 = System.nanoTime();
                List<ChunkHit> hits = await(store.search(new SearchRequest(USER, question.text(), vector,
                        CHUNKS_PER_QUERY, mode, true, Set.of())));
                latencies.get(mode).add(System.nanoTime() - t1);
                Metrics m = metrics(hits, question.documentId());
                double[] sum = sums.get(mode);
                sum[0] += m.recall5();
                sum[1] += m.recall10();
                sum[2] += m.mrr();
                sum[3] += m.ndcg10();
            }
        }
        await(store.close());

        int n = questions.size();
        System.out.printf("TAT-QA dev slice: %d documents, %d chunks (max %d chars), %d questions; embedder %s (%d-d)%n",
                contexts.size(), pending.size(), chunker.maxChars(), n, embedder.model(), embedder.dimension());
        System.out.printf("Indexing: embedding %.1f chunks/s, Lucene upsert+commit %.1f chunks/s, end to end %.1f chunks/s%n",
                pending.size() / embedSeconds, pending.size() / indexSeconds, pending.size() / (embedSeconds + indexSeconds));
        System.out.printf("Query embedding latency: p50 %.1f ms, p99 %.1f ms%n", percentile(embedLatencies, 50),
                percentile(embedLatencies, 99));
        System.out.println();
        System.out.println("| mode    | recall@5 | recall@10 | MRR@10 | nDCG@10 | search p50 ms | search p99 ms |");
        System.out.println("|---------|----------|-----------|--------|---------|---------------|---------------|");
        for (SearchMode mode : SearchMode.values()) {
            double[] sum = sums.get(mode);
            System.out.printf("| %-7s | %8.3f | %9.3f | %6.3f | %7.3f | %13.1f | %13.1f |%n", mode.name().toLowerCase(),
                    sum[0] / n, sum[1] / n, sum[2] / n, sum[3] / n, percentile(latencies.get(mode), 50),
                    percentile(latencies.get(mode), 99));
        }
    }

    /** Table rows first, each its own paragraph so rows stay whole, then the report's paragraphs. */
    static String documentText(JsonObject context) {
        StringBuilder text = new StringBuilder();
        for (Object row : context.getJsonArray("table")) {
            String line = String.join(" | ", ((JsonArray) row).stream().map(Object::toString)
                    .filter(cell -> !cell.isBlank()).toList());
            if (!line.isBlank()) {
                text.append(line).append("\n\n");
            }
        }
        context.getJsonArray("paragraphs").forEach(p -> text.append(p).append("\n\n"));
        return text.toString();
    }

    /** One relevant document per question: recall@k is a hit rate, nDCG is 1/log2(rank+1). */
    static Metrics metrics(List<ChunkHit> hits, long relevant) {
        List<Long> ranking = new ArrayList<>(new LinkedHashSet<>(hits.stream().map(ChunkHit::documentId).toList()));
        int rank = ranking.indexOf(relevant) + 1;
        boolean in5 = rank >= 1 && rank <= 5;
        boolean in10 = rank >= 1 && rank <= 10;
        return new Metrics(in5 ? 1 : 0, in10 ? 1 : 0, in10 ? 1.0 / rank : 0,
                in10 ? 1 / (Math.log(rank + 1) / Math.log(2)) : 0);
    }

    private static double percentile(List<Long> nanos, int p) {
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private static String readResource() throws IOException {
        try (InputStream in = RetrievalBenchmark.class.getClassLoader().getResourceAsStream(DATA)) {
            if (in == null) {
                throw new IOException("missing resource " + DATA);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.MINUTES);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
