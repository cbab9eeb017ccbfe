package com.finlens.knowledge;

import com.finlens.platform.view.Views;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;

/**
 * The knowledge-base page: upload documents or URLs, watch their ingestion jobs, search. The page script talks to
 * the same JSON API as the extension ({@code /api/v1/knowledge/**}), so job progress survives a reload.
 */
public final class KnowledgePages {

    private final Views views;

    public KnowledgePages(Views views) {
        this.views = views;
    }

    public void mount(Router router) {
        router.get("/knowledge").handler(this::page);
    }

    private void page(RoutingContext ctx) {
        views.render(ctx, "knowledge/knowledge.html", Map.of("active", "knowledge"));
    }
}
