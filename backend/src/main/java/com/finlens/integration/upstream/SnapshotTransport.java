package com.finlens.integration.upstream;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Answers requests from the bundled snapshot of real recorded upstream responses
 * ({@code market-snapshot/manifest.json}), so the product works with no keys and no network. Entries are matched
 * on method, path and the query (and JSON body) values they name; the first match wins, so specific entries come
 * first. A request with no recording fails with {@link UpstreamException.Kind#NOT_IN_SNAPSHOT}: nothing is made up.
 */
public final class SnapshotTransport implements Transport {

    public static final String MANIFEST = "market-snapshot/manifest.json";

    private record Entry(String method, String path, Map<String, String> match, String file, int status,
                         String contentType, LocalDate recordedOn) {
    }

    private final Vertx vertx;
    private final String system;
    private final List<Entry> entries;
    private final LocalDate asOf;

    private SnapshotTransport(Vertx vertx, String system, List<Entry> entries, LocalDate asOf) {
        this.vertx = vertx;
        this.system = system;
        this.entries = entries;
        this.asOf = asOf;
    }

    /** The snapshot of one system ("dart", "krx", "yahoo", "yahoo-cookie") from the bundled manifest. */
    public static SnapshotTransport load(Vertx vertx, String system) {
        JsonObject manifest = new JsonObject(new String(read(MANIFEST), StandardCharsets.UTF_8));
        JsonObject systemInfo = manifest.getJsonObject("systems").getJsonObject(system);
        if (systemInfo == null) {
            throw new IllegalArgumentException("no snapshot for system " + system);
        }
        List<Entry> entries = new ArrayList<>();
        JsonArray list = manifest.getJsonArray("entries");
        for (int i = 0; i < list.size(); i++) {
            JsonObject e = list.getJsonObject(i);
            if (!system.equals(e.getString("system"))) {
                continue;
            }
            Map<String, String> match = new HashMap<>();
            e.getJsonObject("match", new JsonObject()).forEach(kv -> match.put(kv.getKey(), String.valueOf(kv.getValue())));
            entries.add(new Entry(e.getString("method", "GET"), e.getString("path"), match, e.getString("file"),
                    e.getInteger("status", 200), e.getString("contentType", "application/json"),
                    LocalDate.parse(e.getString("recordedOn"))));
        }
        return new SnapshotTransport(vertx, system, List.copyOf(entries), LocalDate.parse(systemInfo.getString("asOf")));
    }

    @Override
    public Optional<LocalDate> snapshotAsOf() {
        return Optional.of(asOf);
    }

    @Override
    public Future<UpstreamResponse> send(UpstreamRequest request) {
        Map<String, String> values = new HashMap<>(request.query());
        if (request.body() != null && request.body().length() > 0) {
            try {
                new JsonObject(request.body()).forEach(kv -> values.put(kv.getKey(), String.valueOf(kv.getValue())));
            } catch (RuntimeException notJson) {
                // a non-JSON body has nothing to match on
            }
        }
        for (Entry entry : entries) {
            if (entry.method().equalsIgnoreCase(request.method().name()) && entry.path().equals(request.path())
                    && matches(entry.match(), values)) {
                return vertx.executeBlocking(() -> respond(entry), false);
            }
        }
        return Future.failedFuture(new UpstreamException(system, UpstreamException.Kind.NOT_IN_SNAPSHOT,
                "the bundled " + system + " snapshot has no recording for " + request.endpoint()
                        + " with these parameters (offline mode: configure the live source for more)"));
    }

    private static boolean matches(Map<String, String> wanted, Map<String, String> actual) {
        for (Map.Entry<String, String> w : wanted.entrySet()) {
            String value = actual.get(w.getKey());
            if (value == null || !value.equalsIgnoreCase(w.getValue())) {
                return false;
            }
        }
        return true;
    }

    private UpstreamResponse respond(Entry entry) {
        Buffer body = Buffer.buffer(read("market-snapshot/" + entry.file()));
        Instant recorded = entry.recordedOn().atStartOfDay().toInstant(ZoneOffset.UTC);
        return new UpstreamResponse(entry.status(), Map.of("content-type", List.of(entry.contentType())), body,
                recorded, entry.recordedOn(), false);
    }

    /** A bundled classpath resource (the snapshot and the dataset exports beside it). */
    public static byte[] read(String resource) {
        try (InputStream in = SnapshotTransport.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing bundled resource " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
