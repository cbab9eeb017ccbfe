package com.finlens.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.finlens.testing.Tools;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The certificate life cycle of the deployment, on loopback: Pebble (a test ACME CA) stands in for Let's
 * Encrypt; nginx/init-letsencrypt.sh bootstraps with a dummy certificate and obtains a real one by webroot; the
 * certbot service's renew command renews it; nginx's renewal watcher reloads nginx while a request is in flight.
 */
@DisplayName("Let's Encrypt bootstrap and renewal")
class AcmeTest {

    private static final int LIMIT_SECONDS = 120;

    @TempDir
    Path dir;

    private final List<AutoCloseable> started = new ArrayList<>();

    @AfterEach
    void stopEverything() throws Exception {
        for (int i = started.size() - 1; i >= 0; i--) {
            started.get(i).close();
        }
    }

    @Test
    @DisplayName("bootstrap serves a dummy, obtains a CA certificate, and renewal swaps it without dropping a request")
    void issueServeRenewReload() throws Exception {
        for (String tool : List.of("nginx", "certbot", "pebble", "openssl", "envsubst", "sh")) {
            Tools.require(tool);
        }
        NginxSite.readableByWorkers(dir);
        int httpPort = Ports.free();
        int httpsPort = Ports.free();
        int acmePort = Ports.free();
        int managementPort = Ports.free();
        Path le = dir.resolve("le");
        Path webroot = dir.resolve("webroot");
        Files.createDirectories(webroot);

        startPebble(acmePort, managementPort, httpPort);
        SlowUpstream upstream = new SlowUpstream();
        started.add(upstream);

        NginxSite nginx = NginxSite.render(dir.resolve("nginx"), NginxSite.loopbackEnvironment(httpPort, httpsPort,
                le.resolve("config/live/localhost"), webroot, upstream.address()));
        Map<String, String> scriptEnv = scriptEnvironment(le, webroot, acmePort, nginx);

        // 1. dummy certificate, then nginx can start
        runScript(scriptEnv, "dummy");
        started.add(nginx);
        nginx.start(httpsPort);
        X509Certificate dummy = servedCertificate(httpsPort);
        assertThat(dummy.getIssuerX500Principal()).isEqualTo(dummy.getSubjectX500Principal());

        // 2. a certificate from the CA through the HTTP-01 webroot, and a reload
        runScript(scriptEnv, "obtain");
        X509Certificate issued = awaitServedCertificateOtherThan(httpsPort, dummy.getSerialNumber());
        assertThat(issued.getIssuerX500Principal().getName()).contains("Pebble");
        assertThat(Files.readString(dir.resolve("nginx/logs/access.log"))).contains("/.well-known/acme-challenge/");

        // 3. renewal by the certbot service's command while a slow request is in flight
        HttpClient client = TestTls.client(pebbleRoot(managementPort));
        HttpRequest slow = HttpRequest.newBuilder(URI.create("https://localhost:" + httpsPort + "/api/v1/slow"))
                .timeout(Duration.ofSeconds(60)).build();
        CompletableFuture<HttpResponse<String>> inFlight = client.sendAsync(slow, HttpResponse.BodyHandlers.ofString());
        long giveUpAt = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        boolean arrived = false;
        while (!arrived && System.nanoTime() < giveUpAt) {
            arrived = upstream.arrived.await(100, TimeUnit.MILLISECONDS);
            // Right after the reload an exiting old worker may still complete a handshake with the dummy
            // certificate; the request never left nginx then, so sending it again is safe.
            if (!arrived && inFlight.isCompletedExceptionally() && handshakeFailed(inFlight.handle((r, e) -> e).join())) {
                inFlight = client.sendAsync(slow, HttpResponse.BodyHandlers.ofString());
            }
        }
        CompletableFuture<HttpResponse<String>> seen = inFlight;
        assertThat(arrived).as(() -> "slow request reached the upstream; the client saw "
                + (seen.isDone() ? seen.handle((r, e) -> e != null ? e.toString()
                        : r.statusCode() + " " + r.body()).join() : "nothing yet")
                + "; nginx error log:\n" + nginx.errorLog()).isTrue();
        String masterPid = Files.readString(dir.resolve("nginx/logs/nginx.pid")).strip();

        startRenewalWatcher(le, nginx);
        ManagedProcess.run(RepoFiles.root(), scriptEnv, LIMIT_SECONDS, List.of("sh", "-c", composeRenewCommand(le, webroot)));
        X509Certificate renewed = awaitServedCertificateOtherThan(httpsPort, issued.getSerialNumber());

        upstream.release.countDown();
        HttpResponse<String> response = inFlight.get(30, TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("slow answer");
        assertThat(renewed.getIssuerX500Principal().getName()).contains("Pebble");
        assertThat(Files.readString(dir.resolve("nginx/logs/nginx.pid")).strip()).isEqualTo(masterPid);
        assertThat(nginx.errorLog()).contains("reconfiguring");
    }

    private static boolean handshakeFailed(Throwable failure) {
        return failure instanceof javax.net.ssl.SSLHandshakeException
                || failure.getCause() instanceof javax.net.ssl.SSLHandshakeException;
    }

    private void startPebble(int acmePort, int managementPort, int httpPort) throws IOException {
        Path ca = dir.resolve("pebble");
        Files.createDirectories(ca);
        ManagedProcess.run(ca, Map.of(), 30, List.of("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes",
                "-days", "2", "-subj", "/CN=pebble listener root", "-keyout", "ca.key", "-out", "ca.pem",
                "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign"));
        ManagedProcess.run(ca, Map.of(), 30, List.of("openssl", "req", "-newkey", "rsa:2048", "-nodes",
                "-subj", "/CN=localhost", "-keyout", "listener.key", "-out", "listener.csr"));
        Files.writeString(ca.resolve("ext.cnf"),
                "subjectAltName=DNS:localhost,IP:127.0.0.1\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n");
        ManagedProcess.run(ca, Map.of(), 30, List.of("openssl", "x509", "-req", "-in", "listener.csr", "-CA", "ca.pem",
                "-CAkey", "ca.key", "-CAcreateserial", "-days", "2", "-extfile", "ext.cnf", "-out", "listener.pem"));
        // A one-day validity makes the certificate due for renewal at once (certbot renews 30 days ahead).
        Files.writeString(ca.resolve("pebble.json"), """
                {"pebble": {"listenAddress": "127.0.0.1:%d", "managementListenAddress": "127.0.0.1:%d",
                 "certificate": "listener.pem", "privateKey": "listener.key",
                 "httpPort": %d, "tlsPort": %d, "ocspResponderURL": "", "externalAccountBindingRequired": false,
                 "certificateValidityPeriod": 86400}}
                """.formatted(acmePort, managementPort, httpPort, Ports.free()));
        ManagedProcess pebble = ManagedProcess.start("pebble", ca,
                Map.of("PEBBLE_VA_NOSLEEP", "1", "PEBBLE_WFE_NONCEREJECT", "0"), LIMIT_SECONDS,
                List.of("pebble", "-config", "pebble.json", "-strict=false"));
        started.add(pebble);
        Ports.awaitListening(acmePort, 150, pebble);
    }

    private Map<String, String> scriptEnvironment(Path le, Path webroot, int acmePort, NginxSite nginx) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("FINLENS_ACME_LOCAL", "1");
        env.put("FINLENS_DOMAIN", "localhost");
        env.put("FINLENS_ACME_EMAIL", "");
        env.put("LE_DIR", le.resolve("config").toString());
        env.put("WEBROOT", webroot.toString());
        env.put("ACME_SERVER", "https://127.0.0.1:" + acmePort + "/dir");
        env.put("CERTBOT_ARGS", "--work-dir " + le.resolve("work") + " --logs-dir " + le.resolve("logs"));
        env.put("NGINX_RELOAD", String.join(" ", quoted(nginx.command("-s", "reload"))));
        env.put("REQUESTS_CA_BUNDLE", dir.resolve("pebble/ca.pem").toString());
        return env;
    }

