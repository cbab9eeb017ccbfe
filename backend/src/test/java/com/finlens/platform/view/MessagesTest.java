package com.finlens.platform.view;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class MessagesTest {

    @Test
    @DisplayName("Korean and English UI text have exactly the same keys")
    void bundlesInSync() {
        Messages messages = new Messages();
        assertThat(messages.keys("ko")).containsExactlyInAnyOrderElementsOf(messages.keys("en"));
    }

    @Test
    @DisplayName("Korean text is read as UTF-8")
    void koreanIsUtf8() {
        assertThat(new Messages().get("ko", "nav.chat")).isEqualTo("질문하기");
    }
}
