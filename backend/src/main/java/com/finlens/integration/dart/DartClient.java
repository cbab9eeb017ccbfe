package com.finlens.integration.dart;

import com.finlens.integration.upstream.Fetch;
import com.finlens.integration.upstream.Parsing;
import com.finlens.integration.upstream.Sourced;
import com.finlens.integration.upstream.Transport;
import com.finlens.integration.upstream.UpstreamException;
import com.finlens.integration.upstream.UpstreamRequest;
import com.finlens.integration.upstream.UpstreamResponse;
import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Open DART adapter: corp code list, company overview, disclosure list and key financial statements. Owns the
 * wire format (status envelope, comma-grouped amounts, yyyyMMdd dates) and maps it to our records.
 */
public final class DartClient {

    public static final String SYSTEM = "dart";
    private static final DateTimeFormatter BASIC = DateTimeFormatter.BASIC_ISO_DATE;

    private final Transport transport;
    private final String apiKey;
    private final WorkerExecutor worker;

    public DartClient(Transport transport, String apiKey, WorkerExecutor worker) {
        this.transport = transport;
        this.apiKey = apiKey;
        this.worker = worker;
    }

    /** Whether the answer may be cached: a ZIP, or a JSON envelope with status 000 or 013. */
    public static boolean storable(UpstreamResponse response) {
        if (!response.ok()) {
            return false;
        }
        if (CorpCodeParser.isZip(response.body().getBytes(0, Math.min(4, response.body().length())))) {
            return true;
        }
        try {
            return DartStatus.isAnswer(new JsonObject(response.body()).getString("status"));
        } catch (DecodeException notJson) {
            return false;
        }
    }

    public java.util.Optional<LocalDate> snapshotAsOf() {
        return transport.snapshotAsOf();
    }

    /** The listed companies of DART's corp code list (~3.9k of ~113k); DART refreshes it daily. */
    public Future<Sourced<List<DartCorp>>> corpCodes() {
        UpstreamRequest request = base("/api/corpCode.xml").cacheFor(Duration.ofDays(1)).build();
        return send(request).compose(response -> worker.executeBlocking(
                () -> new Sourced<>(CorpCodeParser.parse(response.body().getBytes()), Fetch.of(SYSTEM, request, response)),
                false));
    }

    public Future<Sourced<DartCompany>> company(String corpCode) {
        UpstreamRequest request = base("/api/company.json").query("corp_code", corpCode)
                .cacheFor(Duration.ofDays(1)).build();
        return Parsing.read(SYSTEM, request, sendJson(request), sourced -> {
            JsonObject j = sourced.value();
            if (DartStatus.NO_DATA.equals(j.getString("status"))) {
                throw new UpstreamException(SYSTEM, UpstreamException.Kind.NOT_FOUND, "DART has no company " + corpCode);
            }
            DartCompany company = new DartCompany(j.getString("corp_code"), j.getString("corp_name"),
                    blankToNull(j.getString("corp_name_eng")), j.getString("stock_name"),
                    blankToNull(j.getString("stock_code")), j.getString("ceo_nm"), j.getString("corp_cls"),
                    j.getString("adres"), blankToNull(j.getString("hm_url")), j.getString("induty_code"),
                    j.getString("est_dt"), j.getString("acc_mt"));
            return new Sourced<>(company, sourced.fetch());
        });
    }

    /**
     * One page of filings between two dates (DART allows up to 100 per page). {@code type} is DART's pblntf_ty
     * (A = periodic reports, B = major events, ...) or null for all.
     */
    public Future<Sourced<DartDisclosurePage>> disclosures(String corpCode, LocalDate from, LocalDate to, String type,
                                                           int pageNo, int pageCount, boolean includesToday) {
        UpstreamRequest request = base("/api/list.json")
                .query("corp_code", corpCode)
                .query("bgn_de", from.format(BASIC))
                .query("end_de", to.format(BASIC))
                .query("pblntf_ty", type)
                .query("page_no", Integer.toString(pageNo))
                .query("page_count", Integer.toString(pageCount))
                .cacheFor(includesToday ? Duration.ofMinutes(10) : Duration.ofHours(12))
                .build();
        return Parsing.read(SYSTEM, request, sendJson(request), sourced -> {
            JsonObject j = sourced.value();
            if (DartStatus.NO_DATA.equals(j.getString("status"))) {
                return new Sourced<>(DartDisclosurePage.empty(pageNo, pageCount), sourced.fetch());
            }
            List<DartDisclosure> items = new ArrayList<>();
            JsonArray list = j.getJsonArray("list", new JsonArray());
            for (int i = 0; i < list.size(); i++) {
                JsonObject d = list.getJsonObject(i);
                items.add(new DartDisclosure(d.getString("corp_code"), d.getString("corp_name"),
                        blankToNull(d.getString("stock_code")), d.getString("corp_cls"), d.getString("report_nm"),
                        d.getString("rcept_no"), d.getString("flr_nm"), LocalDate.parse(d.getString("rcept_dt"), BASIC),
                        d.getString("rm", "")));
            }
            return new Sourced<>(new DartDisclosurePage(intOf(j, "page_no", pageNo), intOf(j, "page_count", pageCount),
                    intOf(j, "total_count", items.size()), intOf(j, "total_page", 1), List.copyOf(items)),
                    sourced.fetch());
        });
    }

