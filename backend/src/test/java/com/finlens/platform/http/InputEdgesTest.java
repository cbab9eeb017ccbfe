package com.finlens.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.finlens.testing.SharedApp;
import com.finlens.testing.TestApp;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClientSession;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The input edges the hostile-input probe found, each against the real app. */
class InputEdgesTest {

    private static HttpResponse<Buffer> devSignIn(WebClientSession session, String contentType, Buffer body) {
        return TestApp.await(session.post("/auth/dev").putHeader("Content-Type", contentType).sendBuffer(body));
    }

    @ParameterizedTest
    @ValueSource(strings = {"null", "[1]", "1", "\"a@example.com\"", "{\"email\": 7}", "{"})
    @DisplayName("Development sign-in with a JSON body that is not an object with an email string is a 400 problem")
    void devSignInNonObject(String body) {
        HttpResponse<Buffer> response = devSignIn(WebClientSession.create(SharedApp.get().client()),
                "application/json", Buffer.buffer(body));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.getHeader("Content-Type")).isEqualTo(Problem.MEDIA_TYPE);
    }

    @Test
    @DisplayName("A 254-character email signs in; 255 characters is a 400 naming the email, never a database error")
    void emailLength() {
        String local = "a".repeat(64);
        String longest = local + "@" + "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(57) + ".com";
        assertThat(longest).hasSize(254);
        HttpResponse<Buffer> ok = devSignIn(WebClientSession.create(SharedApp.get().client()), "application/json",
                Buffer.buffer(new JsonObject().put("email", longest).encode()));
        assertThat(ok.statusCode()).isEqualTo(303);

        HttpResponse<Buffer> tooLong = devSignIn(WebClientSession.create(SharedApp.get().client()), "application/json",
                Buffer.buffer(new JsonObject().put("email", "x" + longest).encode()));
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.bodyAsJsonObject().getString("parameter")).isEqualTo("email");
    }

    @Test
    @DisplayName("application/jsonfoo is not JSON (415), and overlong UTF-8 is refused (400), never stored as U+0000")
    void exactMediaTypeAndStrictUtf8() {
        TestApp.Browser alice = SharedApp.newUser();
        HttpResponse<Buffer> foo = TestApp.await(alice.request(HttpMethod.POST, "/api/v1/conversations")
                .putHeader("Content-Type", "application/jsonfoo").sendBuffer(Buffer.buffer("{\"title\":\"x\"}")));
        assertThat(foo.statusCode()).isEqualTo(415);

        byte[] overlong = {'{', '"', 't', 'i', 't', 'l', 'e', '"', ':', '"', 'a', (byte) 0xC0, (byte) 0x80, 'b', '"', '}'};
        HttpResponse<Buffer> bad = TestApp.await(alice.request(HttpMethod.POST, "/api/v1/conversations")
                .putHeader("Content-Type", "application/json").sendBuffer(Buffer.buffer(overlong)));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.bodyAsJsonObject().getString("type")).endsWith("/malformed-utf8");
        assertThat(alice.get("/api/v1/conversations").bodyAsJsonObject().getJsonArray("conversations")).isEmpty();
    }

    @Test
    @DisplayName("POST /api/v1/conversations with no body at all creates a conversation, as the OpenAPI says")
    void conversationWithoutBody() {
        TestApp.Browser alice = SharedApp.newUser();
        HttpResponse<Buffer> created = TestApp.await(alice.request(HttpMethod.POST, "/api/v1/conversations").send());
        assertThat(created.statusCode()).as(created.bodyAsString()).isEqualTo(201);
        HttpResponse<Buffer> empty = TestApp.await(alice.request(HttpMethod.POST, "/api/v1/conversations")
                .putHeader("Content-Length", "0").sendBuffer(Buffer.buffer()));
        assertThat(empty.statusCode()).isEqualTo(201);
        JsonObject requestBody = SharedApp.get().client().get("/api/v1/openapi.json").send()
                .map(r -> r.bodyAsJsonObject()).toCompletionStage().toCompletableFuture().join()
                .getJsonObject("paths").getJsonObject("/conversations").getJsonObject("post").getJsonObject("requestBody");
        assertThat(requestBody.getBoolean("required")).isFalse();
    }

    @Test
    @DisplayName("Private JSON answers carry Cache-Control: no-store")
    void noStore() {
        TestApp.Browser alice = SharedApp.newUser();
        for (String path : List.of("/api/v1/conversations", "/api/v1/account", "/api/v1/usage",
                "/api/v1/knowledge/documents", "/api/v1/companies?q=samsung", "/api/v1/session")) {
            HttpResponse<Buffer> response = alice.get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(response.getHeader("Cache-Control")).as(path).isEqualTo("no-store");
        }
    }

    @Test
    @DisplayName("Signing in again in the same browser ends the browser's previous session")
    void signInAgainEndsPrevious() {
        TestApp app = SharedApp.get();
        TestApp.Browser alice = app.signIn("again-" + System.nanoTime() + "@example.com");
        String oldCookie = alice.session().cookieStore().get(false, "127.0.0.1", "/").iterator().next().value();
        assertThat(TestApp.await(app.client().get("/api/v1/session").putHeader("Cookie", "finlens_session=" + oldCookie)
                .send()).bodyAsJsonObject().getBoolean("signedIn")).isTrue();
        HttpResponse<Buffer> again = TestApp.await(alice.session().post("/auth/dev")
                .putHeader("X-CSRF-Token", alice.csrfToken())
                .sendForm(MultiMap.caseInsensitiveMultiMap().add("email", "other-" + System.nanoTime() + "@example.com")));
        assertThat(again.statusCode()).isEqualTo(303);

        HttpResponse<Buffer> withOld = TestApp.await(app.client().get("/api/v1/session")
                .putHeader("Cookie", "finlens_session=" + oldCookie).send());
        assertThat(withOld.bodyAsJsonObject().getBoolean("signedIn")).isFalse();
        assertThat(alice.get("/api/v1/session").bodyAsJsonObject().getBoolean("signedIn")).isTrue();
    }

    @Test
    @DisplayName("A request with both Content-Length and Transfer-Encoding is answered once and its connection closed")
    void contentLengthWithTransferEncoding() throws Exception {
        String smuggled = "GET /health/live HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
        String request = "POST /api/v1/companies/mentions HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Content-Type: application/json\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "0\r\n\r\n" + smuggled;
        try (Socket socket = new Socket("127.0.0.1", SharedApp.get().port())) {
            socket.setSoTimeout(15_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            byte[] buffer = new byte[4096];
            // Reads to the end of the stream: a connection left open would time out here instead.
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                received.write(buffer, 0, n);
            }
            String answer = received.toString(StandardCharsets.ISO_8859_1);
            Matcher statusLines = Pattern.compile("HTTP/1\\.1 \\d{3}").matcher(answer);
            int responses = 0;
            while (statusLines.find()) {
                responses++;
            }
            assertThat(responses).as(answer).isEqualTo(1);
            assertThat(answer.toLowerCase()).contains("connection: close");
        }
    }
}
