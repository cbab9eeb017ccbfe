package com.finlens.knowledge;

import com.finlens.knowledge.ingest.SourceFormat;
import com.finlens.platform.auth.CurrentUser;
import com.finlens.platform.http.ApiException;
import com.finlens.platform.http.ApiRoutes;
import com.finlens.platform.http.Params;
import com.finlens.platform.http.Requests;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.FileUpload;
import io.vertx.ext.web.RoutingContext;

/**
 * JSON API of the knowledge base under {@code /api/v1/knowledge}: upload (multipart field {@code file}, or JSON
 * {@code {"url"}} or {@code {"title","text"}}) answered with 202 and the job, list, get, delete, and search.
 * Every call is scoped to the signed-in user.
 */
public final class KnowledgeRoutes {

    static final int MAX_TEXT_CHARS = 2_000_000;
    private static final int DEFAULT_K = 5;

    private final Vertx vertx;
    private final KnowledgeService knowledge;

    public KnowledgeRoutes(Vertx vertx, KnowledgeService knowledge) {
        this.vertx = vertx;
        this.knowledge = knowledge;
    }

    public void mount(ApiRoutes api) {
        api.post("/knowledge/documents").handler(this::create);
        api.get("/knowledge/documents").handler(this::list);
        api.get("/knowledge/documents/:id").handler(this::get);
        api.delete("/knowledge/documents/:id").handler(this::delete);
        api.get("/knowledge/search").handler(this::search);
    }

    private void create(RoutingContext ctx) {
        long userId = CurrentUser.id(ctx);
        String type = ctx.request().getHeader("Content-Type");
        Future<IngestTicket> ticket = "multipart/form-data".equals(Requests.mediaType(type))
                ? upload(ctx, userId) : fromJson(ctx, userId);
        ticket.onSuccess(t -> ctx.response()
                        .setStatusCode(202)
                        .putHeader("Location", KnowledgeJson.DOCUMENTS_PATH + t.document().id())
                        .putHeader("Content-Type", "application/json")
                        .end(KnowledgeJson.ticket(t).encode()))
                .onFailure(ctx::fail);
    }

    private Future<IngestTicket> upload(RoutingContext ctx, long userId) {
        FileUpload file = ctx.fileUploads().stream().filter(f -> f.name().equals("file")).findFirst()
                .orElseThrow(() -> ApiException.badRequest("file", "Attach the document in the multipart field \"file\"."));
        SourceFormat format = SourceFormat.ofFileName(file.fileName())
                .or(() -> SourceFormat.ofMediaType(file.contentType()))
                .orElseThrow(() -> new ApiException(415, "unsupported-document-type", "Unsupported document type",
                        "Upload a PDF, HTML, Markdown or plain-text file."));
        if (file.size() == 0) {
            throw ApiException.badRequest("file", "The uploaded file is empty.");
        }
        return vertx.fileSystem().readFile(file.uploadedFileName())
                .compose(bytes -> knowledge.ingestFile(userId, file.fileName(), format, bytes.getBytes()));
    }

    private Future<IngestTicket> fromJson(RoutingContext ctx, long userId) {
        JsonObject body = Requests.jsonBody(ctx);
        Object url = body.getValue("url");
        if (url != null) {
            if (!(url instanceof String s) || s.isBlank()) {
                throw ApiException.badRequest("url", "\"url\" must be a non-empty string.");
            }
            return knowledge.ingestUrl(userId, s);
        }
        Object text = body.getValue("text");
        if (!(text instanceof String s) || s.isBlank()) {
            throw ApiException.badRequest("text", "Send {\"url\": ...} or {\"title\": ..., \"text\": ...} with non-empty text.");
        }
        if (s.length() > MAX_TEXT_CHARS) {
            throw ApiException.badRequest("text", "\"text\" must be at most " + MAX_TEXT_CHARS + " characters.");
        }
        Object title = body.getValue("title");
        if (title != null && !(title instanceof String)) {
            throw ApiException.badRequest("title", "\"title\" must be a string.");
        }
        return knowledge.ingestText(userId, (String) title, s);
    }

    private void list(RoutingContext ctx) {
        long userId = CurrentUser.id(ctx);
        knowledge.list(userId).onSuccess(list -> ctx.json(new JsonObject().put("documents",
                        new JsonArray(list.stream().map(KnowledgeJson::status).toList()))))
                .onFailure(ctx::fail);
    }

    private void get(RoutingContext ctx) {
        long userId = CurrentUser.id(ctx);
        knowledge.get(userId, Requests.idParam(ctx, "id"))
                .onSuccess(status -> ctx.json(KnowledgeJson.status(status)))
                .onFailure(ctx::fail);
    }

    private void delete(RoutingContext ctx) {
        long userId = CurrentUser.id(ctx);
        knowledge.delete(userId, Requests.idParam(ctx, "id"))
                .onSuccess(v -> ctx.response().setStatusCode(204).end())
                .onFailure(ctx::fail);
    }

    private void search(RoutingContext ctx) {
        long userId = CurrentUser.id(ctx);
        String query = ctx.queryParams().get("q");
        Integer k = Params.integer(ctx, "k", 1, KnowledgeService.MAX_RESULTS);
        knowledge.search(userId, query, k == null ? DEFAULT_K : k)
                .onSuccess(passages -> ctx.json(new JsonObject().put("query", query).put("results",
                        new JsonArray(passages.stream().map(KnowledgeJson::passage).toList()))))
                .onFailure(ctx::fail);
    }
}
