package com.finlens.integration.yahoo;

import com.finlens.integration.upstream.Fetch;
import com.finlens.integration.upstream.Parsing;
import com.finlens.integration.upstream.Sourced;
import com.finlens.integration.upstream.Transport;
import com.finlens.integration.upstream.UpstreamException;
import com.finlens.integration.upstream.UpstreamException.Kind;
import com.finlens.integration.upstream.UpstreamRequest;
import com.finlens.integration.upstream.UpstreamResponse;
import io.vertx.core.Future;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Yahoo Finance adapter: v8 chart, v1 search, v7 quote (cookie + crumb handshake, with one crumb refresh and one
 * retry on 401 "Invalid Crumb"/"Invalid Cookie") and the fundamentals timeseries (annual income statement).
 */
public final class YahooClient {

    public static final String SYSTEM = "yahoo";
    public static final List<String> INCOME_TYPES = List.of("annualTotalRevenue", "annualOperatingIncome",
            "annualNetIncome");

    private final Transport api;
    private final Transport cookieHost;
    private final String userAgent;
    private final Clock clock;

    private record CrumbSession(String cookie, String crumb) {
    }

    private volatile Future<CrumbSession> session;

    public YahooClient(Transport api, Transport cookieHost, String userAgent, Clock clock) {
        this.api = api;
        this.cookieHost = cookieHost;
        this.userAgent = userAgent;
        this.clock = clock;
    }

    public static boolean storable(UpstreamResponse response) {
        return response.ok();
    }

    public Optional<LocalDate> snapshotAsOf() {
        return api.snapshotAsOf();
    }

    /** Bars between two days inclusive, with dividends and splits. {@code interval}: 1d, 1wk, 1mo, 1h, ... */
    public Future<Sourced<YahooChart>> chart(String symbol, LocalDate from, LocalDate to, String interval) {
        long period1 = from.atStartOfDay().toEpochSecond(ZoneOffset.UTC);
        long period2 = to.plusDays(1).atStartOfDay().toEpochSecond(ZoneOffset.UTC);
        boolean past = to.isBefore(LocalDate.now(clock.withZone(ZoneOffset.UTC)).minusDays(1));
        String path = "/v8/finance/chart/" + encode(symbol);
        UpstreamRequest request = UpstreamRequest.get(path)
                .endpoint("GET /v8/finance/chart/{symbol}")
                .query("period1", Long.toString(period1))
                .query("period2", Long.toString(period2))
                .query("interval", interval)
                .query("events", "div|split")
                .header("User-Agent", userAgent)
                .cacheFor(past ? Duration.ofHours(12) : Duration.ofMinutes(2))
                .build();
        return Parsing.read(SYSTEM, request, api.send(request), response -> {
            JsonObject chart = json(response, "chart");
            JsonArray results = chart.getJsonArray("result");
            if (results == null || results.isEmpty()) {
                throw error(response, chart);
            }
            YahooChart parsed = parseChart(results.getJsonObject(0), interval);
            List<YahooBar> inRange = parsed.bars().stream()
                    .filter(b -> !b.date().isBefore(from) && !b.date().isAfter(to)).toList();
            return new Sourced<>(new YahooChart(parsed.symbol(), parsed.currency(), parsed.exchange(),
                    parsed.timeZone(), parsed.longName(), parsed.interval(), inRange,
                    parsed.dividends().stream().filter(d -> !d.date().isBefore(from) && !d.date().isAfter(to)).toList(),
                    parsed.splits().stream().filter(s -> !s.date().isBefore(from) && !s.date().isAfter(to)).toList()),
                    Fetch.of(SYSTEM, request, response));
        });
    }

    public Future<Sourced<List<YahooSearchHit>>> search(String query) {
        UpstreamRequest request = UpstreamRequest.get("/v1/finance/search")
                .endpoint("GET /v1/finance/search")
                .query("q", query)
                .query("quotesCount", "6")
                .query("newsCount", "0")
                .header("User-Agent", userAgent)
                .cacheFor(Duration.ofDays(1))
                .build();
        return Parsing.read(SYSTEM, request, api.send(request), response -> {
            if (!response.ok()) {
                throw UpstreamException.forStatus(SYSTEM, response.status(), null);
            }
            JsonArray quotes = parse(response).getJsonArray("quotes", new JsonArray());
            List<YahooSearchHit> hits = new ArrayList<>();
            for (int i = 0; i < quotes.size(); i++) {
                JsonObject q = quotes.getJsonObject(i);
                if (q.getString("symbol") == null) {
                    continue;
                }
                hits.add(new YahooSearchHit(q.getString("symbol"), q.getString("longname", q.getString("shortname")),
                        q.getString("exchange"), q.getString("exchDisp"), q.getString("quoteType")));
            }
            return new Sourced<>(List.copyOf(hits), Fetch.of(SYSTEM, request, response));
        });
    }

