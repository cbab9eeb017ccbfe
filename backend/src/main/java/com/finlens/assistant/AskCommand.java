package com.finlens.assistant;

import com.finlens.assistant.answer.Question;
import com.finlens.platform.http.ApiException;
import io.vertx.core.json.JsonObject;
import java.net.URI;

/**
 * A validated question from a client, with optional page context (untrusted text from the extension), the
 * company the user picked after a choose-company event, and the mode: an answer (default) or a claim check, in
 * which {@code content} is the claim.
 */
public record AskCommand(String content, Question.PageContext pageContext, String companyKey, Question.Mode mode) {

    public static final int MAX_QUESTION = 4_000;
    public static final int MAX_SELECTION = 8_000;
    public static final int MAX_TITLE = 500;
    public static final int MAX_URL = 2_000;
    public static final int MAX_COMPANY_KEY = 64;

    public static AskCommand from(JsonObject body) {
        if (body == null) {
            throw ApiException.badRequest("content", "Send a JSON object with a \"content\" string.");
        }
        Object raw = body.getValue("content");
        if (!(raw instanceof String content) || content.isBlank()) {
            throw ApiException.badRequest("content", "\"content\" must be a non-empty string.");
        }
        if (content.length() > MAX_QUESTION) {
            throw ApiException.badRequest("content", "\"content\" is longer than " + MAX_QUESTION + " characters.");
        }
        Question.PageContext context = null;
        Object rawContext = body.getValue("context");
        if (rawContext != null) {
            if (!(rawContext instanceof JsonObject ctx)) {
                throw ApiException.badRequest("context", "\"context\" must be an object with selection, title, url.");
            }
            String selection = text(ctx, "selection", MAX_SELECTION);
            String title = text(ctx, "title", MAX_TITLE);
            String url = text(ctx, "url", MAX_URL);
            if (url != null && !isWebUrl(url)) {
                throw ApiException.badRequest("context.url", "\"context.url\" must be an http(s) URL.");
            }
            context = new Question.PageContext(selection, title, url);
            if (context.isEmpty()) {
                context = null;
            }
        }
        Object companyKey = body.getValue("companyKey");
        if (companyKey != null && (!(companyKey instanceof String key) || key.isBlank()
                || key.length() > MAX_COMPANY_KEY)) {
            throw ApiException.badRequest("companyKey",
                    "\"companyKey\" must be a candidate key from a choose-company event.");
        }
        return new AskCommand(content.strip(), context, (String) companyKey, mode(body.getValue("mode")));
    }

    private static Question.Mode mode(Object value) {
        if (value == null) {
            return Question.Mode.ANSWER;
        }
        for (Question.Mode mode : Question.Mode.values()) {
            if (mode.wire().equals(value)) {
                return mode;
            }
        }
        throw ApiException.badRequest("mode", "\"mode\" must be \"answer\" or \"claim-check\".");
    }

    private static String text(JsonObject ctx, String field, int max) {
        Object value = ctx.getValue(field);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String s)) {
            throw ApiException.badRequest("context." + field, "\"context." + field + "\" must be a string.");
        }
        if (s.length() > max) {
            throw ApiException.badRequest("context." + field,
                    "\"context." + field + "\" is longer than " + max + " characters.");
        }
        return s.isBlank() ? null : s;
    }

    private static boolean isWebUrl(String url) {
        try {
            URI uri = URI.create(url);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
