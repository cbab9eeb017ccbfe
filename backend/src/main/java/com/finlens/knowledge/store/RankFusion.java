package com.finlens.knowledge.store;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reciprocal rank fusion (Cormack et al. 2009): score = sum over lists of 1 / (K + rank), rank from 1. It needs no
 * score calibration between BM25 and cosine similarity, which is why Lucene hybrid search uses it.
 */
public final class RankFusion {

    public static final int K = 60;

    private RankFusion() {
    }

    public static List<ChunkHit> fuse(List<List<ChunkHit>> rankings, int k) {
        Map<String, ChunkHit> byId = new LinkedHashMap<>();
        Map<String, Double> scores = new LinkedHashMap<>();
        for (List<ChunkHit> ranking : rankings) {
            for (int i = 0; i < ranking.size(); i++) {
                ChunkHit hit = ranking.get(i);
                byId.putIfAbsent(hit.chunkId(), hit);
                scores.merge(hit.chunkId(), 1.0 / (K + i + 1), Double::sum);
            }
        }
        List<ChunkHit> fused = new ArrayList<>();
        scores.forEach((id, score) -> fused.add(byId.get(id).withScore(score)));
        fused.sort(Comparator.comparingDouble(ChunkHit::score).reversed().thenComparing(ChunkHit::chunkId));
        return fused.size() > k ? List.copyOf(fused.subList(0, k)) : List.copyOf(fused);
    }
}
