package com.finlens.market;

import com.finlens.integration.dart.DartClient;
import com.finlens.integration.dart.DartCorp;
import com.finlens.integration.krx.KrxClient;
import com.finlens.integration.krx.KrxDailyRow;
import com.finlens.integration.krx.KrxMarket;
import com.finlens.integration.upstream.Sourced;
import com.finlens.market.calendar.KrxCalendar;
import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the directory from DART's corp code list and the KRX daily lists of the most recent trading day that has
 * data (KRX publishes at T+1, so it walks back a few trading days). Offline the snapshot day is used.
 */
public final class CompanyDirectoryLoader {

    private static final int MAX_DAYS_BACK = 6;

    private final DartClient dart;
    private final KrxClient krx;
    private final AliasCatalog aliases;
    private final KrxCalendar calendar;
    private final WorkerExecutor worker;
    private final Clock clock;

    public CompanyDirectoryLoader(DartClient dart, KrxClient krx, AliasCatalog aliases, KrxCalendar calendar,
                                  WorkerExecutor worker, Clock clock) {
        this.dart = dart;
        this.krx = krx;
        this.aliases = aliases;
        this.calendar = calendar;
        this.worker = worker;
        this.clock = clock;
    }

    public Future<CompanyDirectory> load() {
        LocalDate start = krx.snapshotAsOf()
                .orElseGet(() -> calendar.lastClosedTradingDay(ZonedDateTime.now(clock)));
        Future<Sourced<List<DartCorp>>> corps = dart.corpCodes();
        Future<Listings> listings = listingsFrom(start, 0);
        return Future.all(corps, listings).compose(done -> worker.executeBlocking(() -> CompanyDirectory.build(
                corps.result().value(), listings.result().rows(), aliases, listings.result().day()), false));
    }

    private record Listings(LocalDate day, List<KrxDailyRow> rows) {
    }

    private Future<Listings> listingsFrom(LocalDate day, int attempt) {
        Future<Sourced<List<KrxDailyRow>>> kospi = krx.dailyTrading(KrxMarket.KOSPI, day);
        Future<Sourced<List<KrxDailyRow>>> kosdaq = krx.dailyTrading(KrxMarket.KOSDAQ, day);
        return Future.all(kospi, kosdaq).compose(done -> {
            List<KrxDailyRow> rows = new ArrayList<>(kospi.result().value());
            rows.addAll(kosdaq.result().value());
            if (rows.isEmpty() && attempt < MAX_DAYS_BACK) {
                return listingsFrom(calendar.previousTradingDay(day), attempt + 1);
            }
            return Future.succeededFuture(new Listings(day, rows));
        });
    }
}
