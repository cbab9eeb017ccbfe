package com.finlens.bench;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Development sign-in (loopback only), as a browser does it: the session cookie and the CSRF token of the session. */
final class SignIn {

    private SignIn() {
    }

    static StreamLoad.Session as(String baseUrl, String email) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/auth/dev"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("email=" + email)).build(),
                HttpResponse.BodyHandlers.ofString());
        String cookie = signedIn.headers().allValues("set-cookie").stream()
                .filter(c -> c.contains("finlens_session=")).findFirst()
                .map(c -> c.substring(0, c.indexOf(';')))
                .orElseThrow(() -> new IllegalStateException("sign-in answered " + signedIn.statusCode()));
        HttpResponse<String> session = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/session"))
                .header("Cookie", cookie).build(), HttpResponse.BodyHandlers.ofString());
        return new StreamLoad.Session(cookie, new JsonObject(session.body()).getString("csrfToken"));
    }
}
