package com.finlens.knowledge.embedding;

import static com.finlens.testing.ReplayServer.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The in-jar ONNX model; one instance for the class because loading it takes a second or two. */
class LocalMiniLmEmbedderTest {

    private static Vertx vertx;
    private static WorkerExecutor worker;
    private static LocalMiniLmEmbedder embedder;

    @BeforeAll
    static void load() {
        vertx = Vertx.vertx();
        worker = vertx.createSharedWorkerExecutor("minilm-test", 1);
        embedder = new LocalMiniLmEmbedder(worker);
    }

    @AfterAll
    static void stop() {
        worker.close();
        await(vertx.close());
    }

    private static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return dot / Math.sqrt(na * nb);
    }

    @Test
    @DisplayName("English sentences about the same thing are closer than unrelated ones")
    void englishSemantics() {
        List<float[]> v = await(embedder.embed(List.of("The central bank raised interest rates.",
                "Monetary policy was tightened by the Fed.", "My cat sleeps on the sofa.")));

        assertThat(v).hasSize(3).allSatisfy(vector -> assertThat(vector).hasSize(LocalMiniLmEmbedder.DIMENSION));
        assertThat(cosine(v.get(0), v.get(1))).isGreaterThan(cosine(v.get(0), v.get(2)) + 0.2);
        assertThat(embedder.model()).isEqualTo("all-minilm-l6-v2-q");
    }

    @Test
    @DisplayName("More texts than one batch come back in input order")
    void batchesKeepOrder() {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            texts.add("Quarterly revenue item number " + i);
        }

        List<float[]> all = await(embedder.embed(texts));
        float[] single = await(embedder.embed(List.of(texts.get(37)))).get(0);

        assertThat(all).hasSize(40);
        assertThat(cosine(all.get(37), single)).isGreaterThan(0.999);
    }

    @Test
    @DisplayName("The session without an arena gives the vectors LangChain4j's own model of the same weights gives")
    void sameVectorsAsTheStockModel() {
        List<String> texts = List.of("Samsung Electronics raised its quarterly dividend.", "삼성전자 2024년 영업이익");
        EmbeddingModel stock = new AllMiniLmL6V2QuantizedEmbeddingModel(Runnable::run);

        List<float[]> ours = await(embedder.embed(texts));

        for (int i = 0; i < texts.size(); i++) {
            float[] theirs = stock.embed(texts.get(i)).content().vector();
            assertThat(ours.get(i)).containsExactly(theirs, within(1e-5f));
        }
    }
}
