package com.finlens.assistant;

import com.finlens.account.AccountDataHook;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * The assistant's part of "export my data" and "delete my account": every conversation with its messages. Deletion
 * needs nothing here: conversations and messages cascade with the user row.
 */
public final class ConversationAccountData implements AccountDataHook {

    private final ConversationService conversations;

    public ConversationAccountData(ConversationService conversations) {
        this.conversations = conversations;
    }

    @Override
    public String section() {
        return "conversations";
    }

    @Override
    public Future<JsonArray> export(long userId) {
        return conversations.listAll(userId).compose(this::conversationsJson);
    }

    @Override
    public Future<Void> deleteAll(long userId) {
        return Future.succeededFuture();
    }

    private Future<JsonArray> conversationsJson(List<Conversation> list) {
        JsonArray out = new JsonArray();
        Future<Void> chain = Future.succeededFuture();
        for (Conversation c : list) {
            chain = chain.compose(v -> conversations.messages(c.getUserId(), c.getId())).map(messages -> {
                out.add(ConversationJson.conversation(c).put("messages", messagesJson(messages)));
                return null;
            });
        }
        return chain.map(out);
    }

    private static JsonArray messagesJson(List<Message> messages) {
        JsonArray out = new JsonArray();
        for (Message m : messages) {
            out.add(new JsonObject()
                    .put("id", m.getId())
                    .put("role", m.getRole().name())
                    .put("content", m.getContent())
                    .put("status", m.getStatus().name())
                    .put("createdAt", m.getCreatedAt().toString())
                    .put("metadata", m.getMetadata() == null ? null : new JsonObject(m.getMetadata())));
        }
        return out;
    }
}
