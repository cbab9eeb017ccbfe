package com.finlens.account.signin.tokens;

import com.finlens.platform.http.ApiException;
import com.finlens.platform.http.Requests;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The extension's token endpoints: {@code POST /auth/extension/token} rotates a refresh token,
 * {@code POST /auth/extension/revoke} signs the extension out. Errors are problem+json.
 */
public final class ExtensionTokenRoutes {

    private final ExtensionTokenService tokens;

    public ExtensionTokenRoutes(ExtensionTokenService tokens) {
        this.tokens = tokens;
    }

    public void mount(Router root) {
        root.post("/auth/extension/token").handler(this::refresh);
        root.post("/auth/extension/revoke").handler(this::revoke);
    }

    private void refresh(RoutingContext ctx) {
        String refreshToken = refreshToken(ctx);
        tokens.refresh(refreshToken, ctx.request().getHeader("User-Agent"), clientIp(ctx))
                .onSuccess(issued -> {
                    ctx.response().putHeader("Cache-Control", "no-store");
                    ctx.json(new JsonObject()
                            .put("accessToken", issued.accessToken())
                            .put("refreshToken", issued.refreshToken())
                            .put("expiresIn", issued.expiresInSeconds())
                            .put("tokenType", "Bearer"));
                })
                .onFailure(ctx::fail);
    }

    private void revoke(RoutingContext ctx) {
        tokens.revoke(refreshToken(ctx))
                .onSuccess(v -> ctx.response().setStatusCode(204).end())
                .onFailure(ctx::fail);
    }

    private static String refreshToken(RoutingContext ctx) {
        Object value = Requests.jsonBody(ctx).getValue("refreshToken");
        if (!(value instanceof String token) || token.isBlank()) {
            throw ApiException.badRequest("refreshToken", "\"refreshToken\" is required.");
        }
        return token;
    }

    private static String clientIp(RoutingContext ctx) {
        return ctx.request().remoteAddress() == null ? null : ctx.request().remoteAddress().host();
    }
}
