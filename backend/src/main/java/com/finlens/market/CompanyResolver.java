package com.finlens.market;

import com.finlens.integration.yahoo.YahooClient;
import com.finlens.integration.yahoo.YahooSearchHit;
import com.finlens.platform.http.ApiException;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/** Which company a name, abbreviation, code or symbol means, and which companies a text mentions. */
public final class CompanyResolver {

    private final Supplier<Future<CompanyDirectory>> directory;
    private final Supplier<Future<MentionFinder>> mentionFinder;
    private final YahooClient yahoo;
    private final Map<String, List<String>> groups;

    public CompanyResolver(Supplier<Future<CompanyDirectory>> directory, Supplier<Future<MentionFinder>> mentionFinder,
                           YahooClient yahoo, Map<String, List<String>> groups) {
        this.directory = directory;
        this.mentionFinder = mentionFinder;
        this.yahoo = yahoo;
        this.groups = groups;
    }

    /** Name, abbreviation, code or symbol to a company with ranked alternatives; Yahoo search when we know nothing. */
    public Future<Resolution> resolve(String query) {
        return directory.get().compose(dir -> {
            Resolution local = dir.resolve(query, 5);
            if (local.found() || query == null || query.isBlank() || Hangul.containsHangul(query)) {
                return Future.succeededFuture(local);
            }
            return yahoo.search(query.trim()).map(hits -> fromYahoo(query.trim(), hits.value()))
                    .otherwise(local);
        });
    }

    /** The company with this KRX code or Yahoo symbol, or a 404. */
    public Future<MarketCompany> company(String krxCodeOrSymbol) {
        return directory.get().map(dir -> dir.byKrxCode(krxCodeOrSymbol.toUpperCase(Locale.ROOT))
                .or(() -> dir.bySymbol(krxCodeOrSymbol))
                .orElseThrow(() -> ApiException.notFound("Company " + krxCodeOrSymbol)));
    }

    /** A Yahoo symbol we may not have in the directory (any US or foreign listing). */
    public Future<MarketCompany> companyForSymbol(String symbol) {
        return directory.get().map(dir -> dir.bySymbol(symbol).orElseGet(() -> new MarketCompany(null, null, symbol, null,
                Market.FOREIGN, symbol.toUpperCase(Locale.ROOT), false, true)));
    }

    public Future<List<Mention>> mentions(String text) {
        if (text.length() > MentionFinder.MAX_TEXT) {
            return Future.failedFuture(ApiException.badRequest("text",
                    "text must be at most " + MentionFinder.MAX_TEXT + " characters"));
        }
        return mentionFinder.get().map(finder -> finder.find(text));
    }

    /** Business-group names standing alone in a text, each with the listed companies it could mean. */
    public Future<List<GroupMention>> groupMentions(String text) {
        return directory.get().map(dir -> new GroupFinder(groups, dir).find(text));
    }

    private static Resolution fromYahoo(String query, List<YahooSearchHit> hits) {
        List<Resolution.Candidate> candidates = new ArrayList<>();
        for (YahooSearchHit hit : hits) {
            if (!"EQUITY".equals(hit.quoteType())) {
                continue;
            }
            Market market = switch (hit.exchange() == null ? "" : hit.exchange()) {
                case "NMS", "NGM", "NCM", "NAS" -> Market.NASDAQ;
                case "NYQ", "NYS", "ASE", "PCX" -> Market.NYSE;
                default -> Market.FOREIGN;
            };
            candidates.add(new Resolution.Candidate(new MarketCompany(null, null, hit.name(), hit.name(), market,
                    hit.symbol(), false, true), 0.8 - 0.01 * candidates.size(), "yahooSearch", query));
        }
        if (candidates.isEmpty()) {
            return Resolution.none(query);
        }
        return new Resolution(query, candidates.get(0), List.copyOf(candidates.subList(1, candidates.size())),
                candidates.size() > 1);
    }
}
