package com.finlens.integration.upstream;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Live HTTP through one configured {@link WebClient}; the base URL comes from config so tests can point it home. */
public final class WebClientTransport implements Transport {

    private final String system;
    private final WebClient client;
    private final String baseUrl;
    private final Duration timeout;
    private final Clock clock;

    public WebClientTransport(String system, WebClient client, String baseUrl, Duration timeout, Clock clock) {
        this.system = system;
        this.client = client;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.timeout = timeout;
        this.clock = clock;
    }

    @Override
    public Future<UpstreamResponse> send(UpstreamRequest request) {
        HttpRequest<Buffer> http = client.requestAbs(request.method(), baseUrl + request.path())
                .timeout(timeout.toMillis());
        request.query().forEach(http::addQueryParam);
        request.secretQuery().forEach(http::addQueryParam);
        request.headers().forEach(http::putHeader);
        request.secretHeaders().forEach(http::putHeader);
        Future<HttpResponse<Buffer>> sent = request.body() == null ? http.send() : http.sendBuffer(request.body());
        return sent.<UpstreamResponse>map(this::toResponse)
                .recover(t -> Future.failedFuture(UpstreamException.of(system, t)));
    }

    private UpstreamResponse toResponse(HttpResponse<Buffer> response) {
        Map<String, List<String>> headers = new HashMap<>();
        for (String name : response.headers().names()) {
            headers.put(name.toLowerCase(Locale.ROOT), response.headers().getAll(name));
        }
        Buffer body = response.body() == null ? Buffer.buffer() : response.body();
        return new UpstreamResponse(response.statusCode(), headers, body, clock.instant(), null, false);
    }
}
