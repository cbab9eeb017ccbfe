package com.finlens.knowledge.embedding;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The quantised all-MiniLM-L6-v2 model and tokenizer LangChain4j ships in its jar, loaded into an ONNX Runtime
 * session that keeps no memory between inferences. By default the runtime's CPU arena and its memory-pattern planner
 * hold on to the largest buffers any inference ever needed (tens of MiB for a batch of long chunks, resident for the
 * life of the process); without them each inference allocates and frees its own: about 30 MiB less RSS after an
 * upload-sized batch, with no speed difference the busy 2-core machine could tell from its noise
 * (docs/benchmarks.md). Its worker threads also sleep between inferences instead of spinning: for questions
 * embedded one at a time, spinning burnt a third of each inference's CPU (21 ms per question, 14 ms without), CPU
 * the event loops of a 2-core machine need; bursts that keep the threads busy showed no difference either way.
 * Same weights, tokenizer and mean pooling as LangChain4j's own {@code AllMiniLmL6V2QuantizedEmbeddingModel}.
 */
final class MiniLmModel extends AbstractInProcessEmbeddingModel {

    private static final String MODEL = "all-minilm-l6-v2-q.onnx";
    private static final String TOKENIZER = "all-minilm-l6-v2-q-tokenizer.json";

    private final OnnxBertBiEncoder encoder;

    private MiniLmModel(OnnxBertBiEncoder encoder) {
        // Inference runs on the calling worker thread: the direct executor keeps it off LangChain4j's own pool.
        super(Runnable::run);
        this.encoder = encoder;
    }

    static MiniLmModel load() {
        try (InputStream model = resource(MODEL); InputStream tokenizer = resource(TOKENIZER);
             OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setCPUArenaAllocator(false);
            options.setMemoryPatternOptimization(false);
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            OrtSession session = environment.createSession(model.readAllBytes(), options);
            return new MiniLmModel(new OnnxBertBiEncoder(environment, session, tokenizer, PoolingMode.MEAN));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled MiniLM model", e);
        } catch (OrtException e) {
            throw new EmbeddingException("cannot load the bundled MiniLM model", e);
        }
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = MiniLmModel.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IOException(name + " is not on the classpath");
        }
        return in;
    }

    @Override
    protected OnnxBertBiEncoder model() {
        return encoder;
    }

    @Override
    protected Integer knownDimension() {
        return LocalMiniLmEmbedder.DIMENSION;
    }
}
