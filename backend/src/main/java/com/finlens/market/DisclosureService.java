package com.finlens.market;

import com.finlens.integration.dart.DartClient;
import com.finlens.integration.dart.DartDisclosure;
import com.finlens.integration.dart.DartDisclosurePage;
import com.finlens.platform.http.ApiException;
import io.vertx.core.Future;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** DART filings of Korean companies, newest first, deduplicated by receipt number. */
public final class DisclosureService {

    private static final int DISCLOSURE_PAGE_SIZE = 100;
    private static final int DISCLOSURE_MAX_PAGES = 3;

    private final DartClient dart;
    private final MarketDays days;

    public DisclosureService(DartClient dart, MarketDays days) {
        this.dart = dart;
        this.days = days;
    }

    /** "Today" for default filing windows: the DART snapshot day offline, else today in Seoul. */
    public LocalDate filingsToday() {
        return days.filingsToday();
    }

    /** DART filings of a Korean company between two days, newest first (at most 300). */
    public Future<MarketResult<DisclosureList>> disclosures(MarketCompany company, LocalDate from, LocalDate to) {
        return disclosures(company, from, to, null);
    }

    /**
     * Filings of one DART type (pblntf_ty: A periodic reports, B major events, C issuance, D shareholdings,
     * E other, F external audit, G funds, H asset-backed, I exchange disclosures, J FTC), or all when null.
     */
    public Future<MarketResult<DisclosureList>> disclosures(MarketCompany company, LocalDate from, LocalDate to,
                                                            String type) {
        if (company.dartCorpCode() == null) {
            return Future.failedFuture(ApiException.notFound("DART filings of " + company.name()));
        }
        SourceLog log = new SourceLog();
        boolean includesToday = !to.isBefore(days.filingsToday());
        return disclosurePages(company, from, to, type, includesToday, 1, new ArrayList<>(), log).map(pages -> {
            Map<String, Disclosure> byReceipt = new LinkedHashMap<>();
            int total = 0;
            for (DartDisclosurePage page : pages) {
                total = Math.max(total, page.totalCount());
                for (DartDisclosure d : page.items()) {
                    // the bundled snapshot answers one recording whatever the window: keep only what was asked for;
                    // a filing that moved between pages while paging is listed once
                    if (!d.receivedOn().isBefore(from) && !d.receivedOn().isAfter(to)) {
                        byReceipt.putIfAbsent(d.receiptNo(), new Disclosure(d.receivedOn(), d.reportName(),
                                d.receiptNo(), d.filer(), d.remarks(), d.viewerUrl()));
                    }
                }
            }
            List<Disclosure> items = new ArrayList<>(byReceipt.values());
            items.sort(Comparator.comparing(Disclosure::receivedOn).reversed().thenComparing(Disclosure::receiptNo,
                    Comparator.reverseOrder()));
            int fetched = pages.stream().mapToInt(p -> p.items().size()).sum();
            return log.result(new DisclosureList(company, from, to, Math.max(total, items.size()), List.copyOf(items),
                    total > fetched));
        }).recover(t -> t instanceof ApiException ? Future.failedFuture(t) : Future.failedFuture(
                MarketDataNotFound.of("Filings of " + company.name(), log.failures())));
    }

    private Future<List<DartDisclosurePage>> disclosurePages(MarketCompany company, LocalDate from, LocalDate to, String type,
                                                             boolean includesToday, int pageNo,
                                                             List<DartDisclosurePage> pages, SourceLog log) {
        return dart.disclosures(company.dartCorpCode(), from, to, type, pageNo, DISCLOSURE_PAGE_SIZE, includesToday)
                .compose(page -> {
                    log.answered(page.fetch(), from + ".." + to, null, null, null);
                    pages.add(page.value());
                    boolean more = pageNo < page.value().totalPages() && pageNo < DISCLOSURE_MAX_PAGES
                            && !page.fetch().fromSnapshot();
                    return more ? disclosurePages(company, from, to, type, includesToday, pageNo + 1, pages, log)
                            : Future.succeededFuture(pages);
                }, t -> {
                    log.failed(DartClient.SYSTEM, "GET /api/list.json", t);
                    return pages.isEmpty() ? Future.failedFuture(t) : Future.succeededFuture(pages);
                });
    }
}
