package com.finlens.platform.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.finlens.testing.SharedApp;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TransportTest {

    @Test
    @DisplayName("On x86-64 Linux (the production image) the server runs on Netty's native epoll transport, not NIO")
    void nativeEpollOnLinux() {
        assumeTrue(System.getProperty("os.name").equals("Linux") && System.getProperty("os.arch").equals("amd64"),
                "Netty's native epoll library is bundled for x86-64 Linux only");
        Vertx vertx = SharedApp.get().app().vertx();
        assertThat(vertx.isNativeTransportEnabled())
                .as("native transport (cause if not: %s)", vertx.unavailableNativeTransportCause()).isTrue();
    }
}
