package com.finlens.market.api;

import com.finlens.market.MarketCompany;
import com.finlens.market.CompanyProfile;
import com.finlens.market.Disclosure;
import com.finlens.market.DisclosureList;
import com.finlens.market.FinancialLine;
import com.finlens.market.FinancialStatements;
import com.finlens.market.MarketResult;
import com.finlens.market.Mention;
import com.finlens.market.PriceBar;
import com.finlens.market.PriceSeries;
import com.finlens.market.Provenance;
import com.finlens.market.Resolution;
import com.finlens.market.SourceFailure;
import com.finlens.platform.format.AmountFormat;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;

/** The API's JSON shapes (camelCase; described in openapi/market.json). */
final class MarketJson {

    /** The API's readable amounts are Korean (조/억), whatever the caller's language: they sit beside the number. */
    private static final AmountFormat KOREAN = AmountFormat.of("ko");

    private MarketJson() {
    }

    static JsonObject company(MarketCompany c) {
        return new JsonObject()
                .put("id", c.id())
                .put("krxCode", c.krxCode())
                .put("dartCorpCode", c.dartCorpCode())
                .put("name", c.name())
                .put("nameEn", c.nameEn())
                .put("market", c.market().name())
                .put("yahooSymbol", c.yahooSymbol())
                .put("preferred", c.preferred())
                .put("listed", c.listed());
    }

    static JsonObject resolution(Resolution r) {
        return new JsonObject()
                .put("query", r.query())
                .put("best", r.best() == null ? null : candidate(r.best()))
                .put("alternatives", array(r.alternatives(), MarketJson::candidate))
                .put("ambiguous", r.ambiguous());
    }

    private static JsonObject candidate(Resolution.Candidate c) {
        return new JsonObject().put("company", company(c.company())).put("score", round(c.score()))
                .put("matchedBy", c.matchedBy());
    }

    static JsonObject mentions(List<Mention> mentions) {
        return new JsonObject().put("mentions", array(mentions, m -> new JsonObject()
                .put("text", m.text()).put("start", m.start()).put("end", m.end())
                .put("confidence", round(m.confidence())).put("company", company(m.company()))));
    }

    static <T> JsonObject result(MarketResult<T> result, Function<T, JsonObject> data) {
        return data.apply(result.data())
                .put("provenance", array(result.provenance(), MarketJson::provenance))
                .put("sourcesAnswered", new JsonArray(result.sourcesAnswered()))
                .put("sourcesFailed", array(result.sourcesFailed(), MarketJson::failure))
                .put("degraded", result.degraded());
    }

    static JsonObject provenance(Provenance p) {
        return new JsonObject()
                .put("source", p.source())
                .put("endpoint", p.endpoint())
                .put("asOf", p.asOf())
                .put("fetchedAt", p.fetchedAt() == null ? null : p.fetchedAt().toString())
                .put("unit", p.unit())
                .put("currency", p.currency())
                .put("basis", p.basis())
                .put("snapshotRecordedOn", p.snapshotRecordedOn() == null ? null : p.snapshotRecordedOn().toString())
                .put("fromCache", p.fromCache())
                .put("description", p.describe());
    }

    static JsonObject failure(SourceFailure f) {
        return new JsonObject().put("source", f.source()).put("endpoint", f.endpoint()).put("kind", f.kind())
                .put("reason", f.reason());
    }

    static JsonObject profile(CompanyProfile p) {
        CompanyProfile.LatestPrice l = p.latestPrice();
        return new JsonObject()
                .put("company", company(p.company()))
                .put("legalName", p.legalName())
                .put("ceo", p.ceo())
                .put("address", p.address())
                .put("homepage", p.homepage())
                .put("industryCode", p.industryCode())
                .put("establishedOn", p.establishedOn())
                .put("fiscalYearEndMonth", p.fiscalYearEndMonth())
                .put("latestPrice", l == null ? null : new JsonObject()
                        .put("date", l.date() == null ? null : l.date().toString())
                        .put("close", l.close()).put("change", l.change()).put("changeRate", l.changeRate())
                        .put("volume", l.volume()).put("marketCap", l.marketCap())
                        .put("marketCapText", l.marketCap() != null && "KRW".equals(l.currency())
                                ? KOREAN.amount(BigDecimal.valueOf(l.marketCap()), "KRW") : null)
                        .put("listedShares", l.listedShares()).put("currency", l.currency()));
    }

    static JsonObject prices(PriceSeries s) {
        return new JsonObject()
                .put("company", company(s.company()))
                .put("currency", s.currency())
                .put("interval", s.interval())
                .put("bars", array(s.bars(), MarketJson::bar))
                .put("dividends", array(s.dividends(), d -> new JsonObject().put("date", d.date().toString())
                        .put("amount", d.amount())))
                .put("splits", array(s.splits(), x -> new JsonObject().put("date", x.date().toString())
                        .put("numerator", x.numerator()).put("denominator", x.denominator())))
                .put("missingDays", new JsonArray(s.missingDays().stream().map(Object::toString).toList()));
    }

    private static JsonObject bar(PriceBar b) {
        return new JsonObject()
                .put("date", b.date().toString())
                .put("open", b.open()).put("high", b.high()).put("low", b.low()).put("close", b.close())
                .put("adjClose", b.adjClose()).put("volume", b.volume()).put("tradedValue", b.tradedValue())
                .put("marketCap", b.marketCap()).put("source", b.source());
    }

    static JsonObject disclosures(DisclosureList d) {
        return new JsonObject()
                .put("company", company(d.company()))
                .put("from", d.from().toString())
                .put("to", d.to().toString())
                .put("totalCount", d.totalCount())
                .put("truncated", d.truncated())
                .put("items", array(d.items(), MarketJson::disclosure));
    }

    private static JsonObject disclosure(Disclosure d) {
        return new JsonObject().put("receivedOn", d.receivedOn().toString()).put("title", d.title())
                .put("receiptNo", d.receiptNo()).put("filer", d.filer()).put("remarks", d.remarks())
                .put("url", d.url());
    }

    static JsonObject financials(FinancialStatements f) {
        boolean won = "KRW".equals(f.currency());
        return new JsonObject()
                .put("company", company(f.company()))
                .put("year", f.year())
                .put("reportCode", f.reportCode())
                .put("reportName", f.reportName())
                .put("basis", f.basis())
                .put("currency", f.currency())
                .put("periodEnd", f.periodEnd())
                .put("receiptNo", f.receiptNo())
                .put("lines", array(f.lines(), l -> line(l, won)));
    }

    private static JsonObject line(FinancialLine l, boolean won) {
        return new JsonObject()
                .put("statement", l.statement())
                .put("account", l.account())
                .put("accountId", l.accountId())
                .put("period", l.period())
                .put("amount", l.amount())
                .put("amountText", won ? KOREAN.amount(l.amount(), "KRW") : null)
                .put("cumulativeAmount", l.cumulativeAmount())
                .put("priorAmount", l.priorAmount())
                .put("priorPeriod", l.priorPeriod())
                .put("earlierAmount", l.earlierAmount())
                .put("earlierPeriod", l.earlierPeriod());
    }

    private static <T> JsonArray array(List<T> items, Function<T, JsonObject> mapper) {
        JsonArray out = new JsonArray();
        items.forEach(i -> out.add(mapper.apply(i)));
        return out;
    }

    private static double round(double v) {
        return BigDecimal.valueOf(v).setScale(3, java.math.RoundingMode.HALF_UP).doubleValue();
    }
}