    private void runScript(Map<String, String> env, String step) {
        ManagedProcess.run(RepoFiles.root(), env, LIMIT_SECONDS,
                List.of("sh", RepoFiles.path("nginx/init-letsencrypt.sh").toString(), step));
    }

    /** The renew line of the certbot service in compose.yaml, pointed at this test's directories. */
    private String composeRenewCommand(Path le, Path webroot) {
        String loop = ComposeFile.load().path("services").path("certbot").path("command").get(0).asText();
        String renew = loop.lines().map(String::strip).filter(line -> line.startsWith("certbot renew")).findFirst()
                .orElseThrow();
        return renew.replace("$$", "$").replace("/var/www/certbot", webroot.toString())
                + " --config-dir " + le.resolve("config") + " --work-dir " + le.resolve("work")
                + " --logs-dir " + le.resolve("logs");
    }

    private void startRenewalWatcher(Path le, NginxSite nginx) {
        Map<String, String> env = Map.of(
                "FINLENS_RENEWAL_MARKER", le.resolve("config/finlens-renewed").toString(),
                "FINLENS_RENEWAL_CHECK_SECONDS", "1",
                "NGINX_RELOAD", String.join(" ", quoted(nginx.command("-s", "reload"))));
        ManagedProcess watcher = ManagedProcess.start("renewal-watcher", dir, env, LIMIT_SECONDS,
                List.of("sh", RepoFiles.path("nginx/entrypoint/40-reload-on-renewal.sh").toString(), "--foreground"));
        started.add(watcher::kill);
    }

