package com.finlens;

import com.finlens.account.signin.SignInConfig;
import com.finlens.assistant.ConversationConfig;
import com.finlens.assistant.llm.LlmConfig;
import com.finlens.assistant.pipeline.PipelineConfig;
import com.finlens.assistant.usage.QuotaConfig;
import com.finlens.integration.embeddings.EmbeddingsConfig;
import com.finlens.integration.weaviate.WeaviateConfig;
import com.finlens.knowledge.KnowledgeConfig;
import com.finlens.market.MarketConfig;
import com.finlens.platform.config.Env;
import com.finlens.platform.config.ThreadsConfig;
import com.finlens.platform.db.DbConfig;
import com.finlens.platform.http.HttpConfig;
import com.finlens.watchlist.WatchlistConfig;
import java.nio.file.Path;

/**
 * All configuration, read once from the environment at startup. Each area owns its record and its
 * {@code from(Env)}; this record composes them and fails with one message that names every bad variable.
 */
public record AppConfig(
        HttpConfig http,
        Path dataDir,
        DbConfig db,
        SignInConfig auth,
        MarketConfig market,
        KnowledgeConfig knowledge,
        EmbeddingsConfig embeddings,
        WeaviateConfig weaviate,
        LlmConfig llm,
        PipelineConfig pipeline,
        QuotaConfig quota,
        ConversationConfig conversations,
        WatchlistConfig watchlist,
        ThreadsConfig threads) {

    public static AppConfig load(Env env) {
        HttpConfig http = HttpConfig.from(env);
        Path dataDir = Path.of(env.string("FINLENS_DATA_DIR", "./data")).toAbsolutePath().normalize();
        DbConfig db = DbConfig.from(env);
        SignInConfig auth = SignInConfig.from(env, http);
        MarketConfig market = MarketConfig.from(env);
        KnowledgeConfig knowledge = KnowledgeConfig.from(env);
        EmbeddingsConfig embeddings = EmbeddingsConfig.from(env);
        WeaviateConfig weaviate = WeaviateConfig.from(env);
        LlmConfig llm = LlmConfig.from(env);
        PipelineConfig pipeline = PipelineConfig.from(env);
        QuotaConfig quota = QuotaConfig.from(env);
        ConversationConfig conversations = ConversationConfig.from(env);
        WatchlistConfig watchlist = WatchlistConfig.from(env);
        ThreadsConfig threads = ThreadsConfig.from(env);
        env.requireValid();
        return new AppConfig(http, dataDir, db, auth, market, knowledge, embeddings, weaviate, llm, pipeline, quota,
                conversations, watchlist, threads);
    }
}
