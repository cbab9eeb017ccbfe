package com.finlens.market.api;

import com.finlens.market.CompanyProfile;
import com.finlens.market.MarketCompany;
import com.finlens.market.MarketResult;
import com.finlens.market.MarketServices;
import com.finlens.market.PriceBar;
import com.finlens.market.PriceSeries;
import com.finlens.market.ReportCode;
import com.finlens.market.api.DataHealth.Section;
import com.finlens.platform.format.AmountFormat;
import com.finlens.platform.http.ApiException;
import com.finlens.platform.view.Views;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Company pages of the web UI: search (/companies?q=) and one company (/companies/{code}) with its latest trading
 * day, a price chart (drawn by static/js/price-chart.js from the market API), recent disclosures and a multi-year
 * table of key financial statements. Numbers are written in the page's language (platform AmountFormat); each part
 * says in words where its figures come from and how fresh they are, and a part whose sources all failed says so in
 * one friendly line instead of disappearing ({@link DataHealth}).
 */
public final class CompanyPages {

    private static final int OFFLINE_FILING_YEARS = 3;

    private final MarketServices market;
    private final Views views;

    public CompanyPages(MarketServices market, Views views) {
        this.market = market;
        this.views = views;
    }

    public void mount(Router router) {
        router.get("/companies").handler(this::search);
        router.get("/companies/:code").handler(this::company);
    }

    private void search(RoutingContext ctx) {
        String q = ctx.request().getParam("q");
        if (q == null || q.isBlank()) {
            views.render(ctx, "market/companies.html", Map.of("active", "companies", "q", ""));
            return;
        }
        if (q.length() > 100) {
            notice(ctx, 400, "", "companies.tooLong");
            return;
        }
        market.resolver().resolve(q.strip())
                .compose(r -> views.render(ctx, "market/companies.html", Map.of("active", "companies", "q", q,
                        "resolution", MarketJson.resolution(r))))
                .onFailure(ctx::fail);
    }

    private void company(RoutingContext ctx) {
        String code = ctx.pathParam("code");
        if (code == null || code.length() > 20 || !code.matches("[A-Za-z0-9.\\-^=]+")) {
            notice(ctx, 400, "", "companies.badCode");
            return;
        }
        String lang = Views.lang(ctx);
        market.resolver().company(code).compose(company -> {
            DataHealth health = new DataHealth(views.messages(), lang, company);
            AmountFormat numbers = AmountFormat.of(lang);
            LocalDate today = market.prices().priceToday(company);
            Future<JsonObject> profile = market.profiles().profile(company)
                    .map(r -> latest(r, numbers).put("health", health.of(r, Section.LATEST, null)))
                    .otherwise(t -> new JsonObject().put("health", health.failure(t, Section.LATEST)));
            // The server reads one month for the summary and the data-health line; the chart asks the API per range.
            Future<JsonObject> prices = market.prices().prices(company, today.minusMonths(1), today, "1d")
                    .map(r -> summary(r.data(), numbers).put("health", health.of(r, Section.PRICES, null)))
                    .otherwise(t -> new JsonObject().put("health", health.failure(t, Section.PRICES)));
            Future<JsonObject> disclosures = company.korean() ? filings(company, health) : Future.succeededFuture(null);
            Future<JsonObject> financials = market.financials().financials(company, null, ReportCode.ANNUAL, false)
                    .map(r -> new JsonObject(FinancialTable.of(r.data(), views.messages(), lang))
                            .put("health", health.of(r, Section.FINANCIALS, r.data().receiptNo())))
                    .otherwise(t -> new JsonObject().put("health", health.failure(t, Section.FINANCIALS)));
            return Future.join(profile, prices, disclosures, financials).map(all -> {
                Map<String, Object> model = new HashMap<>();
                model.put("active", "companies");
                model.put("company", header(company));
                model.put("chart", Map.of("company", company.id(), "today", today.toString()));
                model.put("profile", profile.result());
                model.put("prices", prices.result());
                model.put("disclosures", disclosures.result());
                model.put("financials", financials.result());
                return model;
            });
        }).compose(model -> views.render(ctx, "market/company.html", model)).onFailure(e -> {
            // every part answers for itself, so what fails here is the code: no such company
            if (e instanceof ApiException api && api.status() == 404) {
                notice(ctx, 404, code, "companies.unknown", code);
            } else {
                ctx.fail(e);
            }
        });
    }

