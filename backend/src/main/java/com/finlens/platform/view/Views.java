package com.finlens.platform.view;

import com.finlens.platform.auth.AuthHandler;
import com.finlens.platform.auth.SignedInSession;
import com.finlens.platform.http.ApiException;
import com.finlens.platform.http.ErrorPage;
import com.finlens.platform.http.RequestLog;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.templ.thymeleaf.ThymeleafTemplateEngine;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Renders Thymeleaf pages from {@code web-templates/} with the base model every page needs: the signed-in user,
 * the CSRF token for forms, the language and the sign-in options. Templates escape by default ({@code th:text}).
 */
public final class Views implements ErrorPage {

    private static final String LANG_COOKIE = "finlens_lang";

    private static final String PROBLEM_PREFIX = "problem.";

    private static final String ERROR_TEMPLATE = "templates/error/error.html";

    private final ThymeleafTemplateEngine engine;
    private final Messages messages;
    private final Map<String, Object> siteModel;
    /** Per language, {"<problem type>": "localized message"} as JSON, for page scripts that show API errors. */
    private final Map<String, String> problemMessages = new HashMap<>();

    public Views(Vertx vertx, Messages messages, Map<String, Object> siteModel) {
        this.engine = ThymeleafTemplateEngine.create(vertx);
        this.engine.getThymeleafTemplateEngine().setMessageResolver(messages);
        this.messages = messages;
        this.siteModel = Map.copyOf(siteModel);
        for (String lang : Messages.LANGUAGES) {
            io.vertx.core.json.JsonObject json = new io.vertx.core.json.JsonObject();
            messages.keys(lang).stream().filter(k -> k.startsWith(PROBLEM_PREFIX)).sorted()
                    .forEach(k -> json.put(k.substring(PROBLEM_PREFIX.length()), messages.get(lang, k)));
            problemMessages.put(lang, json.encode());
        }
    }

    /**
     * What a person reads for a problem: on an English page below 500 the problem's own detail (written for users,
     * in English); otherwise the bundle's {@code problem.<type>} message, else the status's generic one. So a Korean
     * page never shows the backend's English text.
     */
    public String problemMessage(String lang, ApiException problem) {
        if ("en".equals(lang) && problem.status() < 500 && problem.detail() != null && !problem.detail().isBlank()) {
            return problem.detail();
        }
        String key = PROBLEM_PREFIX + problem.type();
        if (messages.keys(lang).contains(key)) {
            return messages.get(lang, key);
        }
        return messages.get(lang, problem.status() >= 500 ? "error.500.detail" : "problem.generic");
    }

    /** Renders {@code web-templates/<template>} with the base model plus the page's own model. */
    public Future<Void> render(RoutingContext ctx, String template, Map<String, Object> model) {
        return render(ctx, 200, template, model);
    }

    public Future<Void> render(RoutingContext ctx, int status, String template, Map<String, Object> model) {
        Map<String, Object> data = baseModel(ctx);
        model.forEach((k, v) -> data.put(k, plain(v)));
        // Rendering failures go to the failure handler here, so the returned future never fails twice.
        return engine.render(data, "templates/" + template)
                .compose(html -> ctx.response()
                        .setStatusCode(status)
                        .putHeader("Content-Type", "text/html; charset=utf-8")
                        .putHeader("Cache-Control", "no-store")
                        .end(html))
                .recover(e -> {
                    ctx.fail(e);
                    return Future.succeededFuture();
                });
    }