    /** The latest quote; fails NOT_FOUND when Yahoo does not know the symbol. */
    public Future<Sourced<YahooQuote>> quote(String symbol) {
        return crumbSession().compose(s -> quoteWith(symbol, s)).recover(t -> {
            if (t instanceof UpstreamException u && u.kind() == Kind.UNAUTHORIZED) {
                session = null;
                return crumbSession().compose(s -> quoteWith(symbol, s));
            }
            return Future.failedFuture(t);
        });
    }

    private Future<Sourced<YahooQuote>> quoteWith(String symbol, CrumbSession s) {
        UpstreamRequest request = UpstreamRequest.get("/v7/finance/quote")
                .endpoint("GET /v7/finance/quote")
                .query("symbols", symbol)
                .secretQuery("crumb", s.crumb())
                .header("User-Agent", userAgent)
                .secretHeader("Cookie", s.cookie())
                .cacheFor(Duration.ofMinutes(1))
                .build();
        return Parsing.read(SYSTEM, request, api.send(request), response -> {
            JsonObject quoteResponse = json(response, "quoteResponse", "finance");
            JsonArray result = quoteResponse.getJsonArray("result");
            if (!response.ok() || result == null) {
                throw error(response, quoteResponse);
            }
            if (result.isEmpty()) {
                throw new UpstreamException(SYSTEM, Kind.NOT_FOUND, response.status(),
                        "Yahoo does not know the symbol " + symbol);
            }
            JsonObject q = result.getJsonObject(0);
            Long time = q.getLong("regularMarketTime");
            YahooQuote quote = new YahooQuote(q.getString("symbol"), q.getString("longName", q.getString("shortName")),
                    q.getString("currency"), q.getString("fullExchangeName", q.getString("exchange")),
                    decimal(q.getValue("regularMarketPrice")), decimal(q.getValue("regularMarketChange")),
                    decimal(q.getValue("regularMarketChangePercent")),
                    decimal(q.getValue("regularMarketPreviousClose")), q.getLong("marketCap"),
                    time == null ? null : Instant.ofEpochSecond(time));
            return new Sourced<>(quote, Fetch.of(SYSTEM, request, response));
        });
    }

    /** Annual revenue, operating income and net income, oldest first. */
    public Future<Sourced<List<YahooAnnualFigure>>> annualIncomeStatement(String symbol, LocalDate from, LocalDate to) {
        String path = "/ws/fundamentals-timeseries/v1/finance/timeseries/" + encode(symbol);
        UpstreamRequest request = UpstreamRequest.get(path)
                .endpoint("GET /ws/fundamentals-timeseries/v1/finance/timeseries/{symbol}")
                .query("type", String.join(",", INCOME_TYPES))
                .query("period1", Long.toString(from.atStartOfDay().toEpochSecond(ZoneOffset.UTC)))
                .query("period2", Long.toString(to.atStartOfDay().toEpochSecond(ZoneOffset.UTC)))
                .header("User-Agent", userAgent)
                .cacheFor(Duration.ofDays(1))
                .build();
        return Parsing.read(SYSTEM, request, api.send(request), response -> {
            JsonObject timeseries = json(response, "timeseries");
            JsonArray results = timeseries.getJsonArray("result");
            if (!response.ok() || results == null) {
                throw error(response, timeseries);
            }
            List<YahooAnnualFigure> figures = new ArrayList<>();
            for (int i = 0; i < results.size(); i++) {
                JsonObject r = results.getJsonObject(i);
                JsonArray types = r.getJsonObject("meta", new JsonObject()).getJsonArray("type", new JsonArray());
                if (types.isEmpty()) {
                    continue;
                }
                String type = types.getString(0);
                JsonArray values = r.getJsonArray(type);
                for (int k = 0; values != null && k < values.size(); k++) {
                    JsonObject v = values.getJsonObject(k);
                    if (v == null || v.getJsonObject("reportedValue") == null) {
                        continue;
                    }
                    figures.add(new YahooAnnualFigure(type, LocalDate.parse(v.getString("asOfDate")),
                            v.getString("periodType"), v.getString("currencyCode"),
                            decimal(v.getJsonObject("reportedValue").getValue("raw"))));
                }
            }
            figures.sort(Comparator.comparing(YahooAnnualFigure::asOf).thenComparing(YahooAnnualFigure::type));
            return new Sourced<>(List.copyOf(figures), Fetch.of(SYSTEM, request, response));
        });
    }