    /** The search page with one localized line saying what was wrong with the request (never backend English). */
    private void notice(RoutingContext ctx, int status, String q, String key, Object... args) {
        views.render(ctx, status, "market/companies.html", Map.of("active", "companies", "q", q,
                "notice", views.messages().get(Views.lang(ctx), key, args)));
    }

    /**
     * Filings of the last 90 days; offline, the bundled DART list is a recording of its own day, so the page shows
     * what it holds (up to {@value #OFFLINE_FILING_YEARS} years back) and its health line says of which day.
     */
    private Future<JsonObject> filings(MarketCompany company, DataHealth health) {
        LocalDate today = market.disclosures().filingsToday();
        LocalDate from = market.days().offlineFilings() ? today.minusYears(OFFLINE_FILING_YEARS) : today.minusDays(90);
        return market.disclosures().disclosures(company, from, today)
                .map(r -> MarketJson.disclosures(r.data()).put("health", health.of(r, Section.FILINGS, null)))
                .otherwise(t -> new JsonObject().put("health", health.failure(t, Section.FILINGS)));
    }

    /** The heading: the English name only when it says more than the name itself ("Apple Inc." once). */
    private static Map<String, Object> header(MarketCompany c) {
        Map<String, Object> header = new HashMap<>(MarketJson.company(c).getMap());
        if (c.nameEn() != null && c.nameEn().equalsIgnoreCase(c.name())) {
            header.put("nameEn", null);
        }
        return header;
    }

    /** The latest trading day in words and numbers: close, change, volume, market cap. */
    private static JsonObject latest(MarketResult<CompanyProfile> r, AmountFormat numbers) {
        CompanyProfile.LatestPrice l = r.data().latestPrice();
        if (l == null) {
            return new JsonObject();
        }
        return new JsonObject()
                .put("date", l.date() == null ? null : l.date().toString())
                .put("close", numbers.price(l.close(), l.currency()))
                .put("change", l.change() == null ? null : signed(numbers.price(l.change(), l.currency()), l.change())
                        + (l.changeRate() == null ? "" : " (" + numbers.percent(l.changeRate()) + ")"))
                .put("volume", l.volume() == null ? null : numbers.count(l.volume()))
                .put("marketCap", l.marketCap() == null ? null
                        : numbers.amount(BigDecimal.valueOf(l.marketCap()), l.currency()));
    }

    private static String signed(String text, BigDecimal value) {
        return value.signum() > 0 ? "+" + text : text;
    }

    /** One month of closes in words: first and last day, low and high, the last close. */
    private static JsonObject summary(PriceSeries series, AmountFormat numbers) {
        List<PriceBar> bars = series.bars().stream().filter(b -> b.close() != null).toList();
        if (bars.isEmpty()) {
            return new JsonObject();
        }
        BigDecimal min = bars.stream().map(PriceBar::close).min(BigDecimal::compareTo).orElseThrow();
        BigDecimal max = bars.stream().map(PriceBar::close).max(BigDecimal::compareTo).orElseThrow();
        return new JsonObject().put("from", bars.get(0).date().toString())
                .put("to", bars.get(bars.size() - 1).date().toString())
                .put("low", numbers.price(min, series.currency())).put("high", numbers.price(max, series.currency()))
                .put("last", numbers.price(bars.get(bars.size() - 1).close(), series.currency()));
    }
}
