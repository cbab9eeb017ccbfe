package com.finlens.account;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/**
 * Today's answer usage for the account page, from the feature that counts answers (the composition root wires
 * the assistant's): {@code dailyAnswerLimit}, {@code used}, {@code remaining}, {@code resetsAt} and
 * {@code answers}, the model answers of today with {@code startedAt}, {@code model}, {@code status},
 * {@code firstTokenMillis}, {@code totalMillis} and {@code estimatedCostUsd}.
 */
@FunctionalInterface
public interface UsageSummary {

    Future<JsonObject> today(long userId);
}
