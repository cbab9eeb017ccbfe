package com.finlens;

import com.finlens.account.AccountDataHook;
import com.finlens.account.AccountRoutes;
import com.finlens.account.AccountService;
import com.finlens.account.signin.AuthHousekeeping;
import com.finlens.account.signin.DevExtensionSignInRoutes;
import com.finlens.account.signin.GoogleSignInRoutes;
import com.finlens.account.signin.SessionRepository;
import com.finlens.account.signin.SessionService;
import com.finlens.account.signin.SignInConfig;
import com.finlens.account.signin.SignInRateLimit;
import com.finlens.account.signin.SignInRoutes;
import com.finlens.account.signin.WebSession;
import com.finlens.account.signin.google.GoogleOidc;
import com.finlens.account.signin.google.GoogleSignIn;
import com.finlens.account.signin.google.OAuthAttempt;
import com.finlens.account.signin.google.OAuthAttemptRepository;
import com.finlens.account.signin.tokens.AccessToken;
import com.finlens.account.signin.tokens.ExtensionTokenRoutes;
import com.finlens.account.signin.tokens.ExtensionTokenService;
import com.finlens.account.signin.tokens.RefreshToken;
import com.finlens.account.signin.tokens.TokenFamily;
import com.finlens.account.signin.tokens.TokenRepository;
import com.finlens.account.user.User;
import com.finlens.account.user.UserRepository;
import com.finlens.assistant.AnswerHeartbeat;
import com.finlens.assistant.ChatPages;
import com.finlens.assistant.ConversationAccountData;
import com.finlens.assistant.Conversation;
import com.finlens.assistant.ConversationRepository;
import com.finlens.assistant.ConversationRoutes;
import com.finlens.assistant.ConversationService;
import com.finlens.assistant.Message;
import com.finlens.assistant.llm.LlmRouter;
import com.finlens.assistant.pipeline.PipelineAnswerSource;
import com.finlens.assistant.sources.KnowledgePassages;
import com.finlens.assistant.sources.MarketCompanyLookup;
import com.finlens.assistant.sources.MarketFactsSource;
import com.finlens.assistant.sources.SharedDisclosures;
import com.finlens.assistant.usage.AccountUsage;
import com.finlens.assistant.usage.AnswerQuota;
import com.finlens.assistant.usage.SqlUsageStore;
import com.finlens.assistant.usage.UsageRoutes;
import com.finlens.integration.embeddings.OpenAiCompatibleEmbedder;
import com.finlens.integration.weaviate.WeaviateVectorStore;
import com.finlens.knowledge.KnowledgeAccountData;
import com.finlens.knowledge.KnowledgeBase;
import com.finlens.knowledge.KnowledgePages;
import com.finlens.knowledge.document.DocumentRepository;
import com.finlens.knowledge.document.DocumentRow;
import com.finlens.knowledge.document.HibernateDocumentRepository;
import com.finlens.knowledge.document.JobRow;
import com.finlens.knowledge.embedding.Embedder;
import com.finlens.knowledge.embedding.EmbeddingSpace;
import com.finlens.knowledge.embedding.LocalMiniLmEmbedder;
import com.finlens.knowledge.store.LuceneVectorStore;
import com.finlens.knowledge.store.VectorStore;
import com.finlens.market.MarketModule;
import com.finlens.market.api.CompanyPages;
import com.finlens.market.api.MarketRoutes;
import com.finlens.market.cache.MySqlMarketCacheStore;
import com.finlens.platform.auth.AuthHandler;
import com.finlens.platform.auth.Secrets;
import com.finlens.platform.auth.SessionCookie;
import com.finlens.platform.auth.SignInGuard;
import com.finlens.platform.auth.SignInGuard.PublicRoute;
import com.finlens.platform.db.Database;
import com.finlens.platform.db.OwnContext;
import com.finlens.platform.http.EventLoopLag;
import com.finlens.platform.http.HttpMetrics;
import com.finlens.platform.http.FailureHandler;
import com.finlens.platform.http.HealthRoutes;
import com.finlens.platform.http.HttpVerticle;
import com.finlens.platform.http.OpenApiRoutes;
import com.finlens.platform.http.RequestLog;
import com.finlens.platform.http.RouteModule;
import com.finlens.platform.ratelimit.ApiRateLimit;
import com.finlens.platform.ratelimit.RateWindows;
import com.finlens.platform.view.Messages;
import com.finlens.platform.view.Views;
import com.finlens.watchlist.WatchlistAccountData;
import com.finlens.watchlist.WatchlistModule;
import io.vertx.micrometer.backends.BackendRegistries;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.hibernate.reactive.mutiny.Mutiny;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The composition root: the only place that decides which implementation serves each port. */
final class Wiring {