    /** One shared handshake at a time: the cookie host's Set-Cookie, then the crumb bound to that cookie. */
    private Future<CrumbSession> crumbSession() {
        Future<CrumbSession> current = session;
        if (current != null) {
            return current;
        }
        synchronized (this) {
            if (session == null) {
                Future<CrumbSession> started = fetchCookie().compose(this::fetchCrumb);
                started.onFailure(t -> session = null);
                session = started;
            }
            return session;
        }
    }

    private Future<String> fetchCookie() {
        UpstreamRequest request = UpstreamRequest.get("/").endpoint("GET cookie host")
                .header("User-Agent", userAgent).build();
        // The cookie host answers 404 with the cookie; without one the crumb call decides whether we may go on.
        return cookieHost.send(request)
                .map(response -> cookieHeader(response.header("set-cookie")))
                .otherwise("");
    }

    private Future<CrumbSession> fetchCrumb(String cookie) {
        UpstreamRequest request = UpstreamRequest.get("/v1/test/getcrumb").endpoint("GET /v1/test/getcrumb")
                .header("User-Agent", userAgent).secretHeader("Cookie", cookie.isEmpty() ? null : cookie).build();
        return Parsing.read(SYSTEM, request, api.send(request), response -> {
            String crumb = response.text().trim();
            if (response.status() == 429 || crumb.equalsIgnoreCase("Too Many Requests")) {
                throw new UpstreamException(SYSTEM, Kind.RATE_LIMITED, response.status(),
                        "Yahoo refused a crumb: too many requests");
            }
            if (!response.ok() || crumb.isEmpty() || crumb.startsWith("{") || crumb.startsWith("<")) {
                throw new UpstreamException(SYSTEM, Kind.UNAUTHORIZED, response.status(),
                        "Yahoo did not hand out a crumb");
            }
            return new CrumbSession(cookie, crumb);
        });
    }

    static String cookieHeader(List<String> setCookies) {
        List<String> pairs = new ArrayList<>();
        for (String c : setCookies) {
            int semi = c.indexOf(';');
            pairs.add((semi < 0 ? c : c.substring(0, semi)).trim());
        }
        return String.join("; ", pairs);
    }

    static YahooChart parseChart(JsonObject result, String interval) {
        JsonObject meta = result.getJsonObject("meta", new JsonObject());
        ZoneId zone = zoneOf(meta);
        JsonArray timestamps = result.getJsonArray("timestamp", new JsonArray());
        JsonObject indicators = result.getJsonObject("indicators", new JsonObject());
        JsonObject quote = first(indicators.getJsonArray("quote"));
        JsonObject adj = first(indicators.getJsonArray("adjclose"));
        List<YahooBar> bars = new ArrayList<>();
        for (int i = 0; i < timestamps.size(); i++) {
            Instant time = Instant.ofEpochSecond(timestamps.getLong(i));
            BigDecimal close = at(quote, "close", i);
            if (close == null) {
                continue;
            }
            BigDecimal volume = at(quote, "volume", i);
            bars.add(new YahooBar(time, time.atZone(zone).toLocalDate(), at(quote, "open", i), at(quote, "high", i),
                    at(quote, "low", i), close, at(adj, "adjclose", i), volume == null ? null : volume.longValue()));
        }
        JsonObject events = result.getJsonObject("events", new JsonObject());
        List<YahooChart.Dividend> dividends = new ArrayList<>();
        events.getJsonObject("dividends", new JsonObject()).forEach(e -> {
            JsonObject d = (JsonObject) e.getValue();
            dividends.add(new YahooChart.Dividend(day(d.getLong("date"), zone), decimal(d.getValue("amount"))));
        });
        List<YahooChart.Split> splits = new ArrayList<>();
        events.getJsonObject("splits", new JsonObject()).forEach(e -> {
            JsonObject s = (JsonObject) e.getValue();
            splits.add(new YahooChart.Split(day(s.getLong("date"), zone), s.getInteger("numerator"),
                    s.getInteger("denominator")));
        });
        dividends.sort(Comparator.comparing(YahooChart.Dividend::date));
        splits.sort(Comparator.comparing(YahooChart.Split::date));
        return new YahooChart(meta.getString("symbol"), meta.getString("currency"),
                meta.getString("fullExchangeName", meta.getString("exchangeName")),
                zone.getId(), meta.getString("longName", meta.getString("shortName")),
                meta.getString("dataGranularity", interval), List.copyOf(bars), List.copyOf(dividends),
                List.copyOf(splits));
    }

