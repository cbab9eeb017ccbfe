package com.finlens.integration.upstream;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * One outbound call, described independently of how it is carried (live HTTP or a bundled snapshot).
 * {@code secretQuery}/{@code secretHeaders} hold credentials: they are sent but never logged, cached or matched.
 * {@code cacheTtl} of zero means "do not cache"; identical concurrent calls still share one upstream call.
 */
public record UpstreamRequest(HttpMethod method, String path, Map<String, String> query, Map<String, String> headers,
                              Map<String, String> secretQuery, Map<String, String> secretHeaders, Buffer body,
                              String endpoint, Duration cacheTtl) {

    public UpstreamRequest {
        query = Map.copyOf(query);
        headers = Map.copyOf(headers);
        secretQuery = Map.copyOf(secretQuery);
        secretHeaders = Map.copyOf(secretHeaders);
        cacheTtl = cacheTtl == null ? Duration.ZERO : cacheTtl;
    }

    public static Builder get(String path) {
        return new Builder(HttpMethod.GET, path);
    }

    public static Builder post(String path) {
        return new Builder(HttpMethod.POST, path);
    }

    /** Identity of the call without credentials: method, path, sorted query and body. */
    public String cacheKey() {
        StringBuilder key = new StringBuilder(method.name()).append(' ').append(path);
        new TreeMap<>(query).forEach((k, v) -> key.append('&').append(k).append('=').append(v));
        if (body != null && body.length() > 0) {
            key.append(" body=").append(body.toString());
        }
        return key.toString();
    }

    public boolean cacheable() {
        return !cacheTtl.isZero() && !cacheTtl.isNegative();
    }

    public static final class Builder {
        private final HttpMethod method;
        private final String path;
        private final Map<String, String> query = new LinkedHashMap<>();
        private final Map<String, String> headers = new LinkedHashMap<>();
        private final Map<String, String> secretQuery = new LinkedHashMap<>();
        private final Map<String, String> secretHeaders = new LinkedHashMap<>();
        private Buffer body;
        private String endpoint;
        private Duration cacheTtl = Duration.ZERO;

        private Builder(HttpMethod method, String path) {
            this.method = method;
            this.path = path;
            this.endpoint = path;
        }

        public Builder query(String name, String value) {
            if (value != null) {
                query.put(name, value);
            }
            return this;
        }

        public Builder header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        public Builder secretQuery(String name, String value) {
            if (value != null) {
                secretQuery.put(name, value);
            }
            return this;
        }

        public Builder secretHeader(String name, String value) {
            if (value != null) {
                secretHeaders.put(name, value);
            }
            return this;
        }

        public Builder jsonBody(String json) {
            this.body = Buffer.buffer(json);
            headers.put("Content-Type", "application/json; charset=utf-8");
            return this;
        }

        /** A readable name for provenance, e.g. "GET /api/list.json". */
        public Builder endpoint(String endpoint) {
            this.endpoint = endpoint;
            return this;
        }

        public Builder cacheFor(Duration ttl) {
            this.cacheTtl = ttl;
            return this;
        }

        public UpstreamRequest build() {
            return new UpstreamRequest(method, path, query, headers, secretQuery, secretHeaders, body, endpoint,
                    cacheTtl);
        }
    }
}