    private static final Logger LOG = LoggerFactory.getLogger(Wiring.class);

    /** Every entity Hibernate maps; Flyway owns the tables. */
    static final List<Class<?>> ENTITIES = List.of(User.class, WebSession.class, OAuthAttempt.class,
            TokenFamily.class, RefreshToken.class, AccessToken.class, Conversation.class, Message.class,
            DocumentRow.class, JobRow.class);

    /**
     * The only routes anonymous callers reach; every other route, page or API, needs a signed-in user
     * ({@link SignInGuard}). Keep it short: each entry is a door without a lock.
     */
    static final List<PublicRoute> PUBLIC_ROUTES = List.of(
            PublicRoute.get("/"), PublicRoute.get(SignInGuard.SIGN_IN_PAGE),
            PublicRoute.post("/auth/dev"), PublicRoute.post("/auth/logout"),
            PublicRoute.get("/auth/google"), PublicRoute.get("/auth/google/callback"),
            // The extension's sign-in pages and token refresh: the refresh token in the body is the credential.
            PublicRoute.any("/auth/extension/*"),
            PublicRoute.get("/api/v1/session"), PublicRoute.get("/api/v1/sign-in/methods"),
            PublicRoute.get("/api/v1/openapi.json"), PublicRoute.get("/api/docs"),
            PublicRoute.get("/health/live"), PublicRoute.get("/health/ready"), PublicRoute.get("/metrics"),
            PublicRoute.get("/static/*"));

    private final Vertx vertx;
    private final AppConfig config;
    private final String metricsRegistry;
    private final Clock clock = Clock.systemUTC();
    private final WorkerExecutor knowledgeWorker;
    private final Embedder embedder;
    private final Future<? extends VectorStore> store;
    private MarketModule market;
    private KnowledgeBase knowledge;
    private AnswerHeartbeat heartbeat;
    private WatchlistModule watchlist;

    /**
     * Starts what needs no database at once, so it overlaps the database's start: the knowledge index opens (with
     * Nori's dictionaries) and the embedding model loads on the knowledge worker pool. The embedder is the remote
     * endpoint when configured, else the in-jar MiniLM model; the store is Weaviate when configured, else Lucene.
     */
    Wiring(Vertx vertx, AppConfig config, String metricsRegistry) {
        this.vertx = vertx;
        this.config = config;
        this.metricsRegistry = metricsRegistry;
        this.knowledgeWorker = vertx.createSharedWorkerExecutor(KnowledgeBase.WORKER_POOL,
                config.knowledge().workerPoolSize());
        this.embedder = config.embeddings().enabled() ? new OpenAiCompatibleEmbedder(vertx, config.embeddings())
                : new LocalMiniLmEmbedder(knowledgeWorker);
        EmbeddingSpace space = EmbeddingSpace.of(embedder);
        long started = System.nanoTime();
        this.store = config.weaviate().enabled()
                ? WeaviateVectorStore.open(knowledgeWorker, config.weaviate(), space)
                : LuceneVectorStore.open(knowledgeWorker, config.knowledge().indexDir(), space);
        store.onSuccess(opened -> LOG.info("Knowledge index open in {} ms: {} store, embeddings {} ({} dimensions)",
                Duration.ofNanos(System.nanoTime() - started).toMillis(), config.weaviate().enabled() ? "Weaviate"
                        : "Lucene at " + config.knowledge().indexDir(), space.model(), space.dimension()));
        // Load the embedding model now (1-2 s for the in-jar one) rather than in the first user's search.
        embedder.embed(List.of("warm-up"))
                .onSuccess(v -> LOG.info("Embedding model {} loaded in {} ms", space.model(),
                        Duration.ofNanos(System.nanoTime() - started).toMillis()))
                .onFailure(e -> LOG.warn("Embedder warm-up failed: {}", e.getMessage()));
    }

