package com.finlens.account.signin;

import static org.assertj.core.api.Assertions.assertThat;

import com.finlens.testing.SharedApp;
import com.finlens.testing.TestApp;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DevExtensionSignInTest {

    private static final String REDIRECT = "https://" + SignInConfig.BUNDLED_EXTENSION_ID + ".chromiumapp.org/oauth";
    private final WebClient client = SharedApp.get().client();

    @Test
    @DisplayName("Locally, the bundled extension signs in with an email and gets working bearer tokens")
    void signsInTheBundledExtension() {
        HttpResponse<Buffer> form = TestApp.await(client.get("/auth/extension/start")
                .addQueryParam("redirect_uri", REDIRECT).send());
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.bodyAsString()).contains("name=\"redirect_uri\"");

        HttpResponse<Buffer> done = TestApp.await(client.post("/auth/extension/dev").sendForm(MultiMap
                .caseInsensitiveMultiMap().add("redirect_uri", REDIRECT).add("email", "ext-dev@example.com")));
        assertThat(done.statusCode()).isEqualTo(303);
        String location = done.getHeader("Location");
        assertThat(location).startsWith(REDIRECT + "#access_token=");
        Map<String, String> fragment = fragment(location);
        assertThat(fragment).containsKeys("refresh_token", "expires_in").containsEntry("token_type", "Bearer");

        HttpResponse<Buffer> created = TestApp.await(client.post("/api/v1/conversations")
                .bearerTokenAuthentication(fragment.get("access_token")).sendJsonObject(new JsonObject()));
        assertThat(created.statusCode()).isEqualTo(201);
    }

    @Test
    @DisplayName("Tokens never go to an extension that is not allow-listed, nor to any other address")
    void refusesOtherRedirects() {
        for (String bad : new String[] {"https://" + "a".repeat(32) + ".chromiumapp.org/oauth",
                "https://evil.example.com/oauth", REDIRECT + "?x=1"}) {
            HttpResponse<Buffer> start = TestApp.await(client.get("/auth/extension/start")
                    .addQueryParam("redirect_uri", bad).send());
            assertThat(start.statusCode()).as(bad).isEqualTo(400);
            HttpResponse<Buffer> post = TestApp.await(client.post("/auth/extension/dev").sendForm(MultiMap
                    .caseInsensitiveMultiMap().add("redirect_uri", bad).add("email", "x@example.com")));
            assertThat(post.statusCode()).as(bad).isEqualTo(400);
            assertThat(post.getHeader("Location")).isNull();
        }
    }

    private static Map<String, String> fragment(String location) {
        Map<String, String> out = new HashMap<>();
        for (String pair : URI.create(location).getRawFragment().split("&")) {
            String[] kv = pair.split("=", 2);
            out.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return out;
    }

    @Test
    @DisplayName("A loopback server with no Google client says it offers the development sign-in only, to anyone")
    void signInMethods() {
        HttpResponse<Buffer> methods = TestApp.await(client.get("/api/v1/sign-in/methods").send());
        assertThat(methods.statusCode()).isEqualTo(200);
        assertThat(methods.bodyAsJsonObject().getBoolean("development")).isTrue();
        assertThat(methods.bodyAsJsonObject().getBoolean("google")).isFalse();
    }
}
