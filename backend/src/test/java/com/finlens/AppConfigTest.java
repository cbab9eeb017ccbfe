package com.finlens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.finlens.platform.config.ConfigException;
import com.finlens.platform.config.Env;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AppConfigTest {

    @Test
    @DisplayName("With no variables the app runs on embedded defaults on port 8080 with development sign-in")
    void defaults() {
        AppConfig config = AppConfig.load(new Env(Map.of()));
        assertThat(config.http().port()).isEqualTo(8080);
        assertThat(config.http().publicUrl()).isEqualTo("http://localhost:8080");
        assertThat(config.db().isEmbedded()).isTrue();
        assertThat(config.dataDir().toString()).endsWith("data");
        assertThat(config.auth().devSignIn()).isTrue();
        assertThat(config.auth().googleConfigured()).isFalse();
    }

    @Test
    @DisplayName("Responses are compressed by default when served to other machines, not over loopback, and never when told not to")
    void compressionDefaults() {
        assertThat(AppConfig.load(new Env(Map.of())).http().compression()).isFalse();
        Map<String, String> publicServer = Map.of("FINLENS_PUBLIC_URL", "https://finlens.example.com",
                "FINLENS_GOOGLE_CLIENT_ID", "id.apps.googleusercontent.com", "FINLENS_GOOGLE_CLIENT_SECRET", "secret");
        assertThat(AppConfig.load(new Env(publicServer)).http().compression()).isTrue();
        Map<String, String> behindProxy = new java.util.HashMap<>(publicServer);
        behindProxy.put("FINLENS_HTTP_COMPRESSION", "false");
        assertThat(AppConfig.load(new Env(behindProxy)).http().compression()).isFalse();
        assertThat(AppConfig.load(new Env(Map.of("FINLENS_HTTP_COMPRESSION", "true"))).http().compression())
                .isTrue();
    }

    @Test
    @DisplayName("Environment values win over defaults")
    void environmentWins() {
        AppConfig config = AppConfig.load(new Env(Map.of(
                "FINLENS_PORT", "9090",
                "FINLENS_DB_URL", "jdbc:mysql://db:3306/finlens",
                "FINLENS_DB_USER", "finlens",
                "FINLENS_DB_PASSWORD", "s3cret",
                "FINLENS_SESSION_IDLE", "30m")));
        assertThat(config.http().port()).isEqualTo(9090);
        assertThat(config.db().isEmbedded()).isFalse();
        assertThat(config.db().password()).isEqualTo("s3cret");
        assertThat(config.db().toString()).doesNotContain("s3cret");
        assertThat(config.auth().sessionIdle()).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    @DisplayName("Every bad variable is named in one error")
    void namesEveryBadVariable() {
        assertThatThrownBy(() -> AppConfig.load(new Env(Map.of(
                "FINLENS_PORT", "eighty",
                "FINLENS_PUBLIC_URL", "not a url",
                "FINLENS_DB_URL", "postgres://x",
                "FINLENS_BODY_LIMIT_BYTES", "5",
                "FINLENS_EXTENSION_IDS", "abc"))))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).problems())
                        .anySatisfy(p -> assertThat(p).startsWith("FINLENS_PORT"))
                        .anySatisfy(p -> assertThat(p).startsWith("FINLENS_PUBLIC_URL"))
                        .anySatisfy(p -> assertThat(p).startsWith("FINLENS_DB_URL"))
                        .anySatisfy(p -> assertThat(p).startsWith("FINLENS_BODY_LIMIT_BYTES"))
                        .anySatisfy(p -> assertThat(p).startsWith("FINLENS_EXTENSION_IDS")));
    }

    @Test
    @DisplayName("A public (non-loopback) address without a Google client is refused: nobody could sign in")
    void publicWithoutGoogleIsRefused() {
        assertThatThrownBy(() -> AppConfig.load(new Env(Map.of("FINLENS_PUBLIC_URL", "https://finlens.example.com"))))
                .hasMessageContaining("FINLENS_GOOGLE_CLIENT_ID");
    }

    @Test
    @DisplayName("A public URL whose name only starts with 127. is not loopback: without Google it is refused")
    void lookalikeLoopbackIsRefused() {
        assertThatThrownBy(() -> AppConfig.load(new Env(Map.of("FINLENS_PUBLIC_URL", "https://127.finlens.example.com"))))
                .hasMessageContaining("FINLENS_GOOGLE_CLIENT_ID");
        assertThat(AppConfig.load(new Env(Map.of("FINLENS_PUBLIC_URL", "http://127.0.0.2:8080"))).auth().devSignIn())
                .isTrue();
        assertThat(AppConfig.load(new Env(Map.of("FINLENS_PUBLIC_URL", "http://[::1]:8080"))).auth().devSignIn())
                .isTrue();
    }

    @Test
    @DisplayName("With development sign-in the server listens on 127.0.0.1 and refuses to be bound to every interface")
    void devSignInListensOnLoopbackOnly() {
        assertThat(AppConfig.load(new Env(Map.of())).http().host()).isEqualTo("127.0.0.1");
        assertThatThrownBy(() -> AppConfig.load(new Env(Map.of("FINLENS_HOST", "0.0.0.0"))))
                .hasMessageContaining("FINLENS_HOST");
        AppConfig production = AppConfig.load(new Env(Map.of(
                "FINLENS_PUBLIC_URL", "https://finlens.example.com",
                "FINLENS_GOOGLE_CLIENT_ID", "id.apps.googleusercontent.com",
                "FINLENS_GOOGLE_CLIENT_SECRET", "secret")));
        assertThat(production.http().host()).isEqualTo("0.0.0.0");
        assertThat(AppConfig.load(new Env(Map.of("FINLENS_HOST", "10.1.2.3",
                "FINLENS_GOOGLE_CLIENT_ID", "id.apps.googleusercontent.com",
                "FINLENS_GOOGLE_CLIENT_SECRET", "secret"))).http().host()).isEqualTo("10.1.2.3");
    }

    @Test
    @DisplayName("Development sign-in is off as soon as a Google client is configured")
    void devSignInOffWithGoogle() {
        AppConfig config = AppConfig.load(new Env(Map.of(
                "FINLENS_GOOGLE_CLIENT_ID", "id.apps.googleusercontent.com",
                "FINLENS_GOOGLE_CLIENT_SECRET", "secret")));
        assertThat(config.auth().devSignIn()).isFalse();
        assertThat(config.auth().toString()).doesNotContain("secret=secret");
    }
}
