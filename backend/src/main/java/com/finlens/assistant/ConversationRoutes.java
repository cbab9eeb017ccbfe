package com.finlens.assistant;

import com.finlens.platform.auth.CurrentUser;
import com.finlens.platform.http.ApiException;
import com.finlens.platform.http.ApiRoutes;
import com.finlens.platform.http.Requests;
import com.finlens.platform.http.SseStream;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** JSON API for conversations and the streamed answers: {@code /api/v1/conversations/**}. */
public final class ConversationRoutes {

    private static final long HEARTBEAT_MILLIS = 15_000;
    private static final CharSequence JSON = HttpHeaders.createOptimized("application/json");

    private final Vertx vertx;
    private final ConversationService conversations;

    public ConversationRoutes(Vertx vertx, ConversationService conversations) {
        this.vertx = vertx;
        this.conversations = conversations;
    }

    public void mount(ApiRoutes api) {
        api.post("/conversations").handler(this::create);
        api.get("/conversations").handler(this::list);
        api.get("/conversations/:id").handler(this::get);
        api.patch("/conversations/:id").handler(this::rename);
        api.delete("/conversations/:id").handler(this::delete);
        api.get("/conversations/:id/messages").handler(this::messages);
        api.post("/conversations/:id/messages").handler(this::ask);
    }

    private void create(RoutingContext ctx) {
        long userId = CurrentUser.id(ctx);
        JsonObject body = Requests.optionalJsonBody(ctx);
        Object title = body.getValue("title");
        if (title != null && !(title instanceof String)) {
            throw ApiException.badRequest("title", "\"title\" must be a string.");
        }
        conversations.create(userId, (String) title).onSuccess(c -> ctx.response()
                        .setStatusCode(201)
                        .putHeader("Location", "/api/v1/conversations/" + c.getId())
                        .putHeader("Content-Type", "application/json")
                        .end(ConversationJson.conversation(c).encode()))
                .onFailure(ctx::fail);
    }

    /** The newest conversations; with {@code ?q=} only those whose title or messages contain it. */
    private void list(RoutingContext ctx) {
        long userId = CurrentUser.id(ctx);
        String q = ctx.request().getParam("q");
        // Without a search the list is polled: its JSON comes encoded from the user's cached list.
        Future<Buffer> body = q == null || q.isBlank()
                ? conversations.listing(userId).map(ConversationService.Listing::json)
                : conversations.search(userId, q).map(ConversationJson::list);
        body.onSuccess(json -> ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, JSON).end(json))
                .onFailure(ctx::fail);
    }

    private void get(RoutingContext ctx) {
        long userId = CurrentUser.id(ctx);
        conversations.get(userId, Requests.idParam(ctx, "id"))
                .onSuccess(c -> ctx.json(ConversationJson.conversation(c)))
                .onFailure(ctx::fail);
    }

    private void rename(RoutingContext ctx) {
        long userId = CurrentUser.id(ctx);
        long id = Requests.idParam(ctx, "id");
        Object title = Requests.jsonBody(ctx).getValue("title");
        if (!(title instanceof String text)) {
            throw ApiException.badRequest("title", "\"title\" must be a string.");
        }
        conversations.rename(userId, id, text)
                .onSuccess(c -> ctx.json(ConversationJson.conversation(c)))
                .onFailure(ctx::fail);
    }

    private void delete(RoutingContext ctx) {
        long userId = CurrentUser.id(ctx);
        conversations.delete(userId, Requests.idParam(ctx, "id"))
                .onSuccess(v -> ctx.response().setStatusCode(204).end())
                .onFailure(ctx::fail);
    }

    private void messages(RoutingContext ctx) {
        long userId = CurrentUser.id(ctx);
        conversations.messages(userId, Requests.idParam(ctx, "id"))
                .onSuccess(list -> ctx.json(new JsonObject().put("messages",
                        new JsonArray(list.stream().map(ConversationJson::message).toList()))))
                .onFailure(ctx::fail);
    }

    private void ask(RoutingContext ctx) {
        long userId = CurrentUser.id(ctx);
        long conversationId = Requests.idParam(ctx, "id");
        AskCommand command = AskCommand.from(Requests.jsonBody(ctx));
        conversations.ask(userId, conversationId, command,
                        () -> new SseAnswerChannel(SseStream.open(vertx, ctx.response(), HEARTBEAT_MILLIS)))
                .onFailure(ctx::fail);
    }
}
