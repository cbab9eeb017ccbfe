package com.finlens.market;

import com.finlens.integration.dart.DartClient;
import com.finlens.integration.krx.KrxClient;
import com.finlens.integration.yahoo.YahooClient;
import com.finlens.market.calendar.KrxCalendar;
import io.vertx.core.Future;
import java.time.Clock;

/** The market services wired the way {@link MarketModule} wires them, over clients the test chose. */
public final class TestMarkets {

    private TestMarkets() {
    }

    public static MarketServices services(CompanyDirectory directory, DartClient dart, KrxClient krx,
                                          YahooClient yahoo, Clock clock) {
        MentionFinder finder = new MentionFinder(directory, AliasCatalog.bundled().mentionStopwords());
        PriceDataset dataset = krx.snapshotAsOf().isPresent() ? PriceDataset.bundled() : PriceDataset.none();
        MarketDays days = new MarketDays(dart, krx, yahoo, dataset, clock);
        PriceService prices = new PriceService(krx, yahoo, dataset, KrxCalendar.bundled(), days, clock);
        return new MarketServices(new CompanyResolver(() -> Future.succeededFuture(directory),
                () -> Future.succeededFuture(finder), yahoo,
                AliasCatalog.bundled().groups()), new ProfileService(dart, yahoo, prices), prices,
                new DisclosureService(dart, days), new FinancialsService(dart, yahoo, days), days);
    }
}
