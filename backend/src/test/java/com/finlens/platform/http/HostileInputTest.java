package com.finlens.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.finlens.testing.TestApp;
import com.finlens.testing.Waits;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Hostile input against every operation in the served OpenAPI document. The cases are generated from the
 * document (methods, path and query parameters with their schemas, request bodies and their media types), so a
 * new route is attacked as soon as it is documented. Each case asserts the exact status, a problem+json body that
 * gives nothing internal away, and the last case proves through the API that no data changed.
 */
class HostileInputTest {

    private static final int BODY_LIMIT = 64 * 1024;
    /** Traces of internals that a problem must never show: stack frames, class names, SQL, addresses. */
    private static final Pattern INTERNALS = Pattern.compile(
            "Exception|\\tat |Caused by|java\\.|javax\\.|com\\.finlens|io\\.vertx|io\\.netty|org\\.hibernate|jdbc|"
                    + "mariadb|mysql|SQL|select |insert |update |\\b\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\b",
            Pattern.CASE_INSENSITIVE);

    private static TestApp app;
    private static TestApp.Browser attacker;
    private static TestApp.Browser victim;
    private static long attackerConversation;
    private static long victimConversation;
    private static long victimDocument;
    private static JsonObject openApi;
    private static JsonObject before;

    /** Who sends the request. */
    private enum Caller { ANONYMOUS, ATTACKER, ATTACKER_WITHOUT_CSRF }

    private record Case(String name, HttpMethod method, String path, Caller caller, String contentType, Buffer body,
                        int status, String type, String parameter) {
    }

    @BeforeAll
    static void start() {
        app = TestApp.start(Map.of("FINLENS_BODY_LIMIT_BYTES", Integer.toString(BODY_LIMIT)));
        attacker = app.signIn("mallory@example.com");
        victim = app.signIn("victim@example.com");
        attackerConversation = attacker.post("/api/v1/conversations", new JsonObject().put("title", "mine"))
                .bodyAsJsonObject().getLong("id");
        victimConversation = victim.post("/api/v1/conversations", new JsonObject().put("title", "secret"))
                .bodyAsJsonObject().getLong("id");
        victimDocument = victim.post("/api/v1/knowledge/documents", new JsonObject().put("title", "Private memo")
                .put("text", "The board meets on Tuesday about the merger.")).bodyAsJsonObject().getLong("id");
        Waits.until(Duration.ofSeconds(60), () -> "done".equals(victim.get("/api/v1/knowledge/documents/"
                + victimDocument).bodyAsJsonObject().getString("status")));
        openApi = attacker.get("/api/v1/openapi.json").bodyAsJsonObject();
        before = snapshot();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @TestFactory
    @DisplayName("Every documented operation refuses hostile input with the exact problem, and no data changes")
    Stream<DynamicTest> hostileInput() {
        List<Case> cases = cases();
        assertThat(cases).as("cases generated from the OpenAPI document").hasSizeGreaterThanOrEqualTo(120);
        Stream<DynamicTest> each = cases.stream().map(c -> DynamicTest.dynamicTest(
                c.method() + " " + c.path() + ": " + c.name() + " → " + c.status(), () -> check(c)));
        Stream<DynamicTest> unchanged = Stream.of(DynamicTest.dynamicTest(
                "after " + cases.size() + " hostile requests the attacker's and the victim's data are unchanged",
                () -> assertThat(snapshot()).isEqualTo(before)));
        return Stream.concat(each, unchanged);
    }

    private static void check(Case c) {
        HttpRequest<Buffer> request = switch (c.caller()) {
            case ANONYMOUS -> app.client().request(c.method(), c.path());
            case ATTACKER -> attacker.request(c.method(), c.path());
            case ATTACKER_WITHOUT_CSRF -> attacker.session().request(c.method(), c.path());
        };
        if (c.contentType() != null) {
            request.putHeader("Content-Type", c.contentType());
        }
        HttpResponse<Buffer> response = TestApp.await(c.body() == null ? request.send() : request.sendBuffer(c.body()));
        String text = response.bodyAsString();
        assertThat(response.statusCode()).as("status; body: %s", text).isEqualTo(c.status());
        assertThat(response.getHeader("Content-Type")).isEqualTo(Problem.MEDIA_TYPE);
        assertThat(response.getHeader("Cache-Control")).isEqualTo("no-store");
        JsonObject problem = new JsonObject(text);
        assertThat(problem.getInteger("status")).isEqualTo(c.status());
        assertThat(problem.getString("title")).isNotBlank();
        if (c.type() != null) {
            assertThat(problem.getString("type")).isEqualTo(Problem.TYPE_BASE + c.type());
        }
        if (c.parameter() != null) {
            assertThat(problem.getString("parameter")).isEqualTo(c.parameter());
        }
        assertThat(INTERNALS.matcher(text).find()).as("no internal detail in %s", text).isFalse();
    }

    // ---- generation from the OpenAPI document ----

    private static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        JsonObject paths = openApi.getJsonObject("paths");
        for (String template : paths.fieldNames()) {
            JsonObject item = paths.getJsonObject(template);
            List<HttpMethod> documented = new ArrayList<>();
            for (String m : item.fieldNames()) {
                if (m.equals("parameters")) {
                    continue;
                }
                HttpMethod method = HttpMethod.valueOf(m.toUpperCase());
                documented.add(method);
                JsonObject op = item.getJsonObject(m);
                List<JsonObject> params = new ArrayList<>();
                item.getJsonArray("parameters", new JsonArray()).forEach(p -> params.add(resolve((JsonObject) p)));
                op.getJsonArray("parameters", new JsonArray()).forEach(p -> params.add(resolve((JsonObject) p)));
                operationCases(cases, method, template, op, params);
            }
            if (!documented.contains(HttpMethod.PATCH)) {
                cases.add(new Case("undocumented method", HttpMethod.PATCH, fill(template, Map.of()),
                        Caller.ATTACKER, null, null, 405, "method-not-allowed", null));
            }
        }
        return cases;
    }

