package com.finlens.integration.weaviate;

import com.finlens.knowledge.store.ChunkHit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads GraphQL answers (parsed by the client into maps and lists) into our records. Weaviate sends hybrid and
 * BM25 scores as strings and nearVector distances as numbers; higher-is-better scores come out either way.
 */
final class WeaviateResults {

    private WeaviateResults() {
    }

    static List<ChunkHit> hits(String className, Object data) {
        List<ChunkHit> hits = new ArrayList<>();
        for (Object row : rows(data, "Get", className)) {
            Map<?, ?> fields = (Map<?, ?>) row;
            Map<?, ?> additional = fields.get("_additional") instanceof Map<?, ?> map ? map : Map.of();
            hits.add(new ChunkHit(
                    string(fields.get(WeaviateVectorStore.CHUNK_ID)),
                    number(fields.get(WeaviateVectorStore.DOCUMENT_ID)).longValue(),
                    number(fields.get(WeaviateVectorStore.OWNER_ID)).longValue(),
                    string(fields.get(WeaviateVectorStore.TITLE)),
                    string(fields.get(WeaviateVectorStore.TEXT)),
                    number(fields.get(WeaviateVectorStore.POSITION)).intValue(),
                    string(fields.get(WeaviateVectorStore.SOURCE_URL)),
                    score(additional)));
        }
        return hits;
    }

    static long count(String className, Object data) {
        List<?> rows = rows(data, "Aggregate", className);
        if (rows.isEmpty() || !(((Map<?, ?>) rows.get(0)).get("meta") instanceof Map<?, ?> meta)) {
            return 0;
        }
        return number(meta.get("count")).longValue();
    }

    /** Hybrid/BM25 "score" (a string on the wire), or 1 - cosine "distance" for vector search. */
    static double score(Map<?, ?> additional) {
        Object score = additional.get("score");
        if (score != null) {
            return Double.parseDouble(score.toString());
        }
        Object distance = additional.get("distance");
        return distance == null ? 0 : 1 - Double.parseDouble(distance.toString());
    }

    static List<?> rows(Object data, String operation, String className) {
        if (data instanceof Map<?, ?> root && root.get(operation) instanceof Map<?, ?> byClass
                && byClass.get(className) instanceof List<?> rows) {
            return rows;
        }
        return List.of();
    }

    private static String string(Object value) {
        return value == null ? null : value.toString();
    }

    private static Number number(Object value) {
        if (value instanceof Number n) {
            return n;
        }
        if (value == null) {
            throw new WeaviateException("a chunk in Weaviate lacks a required number field");
        }
        return Double.parseDouble(value.toString());
    }
}
