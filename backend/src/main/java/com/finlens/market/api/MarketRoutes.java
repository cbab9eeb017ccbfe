package com.finlens.market.api;

import com.finlens.market.MarketCompany;
import com.finlens.market.CompanyResolver;
import com.finlens.market.DisclosureService;
import com.finlens.market.FinancialsService;
import com.finlens.market.MarketServices;
import com.finlens.market.PriceService;
import com.finlens.market.ProfileService;
import com.finlens.market.ReportCode;
import com.finlens.market.cache.SharedResponses;
import com.finlens.market.MentionFinder;
import com.finlens.platform.http.ApiException;
import com.finlens.platform.http.ApiRoutes;
import com.finlens.platform.http.Params;
import com.finlens.platform.http.Requests;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** The market-data API under /api/v1 (signed-in users only). */
public final class MarketRoutes {

    private static final Pattern KRX_CODE = Pattern.compile("[0-9][0-9A-Za-z]{5}");
    private static final Pattern SYMBOL = Pattern.compile("[A-Za-z0-9.\\-^=]{1,20}");
    private static final Pattern DISCLOSURE_TYPE = Pattern.compile("[A-J]");
    private static final Set<String> INTERVALS = Set.of("1d", "1wk", "1mo");
    private static final int MAX_WINDOW_DAYS = 3_660;

    private final CompanyResolver resolver;
    private final ProfileService profiles;
    private final PriceService prices;
    private final DisclosureService disclosures;
    private final FinancialsService financials;
    private final SharedResponses shared = new SharedResponses();

    public MarketRoutes(MarketServices services) {
        this.resolver = services.resolver();
        this.profiles = services.profiles();
        this.prices = services.prices();
        this.disclosures = services.disclosures();
        this.financials = services.financials();
    }

    /** Mounts the routes on the router that is itself mounted at /api/v1 (needs a BodyHandler before it). */
    public void mount(ApiRoutes api) {
        api.get("/companies").handler(shared.cached(this::resolve));
        api.post("/companies/mentions").respond(this::mentions);
        api.get("/companies/:krxCode").handler(shared.cached(this::profile));
        api.get("/companies/:krxCode/prices").handler(shared.cached(this::prices));
        api.get("/companies/:krxCode/disclosures").handler(shared.cached(this::disclosures));
        api.get("/companies/:krxCode/financials").handler(shared.cached(this::financials));
        api.get("/quotes/:yahooSymbol/history").handler(shared.cached(this::quoteHistory));
    }

    private Future<JsonObject> resolve(RoutingContext ctx) {
        String q = ctx.request().getParam("q");
        if (q == null || q.isBlank()) {
            throw ApiException.badRequest("q", "q is required: a company name, code or symbol");
        }
        if (q.length() > 100) {
            throw ApiException.badRequest("q", "q must be at most 100 characters");
        }
        return resolver.resolve(q).map(MarketJson::resolution);
    }

    private Future<JsonObject> mentions(RoutingContext ctx) {
        Object text = Requests.jsonBody(ctx).getValue("text");
        if (!(text instanceof String s)) {
            throw ApiException.badRequest("text", "text is required and must be a string");
        }
        if (s.length() > MentionFinder.MAX_TEXT) {
            throw ApiException.badRequest("text", "text must be at most " + MentionFinder.MAX_TEXT + " characters");
        }
        return resolver.mentions(s).map(MarketJson::mentions);
    }

    private Future<JsonObject> profile(RoutingContext ctx) {
        return korean(ctx).compose(profiles::profile).map(r -> MarketJson.result(r, MarketJson::profile));
    }

    private Future<JsonObject> prices(RoutingContext ctx) {
        String interval = interval(ctx);
        LocalDate from = Params.date(ctx, "from");
        LocalDate to = Params.date(ctx, "to");
        return korean(ctx).compose(c -> {
            LocalDate[] window = window(from, to, 30, prices.priceToday(c));
            return prices.prices(c, window[0], window[1], interval);
        }).map(r -> MarketJson.result(r, MarketJson::prices));
    }

