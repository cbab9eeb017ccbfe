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

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "localhost:8080", "127.0.0.1:49152", "127.0.0.1", "[::1]:8080", "[::1]"})
    @DisplayName("A Host header naming this machine, with or without a port, is loopback")
    void loopbackAuthorities(String authority) {
        assertThat(Loopback.isLoopbackAuthority(authority)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"rebind.attacker.example:8080", "127.0.0.1.nip.io:8080", "localhost.example.com",
            "[::2]:8080", "[::1", "::1", ":8080", ""})
    @DisplayName("A Host header naming another host, or a malformed one, is not loopback")
    void notLoopbackAuthorities(String authority) {
        assertThat(Loopback.isLoopbackAuthority(authority)).isFalse();
        assertThat(Loopback.isLoopbackAuthority(null)).isFalse();
    }
}