    private static ZoneId zoneOf(JsonObject meta) {
        String name = meta.getString("exchangeTimezoneName");
        try {
            if (name != null) {
                return ZoneId.of(name);
            }
        } catch (RuntimeException ignored) {
            // fall back to the offset Yahoo also sends
        }
        return ZoneOffset.ofTotalSeconds(meta.getInteger("gmtoffset", 0));
    }

    private static LocalDate day(Long epochSeconds, ZoneId zone) {
        return Instant.ofEpochSecond(epochSeconds).atZone(zone).toLocalDate();
    }

    private static JsonObject first(JsonArray array) {
        return array == null || array.isEmpty() ? new JsonObject() : array.getJsonObject(0);
    }

    private static BigDecimal at(JsonObject holder, String field, int i) {
        JsonArray values = holder.getJsonArray(field);
        if (values == null || i >= values.size()) {
            return null;
        }
        return decimal(values.getValue(i));
    }

    private static BigDecimal decimal(Object v) {
        if (v instanceof Integer || v instanceof Long) {
            return BigDecimal.valueOf(((Number) v).longValue());
        }
        // NaN and Infinity have no decimal value (a fuzzed chart crashed here): they are missing values.
        if (v instanceof Number n && Double.isFinite(n.doubleValue())) {
            return BigDecimal.valueOf(n.doubleValue());
        }
        return null;
    }

    private static JsonObject parse(UpstreamResponse response) {
        try {
            return new JsonObject(response.body());
        } catch (DecodeException | ClassCastException e) {
            if (response.status() == 429) {
                throw new UpstreamException(SYSTEM, Kind.RATE_LIMITED, 429, "Yahoo asks us to slow down (HTTP 429)");
            }
            throw new UpstreamException(SYSTEM, response.ok() ? Kind.BAD_RESPONSE : UpstreamException.forStatus(
                    SYSTEM, response.status(), null).kind(), response.status(),
                    "Yahoo answered HTTP " + response.status() + " with a body that is not JSON");
        }
    }

    /** The named envelope of a JSON answer (first of the given names that is present). */
    private static JsonObject json(UpstreamResponse response, String... envelopes) {
        JsonObject body = parse(response);
        for (String name : envelopes) {
            JsonObject inner = body.getJsonObject(name);
            if (inner != null) {
                return inner;
            }
        }
        if (!response.ok()) {
            throw UpstreamException.forStatus(SYSTEM, response.status(), null);
        }
        throw new UpstreamException(SYSTEM, Kind.BAD_RESPONSE, response.status(), "Yahoo answer has no " + envelopes[0]);
    }

    private static UpstreamException error(UpstreamResponse response, JsonObject envelope) {
        JsonObject error = envelope.getValue("error") instanceof JsonObject e ? e : new JsonObject();
        String description = error.getString("description", "");
        String code = error.getString("code", "");
        int status = response.status();
        if (status == 401 || code.equals("Unauthorized")) {
            return new UpstreamException(SYSTEM, Kind.UNAUTHORIZED, status, "Yahoo refused the session: " + description);
        }
        if (status == 404 || code.equals("Not Found")) {
            return new UpstreamException(SYSTEM, Kind.NOT_FOUND, status, "Yahoo has no data: " + description);
        }
        if (status == 429) {
            return new UpstreamException(SYSTEM, Kind.RATE_LIMITED, status, "Yahoo asks us to slow down (HTTP 429)");
        }
        return status >= 400 ? UpstreamException.forStatus(SYSTEM, status, description)
                : new UpstreamException(SYSTEM, Kind.BAD_RESPONSE, status, "Yahoo answered without a result");
    }

    private static String encode(String symbol) {
        return URLEncoder.encode(symbol, StandardCharsets.UTF_8);
    }
}