    private Path pebbleRoot(int managementPort) throws Exception {
        HttpClient client = TestTls.client(dir.resolve("pebble/ca.pem"));
        String root = client.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + managementPort + "/roots/0"))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
        Path file = dir.resolve("pebble/issuer-root.pem");
        Files.writeString(file, root);
        return file;
    }

    private static X509Certificate awaitServedCertificateOtherThan(int port, BigInteger serial) throws Exception {
        for (int attempt = 0; attempt < 100; attempt++) {
            X509Certificate served = servedCertificate(port);
            if (!served.getSerialNumber().equals(serial)) {
                return served;
            }
            Ports.sleep(100);
        }
        throw new AssertionError("nginx still serves certificate " + serial);
    }

    /** The leaf certificate nginx presents for localhost (read only, so any issuer is accepted here). */
    private static X509Certificate servedCertificate(int port) throws Exception {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {new AcceptAnyForInspection()}, null);
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(InetAddress.getLoopbackAddress(), port)) {
            SSLParameters parameters = socket.getSSLParameters();
            parameters.setServerNames(List.of(new SNIHostName("localhost")));
            socket.setSSLParameters(parameters);
            socket.setSoTimeout(5000);
            socket.startHandshake();
            return (X509Certificate) socket.getSession().getPeerCertificates()[0];
        }
    }

    private static List<String> quoted(List<String> command) {
        return command.stream().map(arg -> "'" + arg.replace("'", "'\\''") + "'").toList();
    }

    private static final class AcceptAnyForInspection implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }

    /** An upstream whose /api/v1/slow answers only when the test releases it. */
    private static final class SlowUpstream implements AutoCloseable {
        final CountDownLatch arrived = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        private final ExecutorService executor = Executors.newCachedThreadPool();
        private final HttpServer server;

        SlowUpstream() throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
            server.setExecutor(executor);
            server.createContext("/api/v1/slow", exchange -> {
                arrived.countDown();
                try {
                    release.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                byte[] body = "slow answer".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
        }

        String address() {
            return "127.0.0.1:" + server.getAddress().getPort();
        }

        @Override
        public void close() {
            release.countDown();
            server.stop(0);
            executor.shutdownNow();
        }
    }
}