    private static void operationCases(List<Case> cases, HttpMethod method, String template, JsonObject op,
                                       List<JsonObject> params) {
        boolean safe = method == HttpMethod.GET || method == HttpMethod.HEAD;
        JsonObject body = op.getJsonObject("requestBody");
        Map<String, String> required = requiredQuery(params);
        String valid = fill(template, Map.of()) + query(required);
        Buffer validBody = body == null ? null : Buffer.buffer(validBody(template).encode());
        String validType = body == null ? null : "application/json";

        boolean isPublic = op.getJsonArray("security") != null && op.getJsonArray("security").isEmpty();
        if (!isPublic) {
            cases.add(new Case("without sign-in", method, valid, Caller.ANONYMOUS, validType, validBody, 401,
                    "unauthorized", null));
        }
        if (!safe) {
            cases.add(new Case("cookie without its CSRF token", method, valid, Caller.ATTACKER_WITHOUT_CSRF,
                    validType, validBody, 403, "csrf-token-invalid", null));
        }
        for (JsonObject p : params) {
            String name = p.getString("name");
            JsonObject schema = p.getJsonObject("schema", new JsonObject());
            if ("path".equals(p.getString("in"))) {
                for (String bad : badValues(schema, true)) {
                    cases.add(new Case("path " + name + "=" + bad, method,
                            fill(template, Map.of(name, bad)) + query(required), Caller.ATTACKER, validType, validBody,
                            400, "invalid-parameter", name));
                }
                if ("integer".equals(schema.getString("type"))) {
                    cases.add(new Case("another user's " + name, method,
                            fill(template, Map.of(name, Long.toString(victimIdFor(template)))) + query(required),
                            Caller.ATTACKER, validType, validBody, 404, "not-found", null));
                }
            } else if ("query".equals(p.getString("in"))) {
                for (String bad : badValues(schema, false)) {
                    Map<String, String> q = new LinkedHashMap<>(required);
                    q.put(name, bad);
                    cases.add(new Case("query " + name + "=" + abbreviate(bad), method,
                            fill(template, Map.of()) + query(q), Caller.ATTACKER, null, null, 400,
                            "invalid-parameter", name));
                }
                if (p.getBoolean("required", false)) {
                    Map<String, String> q = new LinkedHashMap<>(required);
                    q.remove(name);
                    cases.add(new Case("query " + name + " missing", method, fill(template, Map.of()) + query(q),
                            Caller.ATTACKER, null, null, 400, "invalid-parameter", name));
                }
            }
        }
        if (body != null) {
            bodyCases(cases, method, valid, body);
        }
    }

