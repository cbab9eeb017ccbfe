package com.finlens.knowledge;

import com.finlens.account.AccountDataHook;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** The knowledge base's part of "export my data" and "delete my account": documents, and every stored chunk. */
public final class KnowledgeAccountData implements AccountDataHook {

    private final KnowledgeService knowledge;

    public KnowledgeAccountData(KnowledgeService knowledge) {
        this.knowledge = knowledge;
    }

    @Override
    public String section() {
        return "knowledge";
    }

    @Override
    public Future<JsonObject> export(long userId) {
        return knowledge.list(userId).map(documents -> new JsonObject().put("documents",
                new JsonArray(documents.stream().map(KnowledgeJson::status).toList())));
    }

    @Override
    public Future<Void> deleteAll(long userId) {
        return knowledge.deleteAllForUser(userId);
    }
}
