package com.finlens.market;

import com.finlens.integration.dart.DartCorp;
import com.finlens.integration.krx.KrxDailyRow;
import com.finlens.integration.krx.KrxMarket;
import com.finlens.market.Resolution.Candidate;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every company Finlens can name: DART's listed corp codes joined with the KRX daily lists (market per code,
 * preferred shares, market cap for ranking), plus curated aliases and US companies. Immutable once built;
 * lookups use hash indexes and a bigram index that narrows fuzzy matching to a few dozen candidates.
 */
public final class CompanyDirectory {

    private static final Pattern KRX_CODE = Pattern.compile("[0-9][0-9A-Z]{5}");
    private static final Pattern CORP_CODE = Pattern.compile("[0-9]{8}");
    private static final Pattern KOREAN_SYMBOL = Pattern.compile("([0-9][0-9A-Z]{5})\\.(KS|KQ)");
    private static final Pattern PREFERRED = Pattern.compile("^(.+?)\\s*(\\d?우[A-C]?(\\(전환\\))?|\\(전환\\))$");
    private static final double ALIAS_SCORE = 0.97;
    private static final double FUZZY_FLOOR = 0.62;
    private static final int FUZZY_CANDIDATES = 80;
    private static final int[] NONE = {};

    /** A name a company can be called by, and whether it is a curated alias. */
    public record Name(String text, boolean alias) {
    }

    /** One company with its names and ranking weight. */
    public record Entry(MarketCompany company, long marketCap, List<Name> names) {
    }

    private final List<Entry> entries;
    private final LocalDate listingsAsOf;
    private final Map<String, Integer> byKrxCode = new HashMap<>();
    private final Map<String, Integer> byCorpCode = new HashMap<>();
    private final Map<String, Integer> bySymbol = new HashMap<>();
    // The indexes below hold ids in int arrays, not lists of boxed ids: for ~6,300 bigrams and ~8,100 names over
    // ~4,000 companies the lists took 6.0 of the directory's 9.3 MB of heap, the arrays 2.2 (docs/benchmarks.md).
    private final Map<String, int[]> shareClasses;
    /** Per normalized name: {@code id << 1 | 1} for a curated alias, {@code id << 1} for a name. */
    private final Map<String, int[]> byNormalized;
    private final Map<String, int[]> bigrams;
    private final String[][] normalizedNames;
    private final String[][] jamoNames;

    private CompanyDirectory(List<Entry> entries, LocalDate listingsAsOf) {
        this.entries = List.copyOf(entries);
        this.listingsAsOf = listingsAsOf;
        this.normalizedNames = new String[this.entries.size()][];
        this.jamoNames = new String[this.entries.size()][];
        Postings shareClassIds = new Postings();
        Postings nameIds = new Postings();
        Postings bigramIds = new Postings();
        for (int id = 0; id < this.entries.size(); id++) {
            index(id, this.entries.get(id), shareClassIds, nameIds, bigramIds);
        }
        this.shareClasses = shareClassIds.frozen();
        this.byNormalized = nameIds.frozen();
        this.bigrams = bigramIds.frozen();
    }

    /** The values under each key while the directory is built (one added twice in a row is kept once), then as
     * int arrays. */
    private static final class Postings {
        private final Map<String, List<Integer>> lists = new HashMap<>();

        void add(String key, int value) {
            List<Integer> list = lists.computeIfAbsent(key, k -> new ArrayList<>());
            if (list.isEmpty() || list.get(list.size() - 1) != value) {
                list.add(value);
            }
        }

        Map<String, int[]> frozen() {
            Map<String, int[]> out = new HashMap<>(lists.size() * 4 / 3 + 1);
            lists.forEach((key, values) -> out.put(key, values.stream().mapToInt(Integer::intValue).toArray()));
            return out;
        }
    }

