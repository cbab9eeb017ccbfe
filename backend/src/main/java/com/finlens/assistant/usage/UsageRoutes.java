package com.finlens.assistant.usage;

import com.finlens.platform.auth.CurrentUser;
import com.finlens.platform.http.ApiRoutes;
import io.vertx.ext.web.RoutingContext;

/** {@code GET /usage}: the signed-in user's answer quota for today. */
public final class UsageRoutes {

    private final AnswerQuota quota;

    public UsageRoutes(AnswerQuota quota) {
        this.quota = quota;
    }

    /** Mounts as API routes (served under /api/v1), behind the auth handler. */
    public void mount(ApiRoutes api) {
        api.get("/usage").handler(this::usage);
    }

    private void usage(RoutingContext ctx) {
        quota.status(CurrentUser.id(ctx))
                .onSuccess(status -> ctx.json(status.toJson()))
                .onFailure(ctx::fail);
    }
}
