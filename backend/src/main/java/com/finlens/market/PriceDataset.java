package com.finlens.market;

import com.finlens.integration.upstream.SnapshotTransport;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Daily prices from the bundled dataset exports ({@code market-snapshot/datasets/datasets.json}): CSV files other
 * projects saved from pykrx and yfinance. They are not HTTP recordings, so they are their own offline source and
 * every bar names the dataset it came from. On a day several datasets have, the earlier one in the list wins.
 */
public final class PriceDataset {

    public static final String INDEX = "market-snapshot/datasets/datasets.json";

    /** One dataset: what to call it in an answer, and the day its export was made. */
    public record Source(String id, String label, LocalDate recordedOn) {
    }

    private final Map<String, NavigableMap<LocalDate, PriceBar>> byCode;
    private final Map<String, Source> sources;

    private PriceDataset(Map<String, NavigableMap<LocalDate, PriceBar>> byCode, Map<String, Source> sources) {
        this.byCode = byCode;
        this.sources = sources;
    }

    /** An empty dataset, for live mode. */
    public static PriceDataset none() {
        return new PriceDataset(Map.of(), Map.of());
    }

    /** Reads every bundled export (about 0.5 MB); call once at startup. */
    public static PriceDataset bundled() {
        JsonObject index = new JsonObject(new String(SnapshotTransport.read(INDEX), StandardCharsets.UTF_8));
        Map<String, NavigableMap<LocalDate, PriceBar>> byCode = new HashMap<>();
        Map<String, Source> sources = new HashMap<>();
        JsonArray list = index.getJsonArray("sources");
        for (int i = 0; i < list.size(); i++) {
            JsonObject s = list.getJsonObject(i);
            Source source = new Source(s.getString("id"), s.getString("label"), LocalDate.parse(s.getString("recordedOn")));
            sources.put(source.id(), source);
            for (Object code : s.getJsonArray("codes")) {
                String file = "market-snapshot/" + s.getString("folder") + "/" + code + ".csv";
                NavigableMap<LocalDate, PriceBar> bars = byCode.computeIfAbsent((String) code, k -> new TreeMap<>());
                for (PriceBar bar : parse(new String(SnapshotTransport.read(file), StandardCharsets.UTF_8), source.id())) {
                    bars.putIfAbsent(bar.date(), bar);
                }
            }
        }
        return new PriceDataset(Map.copyOf(byCode), Map.copyOf(sources));
    }

    /** Bars of one KRX code between two days (inclusive), oldest first. */
    public List<PriceBar> bars(String krxCode, LocalDate from, LocalDate to) {
        NavigableMap<LocalDate, PriceBar> bars = byCode.get(krxCode);
        return bars == null ? List.of() : List.copyOf(bars.subMap(from, true, to, true).values());
    }

    /** The last day the data has for this code. */
    public Optional<LocalDate> lastDay(String krxCode) {
        NavigableMap<LocalDate, PriceBar> bars = krxCode == null ? null : byCode.get(krxCode);
        return bars == null || bars.isEmpty() ? Optional.empty() : Optional.of(bars.lastKey());
    }

    public boolean covers(String krxCode) {
        return krxCode != null && byCode.containsKey(krxCode);
    }

    public Source source(String id) {
        return sources.get(id);
    }

    /** {@code date,open,high,low,close,volume}; a day with no trade (volume 0, open 0) keeps its carried close. */
    static List<PriceBar> parse(String csv, String sourceId) {
        List<PriceBar> bars = new ArrayList<>();
        String[] lines = csv.split("\r?\n");
        for (int i = 1; i < lines.length; i++) {
            String[] f = lines[i].split(",");
            if (f.length < 6 || f[0].isBlank()) {
                continue;
            }
            long volume = new BigDecimal(f[5].trim()).longValue();
            BigDecimal open = new BigDecimal(f[1].trim());
            boolean suspended = volume == 0 && open.signum() == 0;
            bars.add(new PriceBar(LocalDate.parse(f[0].trim()), suspended ? null : open,
                    suspended ? null : new BigDecimal(f[2].trim()), suspended ? null : new BigDecimal(f[3].trim()),
                    new BigDecimal(f[4].trim()), null, volume, null, null, sourceId));
        }
        return bars;
    }
}
