package com.finlens.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.finlens.testing.Tools;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("nginx templates")
class NginxTemplateTest {

    /** Variables the official image's environment holds besides the ones compose.yaml sets. */
    private static final Map<String, String> IMAGE_ENVIRONMENT = Map.of(
            "PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
            "HOSTNAME", "0123456789ab", "HOME", "/root", "NGINX_VERSION", "1.27.5");

    @TempDir
    Path dir;

    @BeforeEach
    void requireTools() {
        Tools.require("nginx");
        Tools.require("envsubst");
        Tools.require("openssl");
    }

    @Test
    @DisplayName("render completely with the environment compose.yaml gives the nginx container")
    void renderWithComposeEnvironment() {
        Map<String, String> env = new LinkedHashMap<>(IMAGE_ENVIRONMENT);
        env.putAll(composeNginxEnvironment());

        NginxSite site = NginxSite.render(dir, env);

        assertThat(site.leftoverVariables()).isEmpty();
        assertThat(read(site.confFile("default.conf")))
                .contains("server_name finlens.example.com;")
                .contains("ssl_certificate     /etc/letsencrypt/live/finlens.example.com/fullchain.pem;")
                .contains("root /var/www/certbot;");
        assertThat(read(site.confFile("upstream.conf"))).contains("server backend:8080 max_fails=2 fail_timeout=10s;");
    }

    @Test
    @DisplayName("the loopback test environment defines exactly the variables compose.yaml defines for nginx")
    void loopbackEnvironmentMatchesCompose() {
        Map<String, String> loopback = NginxSite.loopbackEnvironment(1, 2, dir, dir, "127.0.0.1:3");

        assertThat(loopback.keySet()).containsExactlyInAnyOrderElementsOf(composeNginxEnvironment().keySet());
        assertThat(composeNginxEnvironment().keySet()).containsAll(templateVariables());
    }

    @Test
    @DisplayName("the rendered configuration passes nginx -t and keeps nginx's own variables")
    void renderedConfigurationIsValid() {
        TestTls.selfSigned(dir.resolve("certs"));
        NginxSite site = NginxSite.render(dir.resolve("site"),
                NginxSite.loopbackEnvironment(18080, 18443, dir.resolve("certs"), dir.resolve("webroot"), "127.0.0.1:18081"));

        String output = site.check();

        assertThat(output).contains("test is successful");
        assertThat(site.leftoverVariables()).isEmpty();
        assertThat(read(site.confFile("default.conf")))
                .contains("return 301 https://$host:18443$request_uri;")
                .contains("proxy_pass http://finlens_backend;");
    }

    @Test
    @DisplayName("a variable missing from the environment stays literal and nginx -t rejects the result")
    void undefinedVariableIsCaught() {
        TestTls.selfSigned(dir.resolve("certs"));
        Map<String, String> env = NginxSite.loopbackEnvironment(18080, 18443, dir.resolve("certs"),
                dir.resolve("webroot"), "127.0.0.1:18081");
        env.remove("NGINX_CERT_DIR");

        NginxSite site = NginxSite.render(dir.resolve("site"), env);

        assertThat(site.leftoverVariables()).containsExactly("default.conf: ${NGINX_CERT_DIR}", "default.conf: ${NGINX_CERT_DIR}");
        assertThatThrownBy(site::check).hasMessageContaining("unknown \"nginx_cert_dir\" variable");
    }

    @Test
    @DisplayName("no location declares headers itself, which would drop HSTS and X-Forwarded-* inherited from the server")
    void locationsInheritAllHeaders() throws IOException {
        List<String> offenders = new ArrayList<>();
        Pattern headerDirective = Pattern.compile("^\\s*(add_header|proxy_set_header|proxy_hide_header)\\b", Pattern.MULTILINE);
        for (String block : locationBlocks(RepoFiles.read("nginx/templates/default.conf.template"))) {
            String expanded = block;
            Matcher include = Pattern.compile("include\\s+snippets/([\\w.-]+);").matcher(block);
            while (include.find()) {
                expanded += Files.readString(RepoFiles.path("nginx/snippets/" + include.group(1)));
            }
            if (headerDirective.matcher(expanded).find()) {
                offenders.add(block.lines().findFirst().orElse(block));
            }
        }
        assertThat(offenders).isEmpty();
        assertThat(locationBlocks(RepoFiles.read("nginx/templates/default.conf.template"))).hasSizeGreaterThan(5);
    }

    @Test
    @DisplayName("every location routes a path the backend really serves (checked against its OpenAPI document and files)")
    void locationsAreRealRoutes() {
        // One real request per location; the answer stream is the only streaming route.
        Map<String, String> sample = Map.of(
                "location ^~ /.well-known/acme-challenge/", "",
                "location ^~ /metrics", "GET /metrics",
                "location ~ ^/api/v1/conversations/[^/]+/messages$", "POST /api/v1/conversations/7/messages",
                "location /auth/", "POST /auth/dev",
                "location /api/", "GET /api/v1/session",
                "location /static/", "GET /static/css/app.css",
                "location /", "GET /");
        for (String block : locationBlocks(RepoFiles.read("nginx/templates/default.conf.template"))) {
            String location = block.substring(0, block.indexOf('{')).strip();
            assertThat(sample).as("a location the backend has no route for").containsKey(location);
            if (!sample.get(location).isEmpty()) {
                String[] request = sample.get(location).split(" ");
                assertThat(FakeBackend.routeOf(request[0], request[1])).as(location).isNotNull();
            }
        }
        assertThat(FakeBackend.routeOf("POST", "/api/v1/conversations/7/messages"))
                .isEqualTo("POST /conversations/{id}/messages");
        assertThat(FakeBackend.routeOf("GET", "/chat/stream/7")).isNull();
    }

    private static List<String> locationBlocks(String template) {
        String config = template.replaceAll("#[^\n]*", "");
        List<String> blocks = new ArrayList<>();
        Matcher start = Pattern.compile("location\\s[^{]*\\{").matcher(config);
        while (start.find()) {
            int depth = 1;
            int i = start.end();
            while (depth > 0) {
                char c = config.charAt(i++);
                depth += c == '{' ? 1 : c == '}' ? -1 : 0;
            }
            blocks.add(config.substring(start.start(), i));
        }
        return blocks;
    }

    private static Set<String> templateVariables() {
        Set<String> names = new LinkedHashSet<>();
        for (Path template : NginxSite.templates()) {
            Matcher m = NginxSite.TEMPLATE_VARIABLE.matcher(read(template));
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    private static Map<String, String> composeNginxEnvironment() {
        JsonNode compose = ComposeFile.load();
        return ComposeFile.environment(compose, "nginx", ComposeFile.configuredEnv());
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
