package com.finlens.integration.llm;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.parsetools.RecordParser;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Streams chat completions from one OpenAI-compatible endpoint (OpenAI, RunPod's vLLM worker, a self-hosted
 * vLLM). Non-blocking: the SSE body is split into lines with a {@link RecordParser} and each {@code data:} line
 * is decoded as it arrives. The wire format stays in this package; callers get text pieces and a
 * {@link ChatCompletion}.
 */
public final class ChatCompletionClient {

    private static final Logger LOG = LoggerFactory.getLogger(ChatCompletionClient.class);
    /** Far above any real chunk (a few hundred bytes); guards memory against a stream without newlines. */
    private static final int MAX_LINE_BYTES = 1024 * 1024;

    private final HttpClient http;
    private final String provider;
    private final String baseUrl;
    private final String apiKey;

    /**
     * @param http     a shared client; set its connect timeout, as a connect failure counts for failover
     * @param provider a name for logs and errors, e.g. "openai"
     * @param baseUrl  the API root without trailing slash, e.g. https://api.openai.com/v1
     */
    public ChatCompletionClient(HttpClient http, String provider, String baseUrl, String apiKey) {
        this.http = http;
        this.provider = provider;
        this.baseUrl = baseUrl;
        this.apiKey = apiKey;
    }

    public String provider() {
        return provider;
    }

    /** Starts a streamed completion; {@code onToken} gets each non-empty text piece in order. */
    public ChatStream stream(ChatRequest request, Consumer<String> onToken) {
        RunningStream running = new RunningStream(request.model(), onToken);
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setAbsoluteURI(baseUrl + "/chat/completions")
                .putHeader(HttpHeaders.AUTHORIZATION, "Bearer " + apiKey)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .putHeader(HttpHeaders.ACCEPT, "text/event-stream");
        Buffer body = Buffer.buffer(request.toJson().encode(), StandardCharsets.UTF_8.name());
        http.request(options)
                .onSuccess(req -> {
                    running.request = req;
                    if (running.aborted) {
                        req.reset();
                        return;
                    }
                    // The response handler is in place before the request is sent, so the body is read on the
                    // event loop in the tick the response arrives, whichever thread called stream().
                    req.response().onSuccess(running::read).onFailure(running::failBeforeResponse);
                    req.end(body).onFailure(running::failBeforeResponse);
                })
                .onFailure(running::failBeforeResponse);
        return running;
    }

    private final class RunningStream implements ChatStream {
        private final Promise<Void> firstToken = Promise.promise();
        private final Promise<ChatCompletion> completion = Promise.promise();
        private final Consumer<String> onToken;
        private final StringBuilder text = new StringBuilder();
        private String model;
        private TokenUsage usage = TokenUsage.NONE;
        private String finishReason;
        private volatile HttpClientRequest request;
        private volatile boolean aborted;

        RunningStream(String requestedModel, Consumer<String> onToken) {
            this.model = requestedModel;
            this.onToken = onToken;
        }

        @Override
        public Future<Void> firstToken() {
            return firstToken.future();
        }

        @Override
        public Future<ChatCompletion> completion() {
            return completion.future();
        }

        @Override
        public void abort() {
            aborted = true;
            fail(abortedError()); // first, so the reset below does not read as a network failure
            HttpClientRequest current = request;
            if (current != null) {
                current.reset();
            }
        }

        LlmException abortedError() {
            return new LlmException(text.isEmpty() ? LlmException.Kind.TIMEOUT : LlmException.Kind.INTERRUPTED,
                    provider, "aborted by the caller");
        }

        void read(HttpClientResponse response) {
            if (response.statusCode() != 200) {
                response.body()
                        .onSuccess(body -> fail(UpstreamErrors.fromStatus(provider, response.statusCode(),
                                response.getHeader("Retry-After"), body.toString(StandardCharsets.UTF_8))))
                        .onFailure(this::failBeforeResponse);
                return;
            }
            RecordParser lines = RecordParser.newDelimited("\n", line -> onLine(line.toString(StandardCharsets.UTF_8)));
            // A stream that never sends a newline must not grow a line without bound.
            lines.maxRecordSize(MAX_LINE_BYTES);
            lines.exceptionHandler(e -> {
                fail(new LlmException(LlmException.Kind.BAD_RESPONSE, provider, "stream line too long"));
                response.request().reset();
            });
            response.handler(lines);
            response.exceptionHandler(e -> fail(new LlmException(LlmException.Kind.INTERRUPTED, provider,
                    "stream broke: " + e.getMessage())));
            response.endHandler(v -> fail(new LlmException(text.isEmpty() ? LlmException.Kind.BAD_RESPONSE
                    : LlmException.Kind.INTERRUPTED, provider, "stream ended without [DONE]")));
        }

        void failBeforeResponse(Throwable e) {
            if (e instanceof LlmException llm) {
                fail(llm);
            } else {
                fail(new LlmException(text.isEmpty() ? LlmException.Kind.UNREACHABLE : LlmException.Kind.INTERRUPTED,
                        provider, e.getClass().getSimpleName() + ": " + e.getMessage()));
            }
        }

        private void onLine(String raw) {
            if (completion.future().isComplete()) {
                return;
            }
            String line = raw.endsWith("\r") ? raw.substring(0, raw.length() - 1) : raw;
            if (!line.startsWith("data:")) {
                return; // blank separators, comments (": keep-alive") and event names carry nothing we use
            }
            String data = line.substring(5).trim();
            if (data.equals("[DONE]")) {
                complete();
                return;
            }
            try {
                onChunk(new JsonObject(data));
            } catch (DecodeException | ClassCastException e) {
                fail(new LlmException(LlmException.Kind.BAD_RESPONSE, provider, "undecodable chunk"));
            }
        }

        private void onChunk(JsonObject chunk) {
            JsonObject error = chunk.getJsonObject("error");
            if (error != null) {
                fail(new LlmException(text.isEmpty() ? LlmException.Kind.SERVER_ERROR : LlmException.Kind.INTERRUPTED,
                        provider, "error in stream: " + error.getString("message", "")));
                return;
            }
            if (chunk.getString("model") != null) {
                model = chunk.getString("model");
            }
            JsonObject wireUsage = chunk.getJsonObject("usage");
            if (wireUsage != null) {
                usage = new TokenUsage(wireUsage.getInteger("prompt_tokens", 0),
                        wireUsage.getInteger("completion_tokens", 0), true);
            }
            JsonArray choices = chunk.getJsonArray("choices");
            if (choices == null || choices.isEmpty()) {
                return;
            }
            JsonObject choice = choices.getJsonObject(0);
            if (choice.getString("finish_reason") != null) {
                finishReason = choice.getString("finish_reason");
            }
            JsonObject delta = choice.getJsonObject("delta");
            String piece = delta == null ? null : delta.getString("content");
            if (piece != null && !piece.isEmpty()) {
                text.append(piece);
                firstToken.tryComplete();
                onToken.accept(piece);
            }
        }

        private void complete() {
            if (text.isEmpty()) {
                fail(new LlmException(LlmException.Kind.BAD_RESPONSE, provider, "stream finished without text"));
                return;
            }
            completion.tryComplete(new ChatCompletion(model, text.toString(), usage, finishReason));
        }

        private void fail(LlmException e) {
            if (completion.tryFail(e)) {
                firstToken.tryFail(e);
                if (!aborted) {
                    LOG.warn("{}", e.getMessage()); // an abort is the caller's decision and logged there
                }
            }
        }
    }
}
