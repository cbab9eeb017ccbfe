package com.finlens.watchlist;

import com.finlens.testing.TestApp;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads how many DART requests one app instance's watchlist poller made, from its Prometheus endpoint (the loopback management port). */
final class WatchlistMetrics {

    private static final Pattern POLLS = Pattern.compile("(?m)^finlens_watchlist_company_polls_total(?:\\{[^}]*\\})? (\\S+)$");

    private WatchlistMetrics() {
    }

    static long companyPolls(TestApp app) {
        String body = TestApp.await(app.client().get(app.managementPort(), "127.0.0.1", "/metrics").send())
                .bodyAsString();
        Matcher m = POLLS.matcher(body);
        return m.find() ? (long) Double.parseDouble(m.group(1)) : 0;
    }
}