    /** Key accounts of one report, consolidated and separate rows together (fnlttSinglAcnt). Empty on 013. */
    public Future<Sourced<List<DartAccount>>> keyAccounts(String corpCode, int year, String reportCode) {
        UpstreamRequest request = base("/api/fnlttSinglAcnt.json")
                .query("corp_code", corpCode)
                .query("bsns_year", Integer.toString(year))
                .query("reprt_code", reportCode)
                .cacheFor(Duration.ofDays(30))
                .build();
        return Parsing.read(SYSTEM, request, sendJson(request), s -> new Sourced<>(accounts(s.value(), null), s.fetch()));
    }

    /** The full statements of one report for CFS or OFS (fnlttSinglAcntAll). Empty on 013. */
    public Future<Sourced<List<DartAccount>>> allAccounts(String corpCode, int year, String reportCode, String fsDiv) {
        UpstreamRequest request = base("/api/fnlttSinglAcntAll.json")
                .query("corp_code", corpCode)
                .query("bsns_year", Integer.toString(year))
                .query("reprt_code", reportCode)
                .query("fs_div", fsDiv)
                .cacheFor(Duration.ofDays(30))
                .build();
        return Parsing.read(SYSTEM, request, sendJson(request), s -> new Sourced<>(accounts(s.value(), fsDiv), s.fetch()));
    }

    private UpstreamRequest.Builder base(String path) {
        return UpstreamRequest.get(path).endpoint("GET " + path).secretQuery("crtfc_key", apiKey);
    }

    private Future<UpstreamResponse> send(UpstreamRequest request) {
        return transport.send(request).map(response -> {
            if (!response.ok()) {
                throw UpstreamException.forStatus(SYSTEM, response.status(), null);
            }
            byte[] head = response.body().getBytes(0, Math.min(4, response.body().length()));
            if (!CorpCodeParser.isZip(head) && request.path().endsWith(".xml")) {
                // ZIP endpoints answer errors as an XML status document with HTTP 200
                throw DartStatus.failure(CorpCodeParser.xmlStatus(response.text()));
            }
            return response;
        });
    }

    private Future<Sourced<JsonObject>> sendJson(UpstreamRequest request) {
        return send(request).map(response -> {
            JsonObject json;
            try {
                json = new JsonObject(response.body());
            } catch (DecodeException e) {
                throw new UpstreamException(SYSTEM, UpstreamException.Kind.BAD_RESPONSE,
                        "DART answered something that is not JSON for " + request.endpoint());
            }
            String status = json.getString("status");
            if (!DartStatus.isAnswer(status)) {
                throw DartStatus.failure(status);
            }
            return new Sourced<>(json, Fetch.of(SYSTEM, request, response));
        });
    }

    private static List<DartAccount> accounts(JsonObject json, String fsDivOfRequest) {
        List<DartAccount> out = new ArrayList<>();
        JsonArray list = json.getJsonArray("list", new JsonArray());
        for (int i = 0; i < list.size(); i++) {
            JsonObject a = list.getJsonObject(i);
            String fsDiv = a.getString("fs_div", fsDivOfRequest);
            out.add(new DartAccount(a.getString("rcept_no"), a.getString("reprt_code"), a.getString("bsns_year"),
                    fsDiv, a.getString("sj_div"), a.getString("sj_nm"), blankToNull(a.getString("account_id")),
                    a.getString("account_nm"), a.getString("thstrm_nm"), a.getString("thstrm_dt"),
                    amount(a.getString("thstrm_amount")), amount(a.getString("thstrm_add_amount")),
                    amount(a.getString("frmtrm_amount")), a.getString("frmtrm_nm"),
                    intOf(a, "ord", i), a.getString("currency", "KRW"), amount(a.getString("bfefrmtrm_amount")),
                    a.getString("bfefrmtrm_nm")));
        }
        return List.copyOf(out);
    }

    /** DART amounts: "195,936,557,000,000", "-1,234", "" or "-" for none. */
    static Long amount(String raw) {
        if (raw == null) {
            return null;
        }
        String digits = raw.replace(",", "").trim();
        if (digits.isEmpty() || digits.equals("-")) {
            return null;
        }
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static int intOf(JsonObject j, String key, int fallback) {
        Object v = j.getValue(key);
        if (v instanceof Number n) {
            return n.intValue();
        }
        if (v instanceof String s && !s.isBlank()) {
            try {
                return Integer.parseInt(s.trim());
            } catch (NumberFormatException ignored) {
                return fallback;
            }
        }
        return fallback;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