    /** Joins DART's corp list with KRX listings of one day and the curated aliases. */
    public static CompanyDirectory build(List<DartCorp> corps, List<KrxDailyRow> listings, AliasCatalog aliases,
                                         LocalDate listingsAsOf) {
        Map<String, KrxDailyRow> listed = new HashMap<>();
        Map<String, KrxDailyRow> listedByName = new HashMap<>();
        for (KrxDailyRow row : listings) {
            listed.put(row.code(), row);
            listedByName.put(row.name(), row);
        }
        Map<String, DartCorp> corpByStock = new HashMap<>();
        for (DartCorp corp : corps) {
            if (corp.stockCode() != null) {
                corpByStock.putIfAbsent(corp.stockCode(), corp);
            }
        }
        List<Entry> entries = new ArrayList<>();
        for (DartCorp corp : corpByStock.values()) {
            KrxDailyRow row = listed.get(corp.stockCode());
            Market market = row == null ? Market.KRX_OTHER : marketOf(row.market());
            String name = row == null ? corp.name() : row.name();
            MarketCompany company = new MarketCompany(corp.stockCode(), corp.corpCode(), name, corp.nameEn(), market,
                    MarketCompany.yahooSymbolFor(corp.stockCode(), market), false, row != null);
            entries.add(new Entry(company, capOf(row),
                    names(aliases.koreanAliases().get(corp.stockCode()), name, corp.name(), corp.nameEn())));
        }
        for (KrxDailyRow row : listings) {
            if (corpByStock.containsKey(row.code())) {
                continue;
            }
            Matcher preferred = PREFERRED.matcher(row.name());
            KrxDailyRow common = preferred.matches() ? listedByName.get(preferred.group(1).trim()) : null;
            DartCorp corp = common == null ? null : corpByStock.get(common.code());
            Market market = marketOf(row.market());
            String nameEn = corp == null || corp.nameEn() == null ? null : corp.nameEn() + " (preferred)";
            MarketCompany company = new MarketCompany(row.code(), corp == null ? null : corp.corpCode(), row.name(), nameEn,
                    market, MarketCompany.yahooSymbolFor(row.code(), market), preferred.matches(), true);
            entries.add(new Entry(company, capOf(row), names(aliases.koreanAliases().get(row.code()), row.name())));
        }
        for (AliasCatalog.UsCompany us : aliases.usCompanies()) {
            entries.add(new Entry(us.company(), 0, names(us.aliases(), us.company().name(), us.company().yahooSymbol())));
        }
        entries.sort(Comparator.comparing((Entry e) -> e.company().id()));
        return new CompanyDirectory(entries, listingsAsOf);
    }

    private static Market marketOf(KrxMarket market) {
        return market == KrxMarket.KOSPI ? Market.KOSPI : Market.KOSDAQ;
    }

    private static long capOf(KrxDailyRow row) {
        return row == null || row.marketCap() == null ? 0 : row.marketCap();
    }

    private static List<Name> names(List<String> aliases, String... names) {
        Map<String, Name> out = new LinkedHashMap<>();
        for (String n : names) {
            if (n != null && !n.isBlank()) {
                out.putIfAbsent(n, new Name(n, false));
            }
        }
        if (aliases != null) {
            for (String a : aliases) {
                out.putIfAbsent(a, new Name(a, true));
            }
        }
        return List.copyOf(out.values());
    }

    private void index(int id, Entry entry, Postings shareClassIds, Postings nameIds, Postings bigramIds) {
        MarketCompany c = entry.company();
        if (c.krxCode() != null) {
            byKrxCode.put(c.krxCode(), id);
        }
        if (c.dartCorpCode() != null) {
            if (!c.preferred()) {
                byCorpCode.putIfAbsent(c.dartCorpCode(), id);
            }
            shareClassIds.add(c.dartCorpCode(), id);
        }
        if (c.yahooSymbol() != null) {
            bySymbol.put(c.yahooSymbol().toUpperCase(Locale.ROOT), id);
        }
        List<String> normalized = new ArrayList<>();
        for (Name name : entry.names()) {
            String n = Hangul.normalize(name.text());
            if (n.isEmpty()) {
                continue;
            }
            normalized.add(n);
            nameIds.add(n, id << 1 | (name.alias() ? 1 : 0));
            for (int i = 0; i + 2 <= n.length(); i++) {
                bigramIds.add(n.substring(i, i + 2), id);
            }
        }
        normalizedNames[id] = normalized.toArray(String[]::new);
        jamoNames[id] = normalized.stream().map(Hangul::jamo).toArray(String[]::new);
    }

    public int size() {
        return entries.size();
    }

    public List<Entry> entries() {
        return entries;
    }

    /** The day of the KRX listings the directory was built from. */
    public LocalDate listingsAsOf() {
        return listingsAsOf;
    }

    public Optional<MarketCompany> byKrxCode(String code) {
        return Optional.ofNullable(byKrxCode.get(code)).map(id -> entries.get(id).company());
    }

    public Optional<MarketCompany> bySymbol(String symbol) {
        return Optional.ofNullable(bySymbol.get(symbol.toUpperCase(Locale.ROOT))).map(id -> entries.get(id).company());
    }

    /** Other share classes of the same DART company (common and preferred shares). */
    public List<MarketCompany> siblings(MarketCompany company) {
        if (company.dartCorpCode() == null) {
            return List.of();
        }
        List<MarketCompany> out = new ArrayList<>();
        for (int id : shareClasses.getOrDefault(company.dartCorpCode(), NONE)) {
            MarketCompany c = entries.get(id).company();
            if (!c.id().equals(company.id())) {
                out.add(c);
            }
        }
        return out;
    }

