package com.finlens.market;

import static com.finlens.testing.ReplayServer.await;

import com.finlens.integration.dart.DartClient;
import com.finlens.integration.krx.KrxClient;
import com.finlens.integration.upstream.SnapshotTransport;
import com.finlens.market.calendar.KrxCalendar;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.time.Clock;

/**
 * The directory the product uses offline (the bundled DART corp list and KRX lists of 2024-01-05), built once per
 * test JVM because parsing the 113k-entry corp list takes seconds on a busy machine.
 */
public final class SnapshotDirectory {

    private static CompanyDirectory shared;

    private SnapshotDirectory() {
    }

    public static synchronized CompanyDirectory shared() {
        if (shared == null) {
            shared = build();
        }
        return shared;
    }

    private static CompanyDirectory build() {
        Vertx vertx = Vertx.vertx();
        WorkerExecutor worker = vertx.createSharedWorkerExecutor("directory-test", 1);
        try {
            CompanyDirectoryLoader loader = new CompanyDirectoryLoader(
                    new DartClient(SnapshotTransport.load(vertx, "dart"), null, worker),
                    new KrxClient(SnapshotTransport.load(vertx, "krx"), null, Clock.systemUTC(), worker),
                    AliasCatalog.bundled(), KrxCalendar.bundled(), worker, Clock.systemUTC());
            return await(loader.load());
        } finally {
            worker.close();
            await(vertx.close());
        }
    }
}
