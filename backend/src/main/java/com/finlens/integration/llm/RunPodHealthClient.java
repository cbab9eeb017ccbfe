package com.finlens.integration.llm;

import com.finlens.platform.cache.SharedCall;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import java.time.Duration;

/**
 * Reads a RunPod serverless endpoint's native {@code GET <base>/health} to see whether workers are warm. The answer
 * is the endpoint's, the same for every user, so answers starting together share one check (the first caller's
 * timeout applies to it); none is kept once it has finished.
 */
public final class RunPodHealthClient {

    private final HttpClient http;
    private final String endpointBaseUrl;
    private final String apiKey;
    private final SharedCall<WorkerAvailability> inFlight = new SharedCall<>();

    /** @param endpointBaseUrl https://api.runpod.ai/v2/&lt;endpoint id&gt; (no /openai/v1) */
    public RunPodHealthClient(HttpClient http, String endpointBaseUrl, String apiKey) {
        this.http = http;
        this.endpointBaseUrl = endpointBaseUrl;
        this.apiKey = apiKey;
    }

    public Future<WorkerAvailability> check(Duration timeout) {
        return inFlight.join(() -> request(timeout));
    }

    private Future<WorkerAvailability> request(Duration timeout) {
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.GET)
                .setAbsoluteURI(endpointBaseUrl + "/health")
                .putHeader(HttpHeaders.AUTHORIZATION, "Bearer " + apiKey)
                .setIdleTimeout(Math.max(1, timeout.toMillis()));
        Promise<WorkerAvailability> result = Promise.promise();
        http.request(options).onSuccess(req -> {
            // Handlers first, then send: the body is read on the event loop whichever thread called check().
            req.response().compose(res -> res.body().map(body -> parse(res.statusCode(), body.toString())))
                    .onComplete(result);
            req.end();
        }).onFailure(result::fail);
        return result.future();
    }

    private static WorkerAvailability parse(int status, String body) {
        if (status != 200) {
            throw UpstreamErrors.fromStatus("runpod", status, null, body);
        }
        JsonObject json = new JsonObject(body);
        JsonObject workers = json.getJsonObject("workers", new JsonObject());
        JsonObject jobs = json.getJsonObject("jobs", new JsonObject());
        return new WorkerAvailability(workers.getInteger("ready", 0), workers.getInteger("idle", 0),
                workers.getInteger("running", 0), jobs.getInteger("inQueue", 0));
    }
}