    private static void bodyCases(List<Case> cases, HttpMethod method, String path, JsonObject body) {
        JsonObject content = body.getJsonObject("content");
        for (String type : List.of("application/jsonfoo", "text/plain", "application/json; charset=iso-8859-1",
                "application/x-www-form-urlencoded")) {
            if (!content.containsKey(type)) {
                cases.add(new Case("Content-Type " + type, method, path, Caller.ATTACKER, type,
                        Buffer.buffer("{}"), 415, "unsupported-media-type", null));
            }
        }
        cases.add(new Case("JSON without a Content-Type", method, path, Caller.ATTACKER, null, Buffer.buffer("{\"a\":1}"),
                415, "unsupported-media-type", null));
        for (String notObject : List.of("null", "[1]", "1", "\"text\"", "true", "{", "{\"a\":}", "{\"a\":1}{")) {
            cases.add(new Case("JSON body " + notObject, method, path, Caller.ATTACKER, "application/json",
                    Buffer.buffer(notObject), 400, "malformed-json", null));
        }
        byte[][] badUtf8 = {
            {'{', '"', 'a', '"', ':', '"', (byte) 0xC0, (byte) 0x80, '"', '}'},      // overlong NUL
            {'{', '"', 'a', '"', ':', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', '}'}, // lone surrogate
            {'{', '"', 'a', '"', ':', '"', (byte) 0xFF, '"', '}'}};                    // never valid
        for (byte[] bytes : badUtf8) {
            cases.add(new Case("invalid UTF-8 " + hex(bytes), method, path, Caller.ATTACKER, "application/json",
                    Buffer.buffer(bytes), 400, "malformed-utf8", null));
        }
        cases.add(new Case("body over the limit", method, path, Caller.ATTACKER, "application/json",
                Buffer.buffer("{\"a\":\"" + "x".repeat(BODY_LIMIT + 10) + "\"}"), 413, "payload-too-large", null));
        if (body.getBoolean("required", false)) {
            cases.add(new Case("empty JSON body", method, path, Caller.ATTACKER, "application/json", Buffer.buffer(),
                    400, null, null));
        }
        JsonObject schema = resolve(content.getJsonObject("application/json", new JsonObject())
                .getJsonObject("schema", new JsonObject()));
        JsonObject properties = schema.getJsonObject("properties", new JsonObject());
        // The other required fields stay valid, so the refusal can only be about the field under test.
        JsonObject validRest = new JsonObject();
        for (Object required : schema.getJsonArray("required", new JsonArray())) {
            if ("string".equals(resolve(properties.getJsonObject((String) required)).getString("type"))) {
                validRest.put((String) required, "x");
            }
        }
        for (String property : properties.fieldNames()) {
            JsonObject ps = resolve(properties.getJsonObject(property));
            if (!"string".equals(ps.getString("type"))) {
                continue;
            }
            cases.add(new Case("body " + property + " is a number", method, path, Caller.ATTACKER, "application/json",
                    Buffer.buffer(validRest.copy().put(property, 12345).encode()), 400, "invalid-parameter", property));
            Integer max = ps.getInteger("maxLength");
            if (max != null && max + 20 < BODY_LIMIT) {
                cases.add(new Case("body " + property + " longer than " + max, method, path, Caller.ATTACKER,
                        "application/json", Buffer.buffer(validRest.copy().put(property, "가".repeat(max + 1)).encode()),
                        400, "invalid-parameter", property));
            }
        }
    }

