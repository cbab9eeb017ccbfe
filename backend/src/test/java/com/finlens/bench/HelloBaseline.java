package com.finlens.bench;

import com.finlens.App;
import io.vertx.core.AbstractVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerOptions;

/**
 * The benchmark's yardstick: a bare Vert.x hello on the same Vert.x as Finlens, one verticle per core (the fastest
 * this framework serves a request on this machine). Run: {@code HelloBaseline <port>}; prints "ready on" and its
 * transport, as Finlens names it ({@link App#transport}), once listening.
 */
public final class HelloBaseline extends AbstractVerticle {

    private static final Buffer HELLO = Buffer.buffer("Hello, World!");

    @Override
    public void start(io.vertx.core.Promise<Void> started) {
        vertx.createHttpServer(new HttpServerOptions())
                .requestHandler(req -> req.response().putHeader("Content-Type", "text/plain").end(HELLO))
                .listen(Integer.getInteger("bench.port"), "127.0.0.1")
                .<Void>mapEmpty().onComplete(started);
    }

    public static void main(String[] args) {
        System.setProperty("bench.port", args[0]);
        // The transport Finlens prefers too (App), so the two are compared on the same one.
        Vertx vertx = Vertx.vertx(new VertxOptions().setPreferNativeTransport(true));
        vertx.deployVerticle(HelloBaseline::new,
                new DeploymentOptions().setInstances(Runtime.getRuntime().availableProcessors()))
                .onSuccess(id -> System.out.println("ready on " + App.transport(vertx)))
                .onFailure(e -> {
                    e.printStackTrace();
                    System.exit(1);
                });
    }
}
