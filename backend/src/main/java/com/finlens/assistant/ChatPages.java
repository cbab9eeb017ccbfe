package com.finlens.assistant;

import com.finlens.platform.auth.CurrentUser;
import com.finlens.platform.http.ApiException;
import com.finlens.platform.http.Requests;
import com.finlens.platform.view.Views;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Web pages of the assistant: ask (/chat, /chat/{id}) and history (/history, with search, rename and delete).
 * Signed-out visitors go to sign-in. Every form posts with the CSRF field, which the auth handler checks; asking
 * works as a plain form too (JavaScript off): the question is stored, the answer runs on the server and the
 * browser lands on the conversation, where the answer shows on reload.
 */
public final class ChatPages {

    private final ConversationService conversations;
    private final Views views;

    public ChatPages(ConversationService conversations, Views views) {
        this.conversations = conversations;
        this.views = views;
    }

    public void mount(Router router) {
        router.get("/chat").handler(this::newChat);
        router.post("/chat/ask").handler(this::askFromForm);
        router.get("/chat/:id").handler(this::chat);
        router.get("/history").handler(this::history);
        router.post("/history/:id/rename").handler(this::rename);
        router.get("/history/:id/delete").handler(this::confirmDelete);
        router.post("/history/:id/delete").handler(this::delete);
    }

    private void newChat(RoutingContext ctx) {
        views.render(ctx, "assistant/chat.html", Map.of("messages", List.of(), "active", "chat",
                "preset", preset(ctx)));
    }

    /** A question to start from (?q=, e.g. a suggested question or a company page's "ask about this"). */
    private static String preset(RoutingContext ctx) {
        String q = ctx.request().getParam("q");
        return q == null ? "" : q.substring(0, Math.min(q.length(), AskCommand.MAX_QUESTION));
    }

    private void chat(RoutingContext ctx) {
        long userId = CurrentUser.id(ctx);
        long id = Requests.idParam(ctx, "id");
        conversations.get(userId, id)
                .compose(c -> conversations.messages(userId, id).map(messages -> Map.<String, Object>of(
                        "conversation", ConversationJson.conversation(c),
                        "messages", messages.stream().map(ConversationJson::message).toList(),
                        "preset", preset(ctx),
                        "active", "chat")))
                .compose(model -> views.render(ctx, "assistant/chat.html", model))
                .onFailure(ctx::fail);
    }

    /** The ask form without JavaScript: a new or existing conversation, then back to it with 303. */
    private void askFromForm(RoutingContext ctx) {
        long userId = CurrentUser.id(ctx);
        AskCommand command = AskCommand.from(new JsonObject().put("content", ctx.request().getFormAttribute("content")));
        String existing = ctx.request().getFormAttribute("conversationId");
        Future<Long> conversation = existing == null || existing.isBlank()
                ? conversations.create(userId, null).map(Conversation::getId)
                : Future.succeededFuture(parseId(existing));
        conversation.compose(id -> conversations.ask(userId, id, command, DetachedAnswerChannel::new).map(id))
                .onSuccess(id -> ctx.response().setStatusCode(303).putHeader("Location", "/chat/" + id).end())
                .onFailure(ctx::fail);
    }

    private void history(RoutingContext ctx) {
        String query = ctx.request().getParam("q");
        conversations.search(CurrentUser.id(ctx), query)
                .compose(list -> {
                    Map<String, Object> model = new HashMap<>();
                    model.put("conversations", list.stream().map(ConversationJson::conversation).toList());
                    model.put("query", query == null ? "" : query.strip());
                    model.put("deleted", ctx.request().getParam("deleted") != null);
                    model.put("active", "history");
                    return views.render(ctx, "assistant/history.html", model);
                })
                .onFailure(ctx::fail);
    }

    private void rename(RoutingContext ctx) {
        conversations.rename(CurrentUser.id(ctx), Requests.idParam(ctx, "id"), ctx.request().getFormAttribute("title"))
                .onSuccess(c -> ctx.response().setStatusCode(303).putHeader("Location", "/history").end())
                .onFailure(ctx::fail);
    }

    /** Deleting is for good, so it asks first, on a page of its own (works without JavaScript). */
    private void confirmDelete(RoutingContext ctx) {
        conversations.get(CurrentUser.id(ctx), Requests.idParam(ctx, "id"))
                .compose(c -> views.render(ctx, "assistant/delete.html", Map.of(
                        "conversation", ConversationJson.conversation(c), "active", "history")))
                .onFailure(ctx::fail);
    }

    private void delete(RoutingContext ctx) {
        conversations.delete(CurrentUser.id(ctx), Requests.idParam(ctx, "id"))
                .onSuccess(v -> ctx.response().setStatusCode(303).putHeader("Location", "/history?deleted=1").end())
                .onFailure(ctx::fail);
    }

    private static long parseId(String raw) {
        try {
            return Long.parseLong(raw.strip());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("conversationId", "\"conversationId\" must be a number.");
        }
    }
}