    /** Resolves a name, abbreviation, code or symbol to the best company and ranked alternatives. */
    public Resolution resolve(String query, int maxAlternatives) {
        String q = query == null ? "" : query.trim();
        if (q.isEmpty()) {
            return Resolution.none(q);
        }
        Map<Integer, Candidate> found = new HashMap<>();
        String upper = q.toUpperCase(Locale.ROOT);
        Matcher symbol = KOREAN_SYMBOL.matcher(upper);
        if (symbol.matches()) {
            offer(found, byKrxCode.get(symbol.group(1)), 1.0, "symbol", q);
        }
        if (KRX_CODE.matcher(upper).matches()) {
            offer(found, byKrxCode.get(upper), 1.0, "code", q);
        }
        if (CORP_CODE.matcher(q).matches()) {
            offer(found, byCorpCode.get(q), 1.0, "dartCorpCode", q);
        }
        offer(found, bySymbol.get(upper), 1.0, "symbol", q);
        String n = Hangul.normalize(q);
        if (!n.isEmpty()) {
            for (int hit : byNormalized.getOrDefault(n, NONE)) {
                boolean alias = (hit & 1) == 1;
                offer(found, hit >> 1, alias ? ALIAS_SCORE : 1.0, alias ? "alias" : "name", q);
            }
            boolean exact = found.values().stream().anyMatch(c -> c.score() >= ALIAS_SCORE);
            if (!exact && n.length() >= 2) {
                fuzzy(n, found, q);
            }
        }
        if (found.isEmpty()) {
            return Resolution.none(q);
        }
        List<Candidate> ranked = new ArrayList<>(found.values());
        ranked.sort(ranking());
        Candidate best = ranked.get(0);
        List<Candidate> alternatives = new ArrayList<>(ranked.subList(1, Math.min(ranked.size(), maxAlternatives + 1)));
        for (MarketCompany sibling : siblings(best.company())) {
            boolean present = alternatives.stream().anyMatch(a -> a.company().id().equals(sibling.id()));
            if (!present && alternatives.size() < maxAlternatives + 2) {
                alternatives.add(new Candidate(sibling, Math.min(best.score(), 0.9), "shareClass", q));
            }
        }
        return new Resolution(q, best, List.copyOf(alternatives), ambiguous(ranked));
    }

    private static boolean ambiguous(List<Candidate> ranked) {
        Candidate best = ranked.get(0);
        if (ranked.size() == 1) {
            return best.score() < 0.7;
        }
        Candidate second = ranked.get(1);
        if (best.score() >= ALIAS_SCORE) {
            // two different companies with exactly the same name
            return second.score() >= best.score() && second.company().dartCorpCode() != null
                    && !second.company().dartCorpCode().equals(best.company().dartCorpCode())
                    && second.company().listed() == best.company().listed();
        }
        return best.score() < 0.7 || best.score() - second.score() < 0.05;
    }

    private Comparator<Candidate> ranking() {
        return Comparator.comparingDouble((Candidate c) -> -c.score())
                .thenComparing(c -> !c.company().listed())
                .thenComparing(c -> c.company().preferred())
                .thenComparingLong(c -> -capOf(c.company()))
                .thenComparing(c -> c.company().id());
    }

    private long capOf(MarketCompany company) {
        Integer id = company.krxCode() != null ? byKrxCode.get(company.krxCode()) : null;
        return id == null ? 0 : entries.get(id).marketCap();
    }

    private void offer(Map<Integer, Candidate> found, Integer id, double score, String how, String text) {
        if (id == null) {
            return;
        }
        Candidate existing = found.get(id);
        if (existing == null || existing.score() < score) {
            found.put(id, new Candidate(entries.get(id).company(), score, how, text));
        }
    }

    /** Prefix and jamo-level edit-distance matches among the names sharing the most bigrams with the query. */
    private void fuzzy(String n, Map<Integer, Candidate> found, String text) {
        int[] shared = new int[entries.size()];
        List<Integer> touched = new ArrayList<>();
        for (int i = 0; i + 2 <= n.length(); i++) {
            for (int id : bigrams.getOrDefault(n.substring(i, i + 2), NONE)) {
                if (shared[id]++ == 0) {
                    touched.add(id);
                }
            }
        }
        touched.sort((a, b) -> Integer.compare(shared[b], shared[a]));
        String queryJamo = Hangul.jamo(n);
        boolean hangulQuery = Hangul.containsHangul(n);
        for (int rank = 0; rank < Math.min(FUZZY_CANDIDATES, touched.size()); rank++) {
            int id = touched.get(rank);
            String[] names = normalizedNames[id];
            String[] jamo = jamoNames[id];
            for (int k = 0; k < names.length; k++) {
                if (names[k].startsWith(n) && names[k].length() > n.length()) {
                    offer(found, id, 0.75 + 0.2 * n.length() / names[k].length(), "prefix", text);
                }
                if (hangulQuery != Hangul.containsHangul(names[k])) {
                    continue;
                }
                int longest = Math.max(queryJamo.length(), jamo[k].length());
                int limit = (int) Math.floor(longest * (1 - FUZZY_FLOOR));
                int distance = Hangul.editDistance(queryJamo, jamo[k], limit);
                if (distance <= limit) {
                    double similarity = 1.0 - (double) distance / longest;
                    offer(found, id, 0.9 * similarity, "fuzzy", text);
                }
            }
        }
    }
}
