package com.finlens.market;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The curated resource of names people use (English names of Korean companies, Korean abbreviations, US
 * companies with their Korean names) and the stop list of company names that are everyday words.
 */
public record AliasCatalog(Map<String, List<String>> koreanAliases, List<UsCompany> usCompanies,
                           Set<String> mentionStopwords, Map<String, List<String>> groups) {

    /** A US company with the names people call it. */
    public record UsCompany(MarketCompany company, List<String> aliases) {
    }

    public static AliasCatalog bundled() {
        JsonObject json = new JsonObject(read("market/company-aliases.json"));
        Map<String, List<String>> korean = new HashMap<>();
        JsonArray kr = json.getJsonArray("korean");
        for (int i = 0; i < kr.size(); i++) {
            JsonObject e = kr.getJsonObject(i);
            korean.put(e.getString("code"), strings(e.getJsonArray("aliases")));
        }
        List<UsCompany> us = new ArrayList<>();
        JsonArray usList = json.getJsonArray("us");
        for (int i = 0; i < usList.size(); i++) {
            JsonObject e = usList.getJsonObject(i);
            MarketCompany company = new MarketCompany(null, null, e.getString("name"), e.getString("name"),
                    Market.valueOf(e.getString("market")), e.getString("symbol"), false, true);
            us.add(new UsCompany(company, strings(e.getJsonArray("aliases"))));
        }
        Set<String> stop = new LinkedHashSet<>();
        for (String line : read("market/mention-stopwords.txt").split("\n")) {
            String s = line.trim();
            if (!s.isEmpty() && !s.startsWith("#")) {
                stop.add(s);
            }
        }
        Map<String, List<String>> groups = new HashMap<>();
        JsonArray groupList = json.getJsonArray("groups", new JsonArray());
        for (int i = 0; i < groupList.size(); i++) {
            JsonObject g = groupList.getJsonObject(i);
            groups.put(g.getString("name"), strings(g.getJsonArray("codes")));
        }
        return new AliasCatalog(Map.copyOf(korean), List.copyOf(us), Set.copyOf(stop), Map.copyOf(groups));
    }

    private static List<String> strings(JsonArray array) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            out.add(array.getString(i));
        }
        return List.copyOf(out);
    }

    private static String read(String resource) {
        try (InputStream in = AliasCatalog.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing bundled resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
