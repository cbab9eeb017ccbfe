package com.finlens.assistant.llm;

import static org.assertj.core.api.Assertions.assertThat;

import com.finlens.platform.config.Env;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LlmConfigTest {

    @Test
    @DisplayName("With no keys there is no provider, so the assistant runs offline")
    void noKeysMeansOffline() {
        Env env = new Env(Map.of());

        LlmConfig config = LlmConfig.from(env);

        assertThat(config.hasProviders()).isFalse();
        assertThat(env.problems()).isEmpty();
        assertThat(config.firstTokenTimeout()).isEqualTo(Duration.ofSeconds(15));
    }

    @Test
    @DisplayName("Providers follow FINLENS_LLM_ORDER; RunPod's URLs are built from the endpoint id")
    void orderAndRunPodUrls() {
        Env env = new Env(Map.of(
                "FINLENS_OPENAI_API_KEY", "sk-1",
                "FINLENS_RUNPOD_API_KEY", "rp-1",
                "FINLENS_RUNPOD_ENDPOINT_ID", "abc123",
                "FINLENS_RUNPOD_MODEL", "meta-llama/Llama-3.1-8B-Instruct",
                "FINLENS_LLM_ORDER", "openai, runpod",
                "FINLENS_LLM_COOL_DOWN", "2m"));

        LlmConfig config = LlmConfig.from(env);

        assertThat(env.problems()).isEmpty();
        assertThat(config.providers()).extracting(ProviderSettings::name).containsExactly("openai", "runpod");
        assertThat(config.providers().get(0).baseUrl()).isEqualTo("https://api.openai.com/v1");
        assertThat(config.providers().get(0).model()).isEqualTo("gpt-4o-mini");
        assertThat(config.providers().get(1).baseUrl()).isEqualTo("https://api.runpod.ai/v2/abc123/openai/v1");
        assertThat(config.providers().get(1).healthUrl()).isEqualTo("https://api.runpod.ai/v2/abc123");
        assertThat(config.coolDown()).isEqualTo(Duration.ofMinutes(2));
        assertThat(config.providers().toString()).doesNotContain("sk-1").doesNotContain("rp-1");
    }

    @Test
    @DisplayName("Half a RunPod configuration and an unknown provider name are reported, without echoing the key")
    void problems() {
        Env env = new Env(Map.of("FINLENS_RUNPOD_API_KEY", "rp-secret", "FINLENS_LLM_ORDER", "runpod,claude"));

        LlmConfig.from(env);

        assertThat(env.problems()).hasSize(2);
        assertThat(String.join(" ", env.problems())).contains("FINLENS_RUNPOD_ENDPOINT_ID").contains("claude")
                .doesNotContain("rp-secret");
    }
}
