package com.finlens.account.signin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SignInRateLimitTest {

    /** A clock the test moves by hand. */
    private static final class ManualClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advanceMillis(long millis) {
            now = now.plusMillis(millis);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    @DisplayName("An address gets a burst of the per-minute limit, then waits for tokens to refill; others are unaffected")
    void burstThenRefill() {
        ManualClock clock = new ManualClock();
        SignInRateLimit limit = new SignInRateLimit(clock, 6);
        for (int i = 0; i < 6; i++) {
            assertThat(limit.take("203.0.113.1")).isZero();
        }
        assertThat(limit.take("203.0.113.1")).isCloseTo(10_000L, within(1L));
        assertThat(limit.take("203.0.113.2")).isZero();

        clock.advanceMillis(9_000);
        assertThat(limit.take("203.0.113.1")).isCloseTo(1_000L, within(1L));
        clock.advanceMillis(1_001);
        assertThat(limit.take("203.0.113.1")).isZero();
        assertThat(limit.take("203.0.113.1")).isPositive();
    }
}
