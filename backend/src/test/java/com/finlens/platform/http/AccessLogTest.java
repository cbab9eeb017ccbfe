package com.finlens.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.net.SocketAddress;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AccessLogTest {

    private final ByteArrayOutputStream written = new ByteArrayOutputStream();

    @Test
    @DisplayName("Each request becomes one line in the logger's format: id, method, path, status, time, client")
    void lineFormat() {
        try (AccessLog log = new AccessLog(new PrintStream(written, true, StandardCharsets.UTF_8))) {
            log.write(new AccessLog.Line("abc-1", HttpMethod.GET, "/api/v1/companies/005930", 200, 12_400_000,
                    SocketAddress.inetSocketAddress(50123, "127.0.0.1")));
            log.write(new AccessLog.Line("abc-2", HttpMethod.POST, "/auth/dev", 303, 999_999, null));
        }
        List<String> lines = written.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\+0000 "
                + "\\[finlens-access-log] INFO access - abc-1 GET /api/v1/companies/005930 200 12ms 127\\.0\\.0\\.1");
        assertThat(lines.get(1)).endsWith("INFO access - abc-2 POST /auth/dev 303 0ms -");
    }

    @Test
    @DisplayName("A path's or a forwarded address's control characters and bytes outside ASCII are written as %XX, "
            + "so no request can break a line or send a terminal escape; a literal percent sign stays as sent")
    void clientTextIsEscaped() {
        // Netty reads the request line as ISO-8859-1: each char is one byte the client sent ("한" is ED 95 9C).
        String path = "/q/\u00ed\u0095\u009c\r\nFAKE 200\u001b[31m%41";
        try (AccessLog log = new AccessLog(new PrintStream(written, true, StandardCharsets.UTF_8))) {
            log.write(new AccessLog.Line("abc-3", HttpMethod.GET, path, 404, 0,
                    SocketAddress.inetSocketAddress(0, "10.0.0.1\u001b]0;owned\u0007")));
        }
        String line = written.toString(StandardCharsets.UTF_8);
        assertThat(line.lines()).hasSize(1);
        assertThat(line).contains(" GET /q/%ED%95%9C%0D%0AFAKE%20200%1B[31m%41 404 0ms 10.0.0.1%1B]0;owned%07");
    }

    @Test
    @DisplayName("Lines queued before close are all written, in order, in batches")
    void closeWritesEverything() {
        try (AccessLog log = new AccessLog(new PrintStream(written, true, StandardCharsets.UTF_8))) {
            for (int i = 0; i < 5_000; i++) {
                log.write(new AccessLog.Line("id-" + i, HttpMethod.GET, "/p", 200, 0, null));
            }
        }
        List<String> lines = written.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(5_000);
        assertThat(lines.get(4_999)).contains(" id-4999 GET /p 200");
    }
}
