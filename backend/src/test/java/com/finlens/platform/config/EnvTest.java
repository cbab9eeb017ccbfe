package com.finlens.platform.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class EnvTest {

    @Test
    @DisplayName("Durations accept 30s, 5m, 2h, 1d and ISO-8601")
    void durations() {
        assertThat(Env.parseDuration("30s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(Env.parseDuration("5m")).isEqualTo(Duration.ofMinutes(5));
        assertThat(Env.parseDuration("2h")).isEqualTo(Duration.ofHours(2));
        assertThat(Env.parseDuration("1d")).isEqualTo(Duration.ofDays(1));
        assertThat(Env.parseDuration("PT90S")).isEqualTo(Duration.ofSeconds(90));
    }
}
