package com.finlens.platform.config;

/**
 * Vert.x's own thread pools. Its defaults (20 workers, 20 internal blocking threads) are sized for a large host;
 * here the worker pool only starts the database and replays bundled snapshots, and the internal pool serves file
 * access (static files, uploads), so a few threads each are plenty and every thread not started is stack not held.
 */
public record ThreadsConfig(int workerPoolSize, int internalBlockingPoolSize) {

    public static ThreadsConfig from(Env env) {
        return new ThreadsConfig(env.integer("FINLENS_VERTX_WORKER_THREADS", 4, 1, 64),
                env.integer("FINLENS_VERTX_INTERNAL_BLOCKING_THREADS", 4, 1, 64));
    }
}
