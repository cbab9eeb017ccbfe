package com.finlens.market.api;

import com.finlens.market.MarketResult;
import com.finlens.market.MarketServices;
import com.finlens.market.PriceBar;
import com.finlens.market.PriceSeries;
import com.finlens.market.ReportCode;
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
import java.util.function.Function;

/**
 * MarketCompany pages of the web UI: search (/companies?q=) and one company (/companies/{code}) with its profile, a price
 * chart, recent disclosures and key financial statements. Each part shows its sources; a part whose sources all
 * failed says so instead of disappearing.
 */
public final class CompanyPages {

    private static final int CHART_WIDTH = 640;
    private static final int CHART_HEIGHT = 200;

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
            throw ApiException.badRequest("q", "Search for at most 100 characters.");
        }
        market.resolver().resolve(q.strip())
                .compose(r -> views.render(ctx, "market/companies.html", Map.of("active", "companies", "q", q,
                        "resolution", MarketJson.resolution(r))))
                .onFailure(ctx::fail);
    }

    private void company(RoutingContext ctx) {
        String code = ctx.pathParam("code");
        if (code == null || code.length() > 20 || !code.matches("[A-Za-z0-9.\\-^=]+")) {
            throw ApiException.badRequest("code", "Use a 6-digit KRX code or a symbol such as AAPL.");
        }
        market.resolver().company(code).compose(company -> {
            LocalDate today = market.prices().priceToday(company);
            Future<JsonObject> profile = part(market.profiles().profile(company), MarketJson::profile);
            // A month: KRX answers one trading day per call, so longer windows are for the JSON API to page through.
            Future<JsonObject> prices = market.prices().prices(company, today.minusDays(31), today, "1d")
                    .map(r -> MarketJson.result(r, MarketJson::prices).put("chart", chart(r)))
                    .otherwise(CompanyPages::unavailable);
            Future<JsonObject> disclosures = company.korean()
                    ? part(market.disclosures().disclosures(company, market.disclosures().filingsToday().minusDays(90),
                            market.disclosures().filingsToday()),
                    MarketJson::disclosures)
                    : Future.succeededFuture(null);
            Future<JsonObject> financials = part(market.financials().financials(company, null, ReportCode.ANNUAL, false),
                    MarketJson::financials);
            return Future.join(profile, prices, disclosures, financials).map(all -> {
                Map<String, Object> model = new HashMap<>();
                model.put("active", "companies");
                model.put("company", MarketJson.company(company));
                model.put("profile", profile.result());
                model.put("prices", prices.result());
                model.put("disclosures", disclosures.result());
                model.put("financials", financials.result());
                return model;
            });
        }).compose(model -> views.render(ctx, "market/company.html", model)).onFailure(ctx::fail);
    }

    private static <T> Future<JsonObject> part(Future<MarketResult<T>> result, Function<T, JsonObject> mapper) {
        return result.map(r -> MarketJson.result(r, mapper)).otherwise(CompanyPages::unavailable);
    }

    private static JsonObject unavailable(Throwable failure) {
        String reason = failure instanceof ApiException api ? api.detail() : "The source did not answer.";
        return new JsonObject().put("unavailable", reason);
    }

    /** An SVG polyline of closing prices, scaled into the chart box, with the range for the axis labels. */
    static JsonObject chart(MarketResult<PriceSeries> result) {
        List<PriceBar> bars = result.data().bars().stream().filter(b -> b.close() != null).toList();
        if (bars.size() < 2) {
            return null;
        }
        BigDecimal min = bars.stream().map(PriceBar::close).min(BigDecimal::compareTo).orElseThrow();
        BigDecimal max = bars.stream().map(PriceBar::close).max(BigDecimal::compareTo).orElseThrow();
        double span = Math.max(max.subtract(min).doubleValue(), 1e-9);
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < bars.size(); i++) {
            double x = (double) i / (bars.size() - 1) * CHART_WIDTH;
            double y = CHART_HEIGHT - (bars.get(i).close().subtract(min).doubleValue() / span) * CHART_HEIGHT;
            points.append(String.format(java.util.Locale.ROOT, "%.1f,%.1f ", x, y));
        }
        return new JsonObject().put("points", points.toString().strip()).put("width", CHART_WIDTH)
                .put("height", CHART_HEIGHT).put("min", min.toPlainString()).put("max", max.toPlainString())
                .put("from", bars.get(0).date().toString()).put("to", bars.get(bars.size() - 1).date().toString())
                .put("last", bars.get(bars.size() - 1).close().toPlainString()).put("count", bars.size());
    }
}
