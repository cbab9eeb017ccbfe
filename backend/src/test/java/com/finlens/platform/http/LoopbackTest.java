package com.finlens.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.DisplayName;

class LoopbackTest {

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "LOCALHOST", "127.0.0.1", "127.1.2.3", "127.255.255.255", "::1", "[::1]",
            "0:0:0:0:0:0:0:1", "[0000:0000:0000:0000:0000:0000:0000:0001]"})
    @DisplayName("Loopback means the name localhost, 127.0.0.0/8 and ::1")
    void loopbackHosts(String host) {
        assertThat(Loopback.isLoopbackHost(host)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.finlens.example.com", "127.0.0.1.nip.io", "localhost.example.com", "127.1",
            "127.0.0.256", "127.0.0.01", "0.0.0.0", "10.0.0.1", "::", "::2", "[::ffff:127.0.0.1]", "", "evil.com",
            "127.0.0.1 ", "0177.0.0.1"})
    @DisplayName("Names that merely look local, other addresses and malformed literals are not loopback")
    void notLoopbackHosts(String host) {
        assertThat(Loopback.isLoopbackHost(host)).isFalse();
    }
}
