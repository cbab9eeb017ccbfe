package com.finlens.market;

import com.finlens.integration.dart.DartClient;
import com.finlens.integration.dart.DartCompany;
import com.finlens.integration.yahoo.YahooClient;
import io.vertx.core.Future;
import java.util.Optional;

/** A company's registry facts (DART) and its latest end-of-day figures. */
public final class ProfileService {

    private final DartClient dart;
    private final YahooClient yahoo;
    private final PriceService prices;

    public ProfileService(DartClient dart, YahooClient yahoo, PriceService prices) {
        this.dart = dart;
        this.yahoo = yahoo;
        this.prices = prices;
    }

    public Future<MarketResult<CompanyProfile>> profile(MarketCompany company) {
        SourceLog log = new SourceLog();
        if (!company.korean()) {
            return yahoo.quote(company.yahooSymbol()).map(q -> {
                log.answered(q.fetch(), q.value().marketTime() == null ? "latest" : q.value().marketTime().toString(),
                        "per share", q.value().currency(), null);
                return log.result(new CompanyProfile(company, q.value().name(), null, null, null, null, null, null,
                        PriceService.fromQuote(q.value(), company)));
            }).recover(t -> Future.failedFuture(MarketDataNotFound.of("Profile of " + company.name(),
                    log.failuresWith("yahoo", "GET /v7/finance/quote", t))));
        }
        Future<Optional<DartCompany>> registry = company.dartCorpCode() == null
                ? Future.succeededFuture(Optional.empty())
                : dart.company(company.dartCorpCode()).map(s -> {
                    log.answered(s.fetch(), "registry", null, null, null);
                    return Optional.of(s.value());
                }).otherwise(t -> {
                    log.failed(DartClient.SYSTEM, "GET /api/company.json", t);
                    return Optional.empty();
                });
        Future<Optional<CompanyProfile.LatestPrice>> latest = prices.latestKorean(company, log);
        return Future.all(registry, latest).map(done -> {
            Optional<DartCompany> r = registry.result();
            MarketCompany refined = refineMarket(company, r.orElse(null));
            return log.result(new CompanyProfile(refined, r.map(DartCompany::name).orElse(null),
                    r.map(DartCompany::ceo).orElse(null), r.map(DartCompany::address).orElse(null),
                    r.map(DartCompany::homepage).orElse(null), r.map(DartCompany::industryCode).orElse(null),
                    r.map(DartCompany::establishedOn).orElse(null), r.map(DartCompany::fiscalMonth).orElse(null),
                    latest.result().orElse(null)));
        });
    }

    private static MarketCompany refineMarket(MarketCompany company, DartCompany registry) {
        if (registry == null || company.market() != Market.KRX_OTHER) {
            return company;
        }
        Market market = Market.fromDartClass(registry.corpClass());
        return new MarketCompany(company.krxCode(), company.dartCorpCode(), company.name(), company.nameEn(), market,
                MarketCompany.yahooSymbolFor(company.krxCode(), market), company.preferred(), company.listed());
    }
}
