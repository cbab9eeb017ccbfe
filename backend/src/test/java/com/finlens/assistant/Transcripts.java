package com.finlens.assistant;

import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Recordings of the real backend that the clients' tests replay: {@code .sse} answer streams and {@code .json}
 * responses ({@code {status, contentType, body}}), written into each client's {@code tests/transcripts/}.
 * Without {@code -Dtranscripts.refresh=true} nothing is written: the recordings on disk must have the same shape
 * (event names, first and last event, JSON keys and value types) as what the backend sends now, so a contract
 * change cannot slip past clients still tested against the old one.
 */
final class Transcripts {

    static final List<Path> CLIENT_DIRS = List.of(Path.of("..", "extension", "tests", "transcripts"),
            Path.of("..", "web-templates", "tests", "transcripts"));

    private final Map<String, String> recorded = new LinkedHashMap<>();

    void sse(String name, String body) {
        recorded.put(name + ".sse", body);
    }

    void json(String name, int status, String contentType, String body) {
        JsonObject file = new JsonObject().put("status", status).put("contentType", contentType);
        if (body != null && !body.isEmpty()) {
            file.put("body", Json.decodeValue(body));
        }
        recorded.put(name + ".json", file.encodePrettily() + "\n");
    }

    /** Writes the recordings (refresh) or lists every file whose shape differs from what was recorded now. */
    List<String> writeOrCompare(boolean refresh) {
        List<String> stale = new ArrayList<>();
        for (Path dir : CLIENT_DIRS) {
            for (Map.Entry<String, String> file : recorded.entrySet()) {
                Path path = dir.resolve(file.getKey());
                if (refresh) {
                    write(path, file.getValue());
                    continue;
                }
                String now = shape(file.getKey(), file.getValue());
                String before = Files.exists(path) ? shape(file.getKey(), read(path)) : "(missing)";
                if (!now.equals(before)) {
                    stale.add(path + "\n  recorded: " + before.replace("\n", "\n            ")
                            + "\n  backend:  " + now.replace("\n", "\n            "));
                }
            }
        }
        return stale;
    }

    /** What a client depends on: for streams, the first and last event and each event's data shapes. */
    static String shape(String fileName, String content) {
        if (!fileName.endsWith(".sse")) {
            JsonObject file = new JsonObject(content);
            return file.getInteger("status") + " " + file.getString("contentType") + " "
                    + shapeOf(file.getValue("body"));
        }
        List<String[]> events = ConversationApiTest.parse(content);
        if (events.isEmpty()) {
            return "(no events)";
        }
        Map<String, TreeSet<String>> byName = new TreeMap<>();
        for (String[] e : events) {
            byName.computeIfAbsent(e[0], k -> new TreeSet<>()).add(shapeOf(Json.decodeValue(e[1])));
        }
        return "first " + events.get(0)[0] + ", last " + events.get(events.size() - 1)[0] + "\n"
                + byName.entrySet().stream().map(e -> e.getKey() + " " + String.join(" | ", e.getValue()))
                        .collect(Collectors.joining("\n"));
    }

    /**
     * Keys and value types, with array elements merged into one shape and nulls left out: which optional field
     * happens to be null (a passage has no as-of date) depends on the data, not on the contract.
     */
    private static String shapeOf(Object value) {
        if (value instanceof JsonObject o) {
            return o.fieldNames().stream().sorted().filter(k -> o.getValue(k) != null)
                    .map(k -> k + ":" + shapeOf(o.getValue(k))).collect(Collectors.joining(",", "{", "}"));
        }
        if (value instanceof JsonArray a) {
            JsonObject merged = new JsonObject();
            TreeSet<String> scalars = new TreeSet<>();
            for (Object element : a) {
                if (element instanceof JsonObject o) {
                    merge(merged, o);
                } else if (element != null) {
                    scalars.add(shapeOf(element));
                }
            }
            if (!merged.isEmpty()) {
                scalars.add(shapeOf(merged));
            }
            return scalars.stream().collect(Collectors.joining("|", "[", "]"));
        }
        if (value instanceof Number) {
            return "number";
        }
        return value instanceof Boolean ? "boolean" : "string";
    }

    /** Folds one element into the merged shape: arrays concatenate, objects merge, the first non-null wins. */
    private static void merge(JsonObject into, JsonObject element) {
        for (String key : element.fieldNames()) {
            Object have = into.getValue(key);
            Object add = element.getValue(key);
            if (have instanceof JsonArray a && add instanceof JsonArray b) {
                into.put(key, a.copy().addAll(b));
            } else if (have instanceof JsonObject a && add instanceof JsonObject b) {
                JsonObject copy = a.copy();
                merge(copy, b);
                into.put(key, copy);
            } else if (have == null) {
                into.put(key, add);
            }
        }
    }

    private static String read(Path path) {
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path path, String content) {
        try {
            Files.createDirectories(path.getParent());
            Files.writeString(path, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
