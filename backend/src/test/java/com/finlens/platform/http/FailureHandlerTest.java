package com.finlens.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.finlens.platform.view.Messages;
import com.finlens.platform.view.Views;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class FailureHandlerTest {

    @Test
    @DisplayName("An unexpected exception becomes a 500 problem with a reference and no stack trace")
    void unexpectedFailure(Vertx vertx) throws Exception {
        Router router = Router.router(vertx);
        router.route().handler(new RequestLog(false));
        router.get("/api/v1/boom").handler(ctx -> {
            throw new IllegalStateException("secret internal detail at com.finlens.Something");
        });
        router.get("/boom").handler(ctx -> {
            throw new IllegalStateException("secret internal detail");
        });
        router.route().failureHandler(new FailureHandler(new Views(vertx, new Messages(), Map.of())));
        var server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().get();
        WebClient client = WebClient.create(vertx);
        HttpResponse<Buffer> api = client.get(server.actualPort(), "127.0.0.1", "/api/v1/boom").send()
                .toCompletionStage().toCompletableFuture().get();
        assertThat(api.statusCode()).isEqualTo(500);
        assertThat(api.getHeader("Content-Type")).isEqualTo("application/problem+json");
        assertThat(api.bodyAsJsonObject().getString("type")).endsWith("/internal-error");
        assertThat(api.bodyAsJsonObject().getString("requestId")).isEqualTo(api.getHeader("X-Request-Id"));
        assertThat(api.bodyAsString()).doesNotContain("secret").doesNotContain("IllegalStateException");

        HttpResponse<Buffer> page = client.get(server.actualPort(), "127.0.0.1", "/boom").putHeader("Accept", "text/html")
                .send().toCompletionStage().toCompletableFuture().get();
        assertThat(page.statusCode()).isEqualTo(500);
        assertThat(page.bodyAsString()).contains("Something went wrong").doesNotContain("secret");
    }
}
