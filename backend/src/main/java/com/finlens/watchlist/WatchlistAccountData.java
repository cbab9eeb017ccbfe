package com.finlens.watchlist;

import com.finlens.account.AccountDataHook;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;

/**
 * The watchlist's part of "export my data": the watched companies. Deletion needs nothing here: watched companies
 * and the read state cascade with the user row; filings belong to no user.
 */
public final class WatchlistAccountData implements AccountDataHook {

    private final WatchlistService watchlist;

    public WatchlistAccountData(WatchlistService watchlist) {
        this.watchlist = watchlist;
    }

    @Override
    public String section() {
        return "watchlist";
    }

    @Override
    public Future<JsonArray> export(long userId) {
        return watchlist.list(userId).map(items -> {
            JsonArray out = new JsonArray();
            items.forEach(c -> out.add(c.toJson()));
            return out;
        });
    }

    @Override
    public Future<Void> deleteAll(long userId) {
        return Future.succeededFuture();
    }
}
