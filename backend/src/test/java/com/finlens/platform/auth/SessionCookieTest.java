package com.finlens.platform.auth;

import static com.finlens.testing.TestApp.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.finlens.testing.SharedApp;
import com.finlens.testing.TestApp;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SessionCookieTest {

    private static final String NAME = "finlens_session";

    @Test
    @DisplayName("The session cookie is found alone, among others, with spaces or tabs, and in double quotes")
    void findsTheCookieWhereverItIs() {
        assertThat(SessionCookie.valueIn("finlens_session=abc", NAME)).isEqualTo("abc");
        assertThat(SessionCookie.valueIn("lang=ko; finlens_session=abc-_1; theme=dark", NAME)).isEqualTo("abc-_1");
        assertThat(SessionCookie.valueIn("lang=ko;\tfinlens_session=abc  ", NAME)).isEqualTo("abc");
        assertThat(SessionCookie.valueIn("finlens_session=\"abc\"", NAME)).isEqualTo("abc");
        assertThat(SessionCookie.valueIn("finlens_session=", NAME)).isEmpty();
    }

    @Test
    @DisplayName("The first cookie of the name wins, and cookies whose names only contain it are not it")
    void firstOfTheNameAndOnlyThatName() {
        assertThat(SessionCookie.valueIn("finlens_session=first; finlens_session=second", NAME)).isEqualTo("first");
        assertThat(SessionCookie.valueIn("xfinlens_session=1; finlens_session_old=2; finlens_sessio=3", NAME))
                .isNull();
        assertThat(SessionCookie.valueIn("finlens_session", NAME)).isNull();
        assertThat(SessionCookie.valueIn("", NAME)).isNull();
        assertThat(SessionCookie.valueIn(";;", NAME)).isNull();
    }

    @Test
    @DisplayName("A browser that sends other cookies around the session cookie is signed in; without it, it is not")
    void signsInFromAHeaderWithOtherCookies() {
        TestApp app = SharedApp.get();
        TestApp.Browser browser = SharedApp.newUser();
        HttpResponse<Buffer> signedIn = await(app.client().get("/api/v1/session")
                .putHeader("Cookie", "lang=en; " + browser.sessionCookie() + "; theme=dark").send());
        assertThat(signedIn.statusCode()).isEqualTo(200);
        assertThat(signedIn.bodyAsJsonObject().getJsonObject("user").getLong("id")).isEqualTo(browser.userId());

        assertThat(await(app.client().get("/api/v1/conversations")
                .putHeader("Cookie", "lang=en; " + browser.sessionCookie()).send()).statusCode()).isEqualTo(200);
        assertThat(await(app.client().get("/api/v1/conversations")
                .putHeader("Cookie", "lang=en; x" + browser.sessionCookie()).send()).statusCode()).isEqualTo(401);
    }
}