    /**
     * Deep copy into mutable HashMaps and ArrayLists. Thymeleaf's OGNL cannot call methods on the JDK's immutable
     * collections (module access) and does not see JsonObject fields as properties.
     */
    static Object plain(Object value) {
        if (value instanceof io.vertx.core.json.JsonObject json) {
            return plain(json.getMap());
        }
        if (value instanceof io.vertx.core.json.JsonArray array) {
            return plain(array.getList());
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new HashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), plain(v)));
            return copy;
        }
        if (value instanceof java.util.Collection<?> list) {
            java.util.List<Object> copy = new java.util.ArrayList<>();
            list.forEach(v -> copy.add(plain(v)));
            return copy;
        }
        return value;
    }

    /**
     * Renders the error page once on a worker before the server listens: otherwise the first page after a start
     * holds an event loop while Thymeleaf loads its classes and parses the shared layout (0.5-1.5 s on 2 cores).
     */
    public Future<Void> warmUp(Vertx vertx) {
        Map<String, Object> data = new HashMap<>(siteModel);
        data.putAll(languageModel("ko", "/"));
        data.putAll(errorModel("ko", ApiException.notFound("page"), "warm-up"));
        WorkerExecutor worker = vertx.createSharedWorkerExecutor("views-warm-up", 1);
        return worker.<Void>executeBlocking(() -> {
            // Thymeleaf renders synchronously: the future is complete when render returns.
            Future<Buffer> page = engine.render(data, ERROR_TEMPLATE);
            if (page.failed()) {
                throw new IllegalStateException("the error page does not render", page.cause());
            }
            return null;
        }, false).onComplete(done -> worker.close());
    }

    /** The friendly error page; never shows exception details. */
    @Override
    public void renderError(RoutingContext ctx, ApiException problem) {
        Map<String, Object> data = baseModel(ctx);
        data.putAll(errorModel(lang(ctx), problem, RequestLog.id(ctx)));
        engine.render(data, ERROR_TEMPLATE).onComplete(result -> {
            if (ctx.response().ended()) {
                return;
            }
            ctx.response().setStatusCode(problem.status())
                    .putHeader("Content-Type", result.succeeded() ? "text/html; charset=utf-8" : "text/plain")
                    .putHeader("Cache-Control", "no-store");
            ctx.response().end(result.succeeded() ? result.result().toString()
                    : problem.status() + " " + problem.title());
        });
    }

    private Map<String, Object> errorModel(String lang, ApiException problem, String requestId) {
        Map<String, Object> model = new HashMap<>();
        model.put("status", problem.status());
        model.put("errorTitle", messages.get(lang, "error." + problem.status() + ".title"));
        model.put("detail", problemMessage(lang, problem));
        model.put("requestId", requestId);
        return model;
    }

    private Map<String, Object> languageModel(String lang, String path) {
        Map<String, Object> model = new HashMap<>();
        model.put("lang", lang);
        model.put("otherLang", lang.equals("ko") ? "en" : "ko");
        model.put("path", path);
        model.put("problemMessages", problemMessages.get(lang));
        return model;
    }

    public Map<String, Object> baseModel(RoutingContext ctx) {
        Map<String, Object> model = new HashMap<>(siteModel);
        model.putAll(languageModel(lang(ctx), ctx.request().path()));
        SignedInSession session = AuthHandler.session(ctx);
        if (session != null) {
            Map<String, Object> user = new HashMap<>();
            user.put("id", session.userId());
            user.put("email", session.email());
            user.put("name", session.displayName() == null ? session.email() : session.displayName());
            model.put("user", user);
            model.put("csrfToken", session.csrfToken());
        }
        return model;
    }

    public Messages messages() {
        return messages;
    }

    /** The page language: ?lang= (remembered in a cookie), the cookie, then Accept-Language; Korean or English. */
    public static String lang(RoutingContext ctx) {
        String chosen = ctx.request().getParam("lang");
        if (chosen != null && Messages.LANGUAGES.contains(chosen)) {
            ctx.response().addCookie(Cookie.cookie(LANG_COOKIE, chosen).setPath("/").setMaxAge(365L * 24 * 3600)
                    .setSameSite(CookieSameSite.LAX).setHttpOnly(true));
            return chosen;
        }
        Cookie cookie = ctx.request().getCookie(LANG_COOKIE);
        if (cookie != null && Messages.LANGUAGES.contains(cookie.getValue())) {
            return cookie.getValue();
        }
        String accept = ctx.request().getHeader("Accept-Language");
        if (accept != null && !accept.isBlank()) {
            String first = accept.split(",")[0].trim().toLowerCase(Locale.ROOT);
            return first.startsWith("ko") ? "ko" : "en";
        }
        return "en";
    }
}