    private Future<JsonObject> disclosures(RoutingContext ctx) {
        LocalDate[] window = window(Params.date(ctx, "from"), Params.date(ctx, "to"), 90, disclosures.filingsToday());
        String type = ctx.request().getParam("type");
        if (type != null && !DISCLOSURE_TYPE.matcher(type).matches()) {
            throw ApiException.badRequest("type", "type must be one DART filing type letter A-J");
        }
        return korean(ctx).compose(c -> disclosures.disclosures(c, window[0], window[1], type))
                .map(r -> MarketJson.result(r, MarketJson::disclosures));
    }

    private Future<JsonObject> financials(RoutingContext ctx) {
        Integer year = Params.integer(ctx, "year", 1990, 2100);
        String rawReport = ctx.request().getParam("report");
        ReportCode report = rawReport == null || rawReport.isBlank() ? ReportCode.ANNUAL : ReportCode.parse(rawReport);
        if (report == null) {
            throw ApiException.badRequest("report", "report must be 11011 (annual), 11012 (half-year), 11013 (Q1), "
                    + "11014 (Q3) or annual/h1/q1/q3");
        }
        String detail = ctx.request().getParam("detail", "key");
        if (!detail.equals("key") && !detail.equals("full")) {
            throw ApiException.badRequest("detail", "detail must be key or full");
        }
        return korean(ctx).compose(c -> financials.financials(c, year, report, detail.equals("full")))
                .map(r -> MarketJson.result(r, MarketJson::financials));
    }

    private Future<JsonObject> quoteHistory(RoutingContext ctx) {
        String symbol = ctx.pathParam("yahooSymbol");
        if (!SYMBOL.matcher(symbol).matches()) {
            throw ApiException.badRequest("yahooSymbol", "yahooSymbol must be a Yahoo symbol such as AAPL");
        }
        String upper = symbol.toUpperCase(Locale.ROOT);
        if (upper.endsWith(".KS") || upper.endsWith(".KQ")) {
            throw ApiException.badRequest("yahooSymbol", "Korean symbols are served by /companies/{krxCode}/prices");
        }
        String interval = interval(ctx);
        LocalDate from = Params.date(ctx, "from");
        LocalDate to = Params.date(ctx, "to");
        return resolver.companyForSymbol(upper).compose(c -> {
            LocalDate[] window = window(from, to, 30, prices.priceToday(c));
            return prices.prices(c, window[0], window[1], interval);
        })
                .map(r -> MarketJson.result(r, MarketJson::prices));
    }

    private Future<MarketCompany> korean(RoutingContext ctx) {
        String code = ctx.pathParam("krxCode");
        if (!KRX_CODE.matcher(code).matches()) {
            throw ApiException.badRequest("krxCode", "krxCode must be a 6-character KRX code such as 005930");
        }
        return resolver.company(code.toUpperCase(Locale.ROOT));
    }

    private static String interval(RoutingContext ctx) {
        String interval = ctx.request().getParam("interval", "1d");
        if (!INTERVALS.contains(interval)) {
            throw ApiException.badRequest("interval", "interval must be one of 1d, 1wk, 1mo");
        }
        return interval;
    }

    /** [from, to]: to defaults to the market's "today", from to {@code defaultDays} before to. */
    private static LocalDate[] window(LocalDate from, LocalDate to, int defaultDays, LocalDate today) {
        LocalDate end = to != null ? to : today;
        LocalDate start = from != null ? from : end.minusDays(defaultDays);
        if (start.isAfter(end)) {
            throw ApiException.badRequest("from", "from must not be after to");
        }
        if (start.plusDays(MAX_WINDOW_DAYS).isBefore(end)) {
            throw ApiException.badRequest("from", "the window may span at most 10 years");
        }
        return new LocalDate[] {start, end};
    }
}
