package com.finlens.platform.http;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Small parsing helpers that turn bad input into 400/415 problems naming what is wrong. */
public final class Requests {

    private Requests() {
    }

    /** A positive numeric path parameter. */
    public static long idParam(RoutingContext ctx, String name) {
        String raw = ctx.pathParam(name);
        if (raw != null && raw.matches("\\d{1,18}")) {
            long id = Long.parseLong(raw);
            if (id > 0) {
                return id;
            }
        }
        throw ApiException.badRequest(name, "\"" + name + "\" must be a positive number.");
    }

    /** True when the request declares exactly {@code application/json} (parameters aside), nothing that merely starts so. */
    public static boolean isJson(RoutingContext ctx) {
        return "application/json".equals(mediaType(ctx.request().getHeader("Content-Type")));
    }

    /** The media type of a Content-Type header, lower-cased and without parameters; null when absent. */
    public static String mediaType(String contentType) {
        if (contentType == null) {
            return null;
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }

    /**
     * The JSON object body: 415 unless the media type is exactly application/json in UTF-8; 400 when the bytes are
     * not strict UTF-8 (no overlong forms, no lone surrogates), not JSON, or JSON that is not an object.
     */
    public static JsonObject jsonBody(RoutingContext ctx) {
        String type = ctx.request().getHeader("Content-Type");
        if (!isJson(ctx) || !utf8Charset(type)) {
            throw new ApiException(415, "unsupported-media-type", "Unsupported media type",
                    "Send the body as JSON with Content-Type: application/json (UTF-8).");
        }
        Buffer body = ctx.body() == null ? null : ctx.body().buffer();
        if (body == null || body.length() == 0) {
            throw new ApiException(400, "malformed-json", "Malformed JSON", "The request body is empty.");
        }
        Object parsed;
        try {
            parsed = Json.decodeValue(strictUtf8(body));
        } catch (DecodeException e) {
            throw new ApiException(400, "malformed-json", "Malformed JSON", "The request body is not valid JSON.");
        }
        if (!(parsed instanceof JsonObject object)) {
            throw new ApiException(400, "malformed-json", "Malformed JSON", "The request body must be a JSON object.");
        }
        return object;
    }

    /** Like {@link #jsonBody} but an absent body (whatever its declared type) is an empty object. */
    public static JsonObject optionalJsonBody(RoutingContext ctx) {
        // A request without any body reports length -1 (no body at all), an empty one 0: both are absent.
        if (ctx.body() == null || ctx.body().length() <= 0) {
            return new JsonObject();
        }
        return jsonBody(ctx);
    }

    private static boolean utf8Charset(String contentType) {
        for (String part : contentType.split(";")) {
            String p = part.strip().toLowerCase(Locale.ROOT);
            if (p.startsWith("charset=")) {
                String charset = p.substring(8).replace("\"", "");
                return charset.equals("utf-8") || charset.equals("utf8");
            }
        }
        return true;
    }

    /** Decodes without replacement: the JDK's strict decoder refuses overlong forms such as C0 80. */
    private static String strictUtf8(Buffer body) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body.getBytes()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new ApiException(400, "malformed-utf8", "Malformed text",
                    "The request body is not valid UTF-8.");
        }
    }
}
