package com.finlens.assistant.pipeline;

import com.finlens.integration.upstream.SnapshotTransport;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Expected values for the evaluation, read straight from the bundled data files with a parser of its own (not
 * the product's), so an answer is scored against the data, never against numbers typed into the question set.
 */
final class EvalData {

    private EvalData() {
    }

    /** A DART amount: the CFS row (OFS when the report has no CFS rows) of the key accounts, else the full statements. */
    static BigDecimal dart(String corp, int year, String report, String account, String column) {
        String key = "market-snapshot/dart/fnlttSinglAcnt_" + corp + "_" + year + "_" + report + ".json";
        JsonArray rows = rows(key);
        if (rows == null) {
            rows = rows("market-snapshot/dart/fnlttSinglAcntAll_" + corp + "_" + year + "_" + report + "_CFS.json");
        }
        if (rows == null) {
            throw new IllegalArgumentException("no bundled statements for " + corp + " " + year + " " + report);
        }
        boolean hasCfs = rows.stream().anyMatch(r -> "CFS".equals(((JsonObject) r).getString("fs_div", "CFS")));
        for (Object o : rows) {
            JsonObject r = (JsonObject) o;
            String fs = r.getString("fs_div", "CFS");
            boolean named = account.equals(r.getString("account_nm")) || account.equals(r.getString("account_id"));
            if (named && fs.equals(hasCfs ? "CFS" : "OFS") && r.getString(column) != null
                    && !r.getString(column).isBlank()) {
                return new BigDecimal(r.getString(column).replace(",", ""));
            }
        }
        throw new IllegalArgumentException("no " + account + " in " + key);
    }

    /** A daily price field: the KRX OPEN API recording on its day, else the dataset exports in their order. */
    static BigDecimal price(String code, LocalDate day, String field) {
        if (day.equals(LocalDate.of(2024, 1, 5))) {
            for (String board : List.of("stk", "ksq")) {
                JsonObject body = new JsonObject(text("market-snapshot/krx/" + board + "_bydd_trd_20240105.json"));
                for (Object o : body.getJsonArray("OutBlock_1")) {
                    JsonObject r = (JsonObject) o;
                    if (code.equals(r.getString("ISU_CD"))) {
                        String v = r.getString(switch (field) {
                            case "close" -> "TDD_CLSPRC";
                            case "volume" -> "ACC_TRDVOL";
                            default -> "MKTCAP";
                        });
                        return new BigDecimal(v.replace(",", ""));
                    }
                }
            }
        }
        JsonArray sources = new JsonObject(text("market-snapshot/datasets/datasets.json")).getJsonArray("sources");
        for (Object o : sources) {
            JsonObject s = (JsonObject) o;
            if (!s.getJsonArray("codes").contains(code)) {
                continue;
            }
            for (String line : text("market-snapshot/" + s.getString("folder") + "/" + code + ".csv").split("\n")) {
                String[] f = line.split(",");
                if (f[0].equals(day.toString())) {
                    return new BigDecimal(field.equals("volume") ? f[5] : f[4]);
                }
            }
        }
        throw new IllegalArgumentException("no " + field + " of " + code + " on " + day);
    }

    /** The last day any dataset has for a code. */
    static LocalDate lastDay(String code) {
        LocalDate last = null;
        for (Object o : new JsonObject(text("market-snapshot/datasets/datasets.json")).getJsonArray("sources")) {
            JsonObject s = (JsonObject) o;
            if (s.getJsonArray("codes").contains(code)) {
                String[] lines = text("market-snapshot/" + s.getString("folder") + "/" + code + ".csv").split("\n");
                LocalDate day = LocalDate.parse(lines[lines.length - 1].split(",")[0]);
                last = last == null || day.isAfter(last) ? day : last;
            }
        }
        return last;
    }

    /** Report names of the bundled DART filings of a company between two days. */
    static List<String> filings(String corp, LocalDate from, LocalDate to) {
        List<String> names = new ArrayList<>();
        for (Object o : new JsonObject(text("market-snapshot/dart/list_" + corp + ".json")).getJsonArray("list")) {
            JsonObject d = (JsonObject) o;
            LocalDate day = LocalDate.parse(d.getString("rcept_dt").replaceAll("(\\d{4})(\\d{2})(\\d{2})", "$1-$2-$3"));
            if (!day.isBefore(from) && !day.isAfter(to)) {
                names.add(d.getString("report_nm").strip());
            }
        }
        return names;
    }

    private static JsonArray rows(String resource) {
        try {
            return new JsonObject(text(resource)).getJsonArray("list");
        } catch (IllegalStateException missing) {
            return null;
        }
    }

    private static String text(String resource) {
        return new String(SnapshotTransport.read(resource), StandardCharsets.UTF_8);
    }
}
