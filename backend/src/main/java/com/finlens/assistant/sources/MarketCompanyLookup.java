package com.finlens.assistant.sources;

import com.finlens.assistant.pipeline.CompanyRef;
import com.finlens.assistant.pipeline.CompanyLookup;
import com.finlens.assistant.pipeline.CompanyMatches;
import com.finlens.market.MarketService;
import com.finlens.market.Mention;
import com.finlens.market.Resolution;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The assistant's view of company resolution: the market feature finds the company mentions in the question; a
 * mention that resolves ambiguously (삼성 could be several companies) is put to the user instead of guessed.
 */
public final class MarketCompanyLookup implements CompanyLookup {

    private static final int MAX_COMPANIES = 3;

    private final MarketService market;

    public MarketCompanyLookup(MarketService market) {
        this.market = market;
    }

    @Override
    public Future<CompanyMatches> resolve(String questionText) {
        return market.mentions(questionText).compose(mentions -> {
            Map<String, Mention> byCompany = new LinkedHashMap<>();
            for (Mention m : mentions) {
                byCompany.putIfAbsent(m.company().id(), m);
            }
            List<Future<Resolution>> resolutions = new ArrayList<>();
            List<Mention> distinct = byCompany.values().stream().limit(MAX_COMPANIES).toList();
            for (Mention m : distinct) {
                resolutions.add(market.resolve(m.text()));
            }
            return Future.join(new ArrayList<>(resolutions)).otherwiseEmpty().map(v -> {
                List<CompanyRef> companies = new ArrayList<>();
                List<CompanyMatches.Ambiguity> ambiguities = new ArrayList<>();
                for (int i = 0; i < distinct.size(); i++) {
                    Mention mention = distinct.get(i);
                    Resolution r = resolutions.get(i).succeeded() ? resolutions.get(i).result() : null;
                    boolean exact = mention.confidence() >= 0.95;
                    if (r != null && r.ambiguous() && !exact) {
                        List<CompanyRef> candidates = new ArrayList<>();
                        candidates.add(toPipeline(r.best().company()));
                        r.alternatives().forEach(a -> candidates.add(toPipeline(a.company())));
                        ambiguities.add(new CompanyMatches.Ambiguity(mention.text(), candidates));
                    } else {
                        companies.add(toPipeline(mention.company()));
                    }
                }
                return new CompanyMatches(companies, ambiguities);
            });
        });
    }

    static CompanyRef toPipeline(com.finlens.market.MarketCompany c) {
        String ticker = c.krxCode() != null ? c.krxCode() : c.yahooSymbol();
        return new CompanyRef(c.id(), c.name(), ticker, c.market().name());
    }
}
