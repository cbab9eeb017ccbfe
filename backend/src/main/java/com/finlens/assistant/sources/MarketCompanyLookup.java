package com.finlens.assistant.sources;

import com.finlens.assistant.pipeline.CompanyRef;
import com.finlens.assistant.pipeline.CompanyLookup;
import com.finlens.assistant.pipeline.CompanyMatches;
import com.finlens.market.CompanyResolver;
import com.finlens.market.GroupMention;
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

    private final CompanyResolver market;

    public MarketCompanyLookup(CompanyResolver market) {
        this.market = market;
    }

    @Override
    public Future<CompanyMatches> resolve(String questionText) {
        return market.mentions(questionText).compose(all -> market.groupMentions(questionText).compose(groups -> {
            // a group name standing alone is a question, even where one company has that name too ("SK")
            List<Mention> mentions = all.stream().filter(m -> groups.stream()
                    .noneMatch(g -> overlaps(g, m) && g.text().equalsIgnoreCase(m.text()))).toList();
            List<GroupMention> alone = groups.stream()
                    .filter(g -> mentions.stream().noneMatch(m -> overlaps(g, m))).toList();
            return companies(mentions, alone);
        }));
    }

    private static boolean overlaps(GroupMention g, Mention m) {
        return g.start() < m.end() && m.start() < g.end();
    }

    private Future<CompanyMatches> companies(List<Mention> mentions, List<GroupMention> groups) {
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
            for (GroupMention g : groups) {
                ambiguities.add(new CompanyMatches.Ambiguity(g.text(),
                        g.companies().stream().map(MarketCompanyLookup::toPipeline).toList()));
            }
            return new CompanyMatches(companies, ambiguities);
        });
    }

    static CompanyRef toPipeline(com.finlens.market.MarketCompany c) {
        String ticker = c.krxCode() != null ? c.krxCode() : c.yahooSymbol();
        return new CompanyRef(c.id(), c.name(), ticker, c.market().name());
    }
}
