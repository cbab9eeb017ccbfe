package com.finlens.platform.db;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Future;
import io.vertx.core.Promise;

/** The one bridge from Mutiny (Hibernate Reactive) to Vert.x futures; services never see a {@link Uni}. */
public final class Futures {

    private Futures() {
    }

    public static <T> Future<T> toFuture(Uni<T> uni) {
        Promise<T> promise = Promise.promise();
        uni.subscribe().with(promise::complete, promise::fail);
        return promise.future();
    }
}