    /**
     * Once the database is migrated: builds every feature (the knowledge base once its index is open, the market
     * feature once its bundled data is read, both on their workers) and a factory of HTTP verticles that serve
     * them: one per event loop, all sharing the same services.
     */
    Future<Supplier<HttpVerticle>> httpVerticles(Database database, RequestLog requestLog,
                                                 HttpVerticle.Listening onListening) {
        Mutiny.SessionFactory sessions = database.sessionFactory();
        DocumentRepository documents = new HibernateDocumentRepository(sessions);
        Future<KnowledgeBase> knowledgeStarted = store.compose(opened -> KnowledgeBase.start(vertx, knowledgeWorker,
                opened, embedder, config.knowledge(), documents, clock)).onSuccess(started -> knowledge = started);
        Future<MarketModule> marketStarted = MarketModule.start(vertx, config.market(),
                new MySqlMarketCacheStore(sessions, clock), clock).onSuccess(started -> market = started);
        return Future.all(knowledgeStarted, marketStarted)
                .compose(started -> build(database, sessions, requestLog, onListening));
    }

    private Future<Supplier<HttpVerticle>> build(Database database, Mutiny.SessionFactory sessions,
                                                 RequestLog requestLog, HttpVerticle.Listening onListening) {
        Secrets secrets = new Secrets();
        UserRepository users = new UserRepository(sessions);
        SessionService sessionService = new SessionService(new SessionRepository(sessions), users, secrets, clock,
                config.auth());
        SessionCookie cookie = new SessionCookie(config.http().isHttps(), config.auth().sessionAbsolute());
        Views views = new Views(vertx, new Messages(), Map.of(
                "devSignIn", config.auth().devSignIn(),
                "googleSignIn", config.auth().googleConfigured()));

        market.directory().onFailure(e -> LOG.warn("Company directory not loaded yet: {}", e.getMessage()));

        AnswerQuota quota = new AnswerQuota(new SqlUsageStore(sessions), config.quota(), clock);
        PipelineAnswerSource answers = new PipelineAnswerSource(vertx,
                new MarketCompanyLookup(market.services().resolver()),
                new MarketFactsSource(market.services(),
                        new SharedDisclosures(new OwnContext(vertx), knowledge.service())::remember),
                new KnowledgePassages(knowledge.service()),
                new LlmRouter(vertx, config.llm(), clock), quota, config.pipeline());
        watchlist = new WatchlistModule(vertx, sessions, market.services(), config.watchlist(), clock,
                BackendRegistries.getNow(metricsRegistry), views);
        ConversationRepository conversationRepository = new ConversationRepository(sessions);
        heartbeat = new AnswerHeartbeat(conversationRepository, clock, config.conversations().answerStaleAfter());
        heartbeat.start(vertx);
        ConversationService conversations = new ConversationService(vertx, conversationRepository, answers, clock,
                heartbeat);

        ExtensionTokenService extensionTokens = new ExtensionTokenService(new TokenRepository(sessions), secrets,
                clock, config.auth().accessTokenTtl(), config.auth().refreshTokenTtl(),
                config.auth().revocationBound());
        AuthHandler auth = new AuthHandler(sessionService, cookie, extensionTokens);
        // Without a Google client only development sign-in exists (loopback); see SignInConfig.
        GoogleSignIn google = config.auth().googleConfigured()
                ? new GoogleSignIn(new GoogleOidc(vertx, clock, config.auth().oidcIssuer(),
                        config.auth().googleClientId(), config.auth().googleClientSecret()),
                        new OAuthAttemptRepository(sessions), secrets, clock, config.http().publicUrl())
                : null;
        new AuthHousekeeping(sessionService, extensionTokens, google).start(vertx, Duration.ofHours(1));
        SignInRateLimit signInRateLimit = new SignInRateLimit(clock, config.auth().signInPerMinute());
        List<AccountDataHook> accountDataHooks = List.of(new ConversationAccountData(conversations),
                new KnowledgeAccountData(knowledge.service()), new WatchlistAccountData(watchlist.service()));
        AccountService accounts = new AccountService(users, sessionService, extensionTokens, accountDataHooks,
                clock);

        ApiRateLimit apiRateLimit = new ApiRateLimit(new RateWindows(sessions), clock,
                config.http().apiRatePerMinute());
        apiRateLimit.start(vertx);
        List<RouteModule> features = new ArrayList<>(List.of(
                // First of the API routes, so every /api/v1 route counts against the user's budget.
                (root, api) -> api.route().handler(apiRateLimit),
                (root, api) -> signInRateLimit.mount(root),
                (root, api) -> new HealthRoutes(database, requestLog).mount(root),
                (root, api) -> new OpenApiRoutes(config.http().publicUrl()).mount(root, api),
                (root, api) -> new SignInRoutes(sessionService, cookie, views, config.auth()).mount(root, api),
                (root, api) -> new ExtensionTokenRoutes(extensionTokens).mount(root),
                (root, api) -> new AccountRoutes(accounts, cookie, views, new AccountUsage(quota, sessions), clock)
                        .mount(root, api),
                (root, api) -> new ConversationRoutes(vertx, conversations).mount(api),
                (root, api) -> new ChatPages(conversations, views).mount(root),
                (root, api) -> new UsageRoutes(quota).mount(api),
                (root, api) -> new MarketRoutes(market.services()).mount(api),
                (root, api) -> new CompanyPages(market.services(), views).mount(root),
                (root, api) -> knowledge.routes().mount(api),
                (root, api) -> new KnowledgePages(views).mount(root),
                (root, api) -> watchlist.routes().mount(api),
                (root, api) -> watchlist.pages().mount(root)));
        if (config.auth().devSignIn()) {
            features.add((root, api) -> new DevExtensionSignInRoutes(users, extensionTokens, views,
                    config.auth().extensionIds(), clock).mount(root));
        }
        if (google != null) {
            features.add((root, api) -> new GoogleSignInRoutes(google, sessionService, cookie, users,
                    extensionTokens, config.auth().extensionIds(), config.http().isHttps(), secrets, clock)
                    .mount(root));
        }

        HttpVerticle.Settings server = new HttpVerticle.Settings(config.http(), config.auth().extensionIds(),
                config.dataDir().resolve("uploads"), metricsRegistry, config.auth().devSignIn());
        HttpVerticle.Security security = new HttpVerticle.Security(auth::identify, new SignInGuard(PUBLIC_ROUTES));
        FailureHandler failures = new FailureHandler(views);
        EventLoopLag lag = new EventLoopLag(metricsRegistry);
        HttpMetrics metrics = new HttpMetrics(BackendRegistries.getNow(metricsRegistry), requestLog::inFlight);
        Supplier<HttpVerticle> verticles = () -> new HttpVerticle(server, security, failures, features, requestLog,
                lag, metrics, onListening);
        return views.warmUp(vertx).map(warm -> verticles);
    }

    /** Releases what the features hold open (index writers, timers, worker pools). */
    Future<Void> close() {
        if (heartbeat != null) {
            heartbeat.stop();
        }
        if (watchlist != null) {
            watchlist.close();
        }
        if (market != null) {
            market.close();
        }
        if (knowledge != null) {
            return knowledge.close();
        }
        // Started before the database and never handed to a knowledge base: close the index and the pool here.
        return store.<Void>transform(opened -> opened.succeeded() ? opened.result().close() : Future.succeededFuture())
                .onComplete(v -> knowledgeWorker.close());
    }
}
