package com.finlens.integration.krx;

import com.finlens.integration.upstream.Fetch;
import com.finlens.integration.upstream.ParsedBodies;
import com.finlens.integration.upstream.Parsing;
import com.finlens.integration.upstream.Sourced;
import com.finlens.integration.upstream.Transport;
import com.finlens.integration.upstream.UpstreamException;
import com.finlens.integration.upstream.UpstreamException.Kind;
import com.finlens.integration.upstream.UpstreamRequest;
import com.finlens.integration.upstream.UpstreamResponse;
import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * KRX Open API adapter for the daily trading lists (one call = every issue of one market on one day). The old
 * data portal gateway that pykrx scraped now answers {@code LOGOUT} without a logged-in session; that body is
 * recognised and reported as a login wall.
 */
public final class KrxClient {

    public static final String SYSTEM = "krx";
    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    private final Transport transport;
    private final String apiKey;
    private final Clock clock;
    private final ParsedBodies<List<KrxDailyRow>> parsed;

    /** {@code worker} parses the market lists (~1 MB of JSON each), which held an event loop 100-450 ms. */
    public KrxClient(Transport transport, String apiKey, Clock clock, WorkerExecutor worker) {
        this.transport = transport;
        this.apiKey = apiKey;
        this.clock = clock;
        this.parsed = new ParsedBodies<>(32, worker);
    }

    /** Whether the answer may be cached: HTTP 200 with a JSON {@code OutBlock_1}. */
    public static boolean storable(UpstreamResponse response) {
        if (!response.ok()) {
            return false;
        }
        try {
            return new JsonObject(response.body()).getValue("OutBlock_1") instanceof JsonArray;
        } catch (DecodeException e) {
            return false;
        }
    }

    public Optional<LocalDate> snapshotAsOf() {
        return transport.snapshotAsOf();
    }

    /**
     * Every issue of a market on one day. Empty for holidays, weekends and the current day (KRX publishes at T+1).
     */
    public Future<Sourced<List<KrxDailyRow>>> dailyTrading(KrxMarket market, LocalDate day) {
        String path = "/svc/apis/sto/" + market.dailyTradingApi();
        boolean past = day.isBefore(LocalDate.now(clock.withZone(SEOUL)));
        UpstreamRequest request = UpstreamRequest.post(path)
                .endpoint("POST " + path)
                .jsonBody(new JsonObject().put("basDd", day.format(DateTimeFormatter.BASIC_ISO_DATE)).encode())
                .secretHeader("AUTH_KEY", apiKey)
                .cacheFor(past ? Duration.ofDays(30) : Duration.ofMinutes(5))
                .build();
        return transport.send(request).compose(response -> parsed.of(request, response,
                r -> read(request, r, market))
                .map(rows -> new Sourced<>(rows, Fetch.of(SYSTEM, request, response))));
    }

    /** Parses now, with the adapters' one rule for unexpected answers (Parsing); a failure throws. */
    private static List<KrxDailyRow> read(UpstreamRequest request, UpstreamResponse response, KrxMarket market) {
        Future<List<KrxDailyRow>> read = Parsing.read(SYSTEM, request, Future.succeededFuture(response),
                ok -> parse(ok, market));
        if (read.failed()) {
            throw read.cause() instanceof RuntimeException e ? e : new IllegalStateException(read.cause());
        }
        return read.result();
    }

    static List<KrxDailyRow> parse(UpstreamResponse response, KrxMarket market) {
        String text = response.text().trim();
        if (text.equals("LOGOUT")) {
            throw new UpstreamException(SYSTEM, Kind.LOGIN_WALL, response.status(),
                    "KRX asks for a logged-in session (LOGOUT); the Open API with a key is needed");
        }
        JsonObject json;
        try {
            json = new JsonObject(text);
        } catch (DecodeException e) {
            throw response.ok()
                    ? new UpstreamException(SYSTEM, Kind.BAD_RESPONSE, response.status(), "KRX answered something that is not JSON")
                    : UpstreamException.forStatus(SYSTEM, response.status(), null);
        }
        if (!response.ok()) {
            String message = json.getString("respMsg", "");
            if (response.status() == 401) {
                throw new UpstreamException(SYSTEM, Kind.UNAUTHORIZED, 401, message.contains("API Call")
                        ? "the KRX key is not approved for " + market.dailyTradingApi()
                        : "the KRX key is missing or wrong");
            }
            throw UpstreamException.forStatus(SYSTEM, response.status(), message.length() > 120 ? null : message);
        }
        JsonArray rows = json.getJsonArray("OutBlock_1");
        if (rows == null) {
            throw new UpstreamException(SYSTEM, Kind.BAD_RESPONSE, response.status(), "KRX answer has no OutBlock_1");
        }
        List<KrxDailyRow> out = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            JsonObject r = rows.getJsonObject(i);
            out.add(new KrxDailyRow(LocalDate.parse(r.getString("BAS_DD"), DateTimeFormatter.BASIC_ISO_DATE),
                    r.getString("ISU_CD"), r.getString("ISU_NM"), market, section(r.getString("SECT_TP_NM")),
                    number(r.getString("TDD_CLSPRC")), number(r.getString("CMPPREVDD_PRC")),
                    decimal(r.getString("FLUC_RT")), number(r.getString("TDD_OPNPRC")),
                    number(r.getString("TDD_HGPRC")), number(r.getString("TDD_LWPRC")),
                    number(r.getString("ACC_TRDVOL")), number(r.getString("ACC_TRDVAL")),
                    number(r.getString("MKTCAP")), number(r.getString("LIST_SHRS"))));
        }
        return List.copyOf(out);
    }

    private static String section(String raw) {
        return raw == null || raw.isBlank() || raw.equals("-") ? null : raw;
    }

    private static Long number(String raw) {
        if (raw == null || raw.isBlank() || raw.equals("-")) {
            return null;
        }
        try {
            return Long.parseLong(raw.replace(",", "").trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static BigDecimal decimal(String raw) {
        if (raw == null || raw.isBlank() || raw.equals("-")) {
            return null;
        }
        try {
            return new BigDecimal(raw.replace(",", "").trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