    /** Values that break a parameter's documented schema. */
    private static List<String> badValues(JsonObject schema, boolean inPath) {
        List<String> bad = new ArrayList<>();
        String type = schema.getString("type");
        if ("integer".equals(type)) {
            Integer min = schema.getInteger("minimum");
            Integer max = schema.getInteger("maximum");
            bad.addAll(List.of("abc", "1.5", "99999999999999999999", "1e3"));
            if (inPath) {
                bad.addAll(List.of("0", "-1"));
            }
            if (min != null) {
                bad.add(Integer.toString(min - 1));
            }
            if (max != null) {
                bad.add(Integer.toString(max + 1));
            }
        } else if ("date".equals(schema.getString("format"))) {
            bad.addAll(List.of("-999999999-01-01", "+999999999-12-31", "0000-01-01", "1899-12-31", "2101-01-01",
                    "2024-02-30", "20240105", "yesterday"));
        } else if (schema.containsKey("enum")) {
            bad.addAll(List.of("bogus", "%27%20OR%201%3D1--"));
        } else if (schema.containsKey("pattern")) {
            Pattern pattern = Pattern.compile(schema.getString("pattern"));
            Stream.of("<script>", "../../etc", "A".repeat(21), "12345", "0059300", "\u0000", "a b", "AAPL;DROP")
                    .filter(v -> !pattern.matcher(v).find())
                    .map(v -> java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20"))
                    .forEach(bad::add);
        } else if (schema.containsKey("maxLength")) {
            bad.add("x".repeat(schema.getInteger("maxLength") + 1));
        }
        return bad;
    }

    private static Map<String, String> requiredQuery(List<JsonObject> params) {
        Map<String, String> q = new LinkedHashMap<>();
        for (JsonObject p : params) {
            if ("query".equals(p.getString("in")) && p.getBoolean("required", false)) {
                q.put(p.getString("name"), "samsung");
            }
        }
        return q;
    }

    /** A path with the attacker's own ids and valid codes, unless a value is given. */
    private static String fill(String template, Map<String, String> values) {
        String path = "/api/v1" + template;
        path = path.replace("{id}", values.getOrDefault("id", Long.toString(template.startsWith("/knowledge")
                ? 999_999_999L : attackerConversation)));
        path = path.replace("{krxCode}", values.getOrDefault("krxCode", "005930"));
        return path.replace("{yahooSymbol}", values.getOrDefault("yahooSymbol", "AAPL"));
    }

    private static long victimIdFor(String template) {
        return template.startsWith("/knowledge") ? victimDocument : victimConversation;
    }

    private static JsonObject validBody(String template) {
        return switch (template) {
            case "/conversations/{id}/messages" -> new JsonObject().put("content", "삼성전자 주가는?");
            case "/conversations/{id}" -> new JsonObject().put("title", "새 제목");
            case "/account" -> new JsonObject().put("confirm", "mallory@example.com");
            case "/companies/mentions" -> new JsonObject().put("text", "삼성전자");
            case "/knowledge/documents" -> new JsonObject().put("title", "t").put("text", "hello");
            default -> new JsonObject();
        };
    }

    private static JsonObject resolve(JsonObject node) {
        String ref = node.getString("$ref");
        if (ref == null) {
            return node;
        }
        JsonObject target = openApi;
        for (String part : ref.substring(2).split("/")) {
            target = target.getJsonObject(part);
        }
        return target;
    }

    private static String query(Map<String, String> q) {
        if (q.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("?");
        q.forEach((k, v) -> out.append(out.length() > 1 ? "&" : "").append(k).append('=').append(v.replace("+", "%2B")));
        return out.toString();
    }

    private static String abbreviate(String s) {
        return s.length() <= 24 ? s : s.substring(0, 20) + "…(" + s.length() + ")";
    }

    private static String hex(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        for (byte b : bytes) {
            if (b < 0) {
                out.append(String.format("\\x%02X", b));
            }
        }
        return out.toString();
    }

    /** Everything of both users that the API shows: conversations, their messages, documents, usage. */
    private static JsonObject snapshot() {
        JsonObject all = new JsonObject();
        for (TestApp.Browser user : List.of(attacker, victim)) {
            JsonObject mine = new JsonObject();
            JsonArray conversations = user.get("/api/v1/conversations").bodyAsJsonObject().getJsonArray("conversations");
            mine.put("conversations", conversations);
            for (int i = 0; i < conversations.size(); i++) {
                long id = conversations.getJsonObject(i).getLong("id");
                mine.put("messages-" + id, user.get("/api/v1/conversations/" + id + "/messages").bodyAsJsonObject());
            }
            mine.put("documents", user.get("/api/v1/knowledge/documents").bodyAsJsonObject());
            mine.put("usage", user.get("/api/v1/usage").bodyAsJsonObject());
            mine.put("signedIn", user.get("/api/v1/session").bodyAsJsonObject().getBoolean("signedIn"));
            all.put(Long.toString(user.userId()), mine);
        }
        return all;
    }
}
