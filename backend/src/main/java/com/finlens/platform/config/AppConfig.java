package com.finlens.platform.config;

import com.finlens.assistant.llm.LlmConfig;
import com.finlens.assistant.pipeline.PipelineConfig;
import com.finlens.assistant.usage.QuotaConfig;
import com.finlens.integration.embeddings.EmbeddingsConfig;
import com.finlens.integration.weaviate.WeaviateConfig;
import com.finlens.knowledge.KnowledgeConfig;
import com.finlens.market.MarketConfig;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * All configuration, read once from the environment at startup. Each area owns its record and its
 * {@code from(Env)}; this record composes them and fails with one message that names every bad variable.
 */
public record AppConfig(
        HttpConfig http,
        Path dataDir,
        DbConfig db,
        AuthConfig auth,
        MarketConfig market,
        KnowledgeConfig knowledge,
        EmbeddingsConfig embeddings,
        WeaviateConfig weaviate,
        LlmConfig llm,
        PipelineConfig pipeline,
        QuotaConfig quota) {

    public static AppConfig load(Env env) {
        HttpConfig http = HttpConfig.from(env);
        Path dataDir = Path.of(env.string("FINLENS_DATA_DIR", "./data")).toAbsolutePath().normalize();
        DbConfig db = DbConfig.from(env);
        AuthConfig auth = AuthConfig.from(env, http);
        MarketConfig market = MarketConfig.from(env);
        KnowledgeConfig knowledge = KnowledgeConfig.from(env);
        EmbeddingsConfig embeddings = EmbeddingsConfig.from(env);
        WeaviateConfig weaviate = WeaviateConfig.from(env);
        LlmConfig llm = LlmConfig.from(env);
        PipelineConfig pipeline = PipelineConfig.from(env);
        QuotaConfig quota = QuotaConfig.from(env);
        env.requireValid();
        return new AppConfig(http, dataDir, db, auth, market, knowledge, embeddings, weaviate, llm, pipeline, quota);
    }

    /** HTTP server and public address. */
    public record HttpConfig(String host, int port, String publicUrl, long bodyLimitBytes,
                             boolean trustForwardedHeaders, Duration shutdownGrace, String managementHost,
                             int managementPort, int apiRatePerMinute) {

        static HttpConfig from(Env env) {
            int port = env.integer("FINLENS_PORT", 8080, 0, 65535);
            String host = env.string("FINLENS_HOST", "0.0.0.0");
            String publicUrl = env.url("FINLENS_PUBLIC_URL", "http://localhost:" + (port == 0 ? 8080 : port));
            long bodyLimit = env.longValue("FINLENS_BODY_LIMIT_BYTES", 10L * 1024 * 1024, 1024, 512L * 1024 * 1024);
            boolean trustForwarded = env.bool("FINLENS_TRUST_FORWARDED_HEADERS", false);
            Duration grace = env.duration("FINLENS_SHUTDOWN_GRACE", Duration.ofSeconds(20));
            // Metrics leave the app port: a separate listener, on loopback unless told otherwise.
            String managementHost = env.string("FINLENS_MANAGEMENT_HOST", "127.0.0.1");
            int managementPort = env.integer("FINLENS_MANAGEMENT_PORT", 9464, 0, 65535);
            int apiRate = env.integer("FINLENS_API_RATE_PER_MINUTE", 240, 1, 1_000_000);
            return new HttpConfig(host, port, publicUrl, bodyLimit, trustForwarded, grace, managementHost,
                    managementPort, apiRate);
        }

        public boolean isHttps() {
            return publicUrl.startsWith("https://");
        }

        /** True when the public URL points at this machine (development). */
        public boolean isLoopback() {
            String host = URI.create(publicUrl).getHost();
            return host != null && (host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]")
                    || host.equals("::1") || host.startsWith("127."));
        }
    }

    /**
     * Database: an external MySQL 8 / MariaDB when {@code FINLENS_DB_URL} is set, otherwise an embedded MariaDB
     * whose files live under the data directory.
     */
    public record DbConfig(String url, String user, String password, int embeddedPort, int poolSize) {

        static DbConfig from(Env env) {
            String url = env.raw("FINLENS_DB_URL");
            if (url != null && !(url.startsWith("jdbc:mysql://") || url.startsWith("jdbc:mariadb://"))) {
                env.problem("FINLENS_DB_URL must start with jdbc:mysql:// or jdbc:mariadb:// (was '" + url + "')");
                url = null;
            }
            String user = env.string("FINLENS_DB_USER", url == null ? "root" : null);
            if (url != null && user == null) {
                env.problem("FINLENS_DB_USER is required when FINLENS_DB_URL is set");
            }
            String password = env.secret("FINLENS_DB_PASSWORD");
            int embeddedPort = env.integer("FINLENS_EMBEDDED_DB_PORT", 0, 0, 65535);
            int poolSize = env.integer("FINLENS_DB_POOL_SIZE", 10, 1, 200);
            return new DbConfig(url, user, password == null ? "" : password, embeddedPort, poolSize);
        }

        public boolean isEmbedded() {
            return url == null;
        }

        @Override
        public String toString() {
            return "DbConfig[url=" + url + ", user=" + user + ", password=***, embeddedPort=" + embeddedPort + "]";
        }
    }

    /** Sign-in: Google (OpenID Connect), sessions, extension tokens. */
    /** The id of extension/ in this repository; its manifest "key" pins it. */
    public static final String BUNDLED_EXTENSION_ID = "ddnnmbjcmeigkckpfgccefnenkbkgghf";

    public record AuthConfig(String oidcIssuer, String googleClientId, String googleClientSecret,
                             List<String> extensionIds, Duration sessionIdle, Duration sessionAbsolute,
                             Duration accessTokenTtl, Duration refreshTokenTtl, int signInPerMinute,
                             boolean devSignIn) {

        static AuthConfig from(Env env, HttpConfig http) {
            String issuer = env.url("FINLENS_OIDC_ISSUER", "https://accounts.google.com");
            String clientId = env.raw("FINLENS_GOOGLE_CLIENT_ID");
            String secret = env.secret("FINLENS_GOOGLE_CLIENT_SECRET");
            if (clientId != null && secret == null) {
                env.problem("FINLENS_GOOGLE_CLIENT_SECRET is required when FINLENS_GOOGLE_CLIENT_ID is set");
            }
            if (clientId == null && !http.isLoopback()) {
                env.problem("FINLENS_GOOGLE_CLIENT_ID is required when FINLENS_PUBLIC_URL is not a loopback address"
                        + " (nobody could sign in)");
            }
            List<String> ids = env.list("FINLENS_EXTENSION_IDS");
            for (String id : ids) {
                if (!id.matches("[a-p]{32}")) {
                    env.problem("FINLENS_EXTENSION_IDS must list Chrome extension ids (32 letters a-p), got '" + id + "'");
                }
            }
            Duration idle = env.duration("FINLENS_SESSION_IDLE", Duration.ofHours(12));
            Duration absolute = env.duration("FINLENS_SESSION_ABSOLUTE", Duration.ofDays(14));
            Duration access = env.duration("FINLENS_ACCESS_TOKEN_TTL", Duration.ofMinutes(15));
            Duration refresh = env.duration("FINLENS_REFRESH_TOKEN_TTL", Duration.ofDays(30));
            int perMinute = env.integer("FINLENS_SIGNIN_RATE_PER_MINUTE", 20, 1, 10_000);
            boolean dev = clientId == null && http.isLoopback();
            if (ids.isEmpty() && dev) {
                // Locally, the extension in this repository (its manifest key pins this id) works out of the box.
                ids = List.of(BUNDLED_EXTENSION_ID);
            }
            return new AuthConfig(issuer, clientId, secret, ids, idle, absolute, access, refresh, perMinute, dev);
        }

        public boolean googleConfigured() {
            return googleClientId != null;
        }

        @Override
        public String toString() {
            return "AuthConfig[issuer=" + oidcIssuer + ", clientId=" + googleClientId + ", secret=***, extensions="
                    + extensionIds + ", devSignIn=" + devSignIn + "]";
        }
    }
}
