package com.finlens.assistant;

import com.finlens.platform.auth.CurrentUser;
import com.finlens.platform.http.Requests;
import com.finlens.platform.view.Views;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Map;

/** Web pages of the assistant: ask (/chat, /chat/{id}) and history (/history). Signed-out visitors go to sign-in. */
public final class ChatPages {

    private final ConversationService conversations;
    private final Views views;

    public ChatPages(ConversationService conversations, Views views) {
        this.conversations = conversations;
        this.views = views;
    }

    public void mount(Router router) {
        router.get("/chat").handler(this::newChat);
        router.get("/chat/:id").handler(this::chat);
        router.get("/history").handler(this::history);
    }

    private void newChat(RoutingContext ctx) {
        views.render(ctx, "assistant/chat.html", Map.of("messages", List.of(), "active", "chat"));
    }

    private void chat(RoutingContext ctx) {
        long userId = CurrentUser.id(ctx);
        long id = Requests.idParam(ctx, "id");
        conversations.get(userId, id)
                .compose(c -> conversations.messages(userId, id).map(messages -> Map.<String, Object>of(
                        "conversation", ConversationJson.conversation(c),
                        "messages", messages.stream().map(ConversationJson::message).toList(),
                        "active", "chat")))
                .compose(model -> views.render(ctx, "assistant/chat.html", model))
                .onFailure(ctx::fail);
    }

    private void history(RoutingContext ctx) {
        conversations.list(CurrentUser.id(ctx))
                .compose(list -> views.render(ctx, "assistant/history.html", Map.of(
                        "conversations", list.stream().map(ConversationJson::conversation).toList(),
                        "active", "history")))
                .onFailure(ctx::fail);
    }
}
