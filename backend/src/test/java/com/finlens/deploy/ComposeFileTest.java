package com.finlens.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("compose.yaml")
class ComposeFileTest {

    private final JsonNode compose = ComposeFile.load();

    @Test
    @DisplayName("is valid against the official Compose Specification schema")
    void validAgainstSchema() {
        assertThat(schemaErrors(compose)).isEmpty();
    }

    @Test
    @DisplayName("the schema check catches misspelt keys and wrong healthcheck conditions")
    void schemaCatchesMistakes() {
        JsonNode broken = ComposeFile.parseYaml("""
                services:
                  web:
                    image: nginx:1.27.5
                    healthcheck:
                      intervall: 5s
                    depends_on:
                      db:
                        condition: service_ready
                  db:
                    image: mysql:8.4.5
                    profiles: duckdns
                """);

        assertThat(String.join("\n", schemaErrors(broken)))
                .contains("intervall")
                .contains("condition")
                .contains("profiles");
    }

    @Test
    @DisplayName("has no obsolete version key and names the project")
    void modernTopLevel() {
        assertThat(compose.has("version")).isFalse();
        assertThat(compose.path("name").asText()).isEqualTo("finlens");
    }

    @Test
    @DisplayName("every depends_on, volume, network and secret a service uses is declared")
    void referencesResolve() {
        List<String> problems = new ArrayList<>();
        Set<String> services = names(compose.path("services"));
        compose.path("services").fields().forEachRemaining(entry -> {
            String name = entry.getKey();
            JsonNode service = entry.getValue();
            for (String target : names(service.path("depends_on"))) {
                if (!services.contains(target)) {
                    problems.add(name + " depends on undefined service " + target);
                }
            }
            for (JsonNode volume : service.path("volumes")) {
                String source = volume.asText().split(":")[0];
                if (source.startsWith(".") || source.startsWith("/")) {
                    if (!Files.exists(RepoFiles.path(source))) {
                        problems.add(name + " mounts missing path " + source);
                    }
                } else if (!compose.path("volumes").has(source)) {
                    problems.add(name + " uses undefined volume " + source);
                }
            }
            for (String kind : List.of("networks", "secrets")) {
                for (String used : service.path(kind).isArray() ? values(service.path(kind)) : names(service.path(kind))) {
                    if (!compose.path(kind).has(used)) {
                        problems.add(name + " uses undefined " + kind + " entry " + used);
                    }
                }
            }
        });
        assertThat(problems).isEmpty();
    }

    @Test
    @DisplayName("waits for healthy dependencies, each of which has a healthcheck")
    void dependenciesAreHealthChecked() {
        compose.path("services").fields().forEachRemaining(entry -> entry.getValue().path("depends_on").fields()
                .forEachRemaining(dependency -> {
                    assertThat(dependency.getValue().path("condition").asText())
                            .as(entry.getKey() + " -> " + dependency.getKey()).isEqualTo("service_healthy");
                    assertThat(compose.path("services").path(dependency.getKey()).has("healthcheck"))
                            .as(dependency.getKey() + " healthcheck").isTrue();
                }));
        assertThat(compose.path("services").path("nginx").path("depends_on").has("backend")).isTrue();
        assertThat(compose.path("services").path("backend").path("depends_on").has("mysql")).isTrue();
    }

    @Test
    @DisplayName("publishes ports only on nginx, 80 and 443, and lets the backend scale")
    void onlyNginxIsPublished() {
        Set<String> withPorts = new TreeSet<>();
        compose.path("services").fields().forEachRemaining(e -> {
            if (e.getValue().has("ports")) {
                withPorts.add(e.getKey());
            }
        });
        assertThat(withPorts).containsExactly("nginx");
        assertThat(values(compose.path("services").path("nginx").path("ports"))).containsExactlyInAnyOrder("80:80", "443:443");
        JsonNode backend = compose.path("services").path("backend");
        assertThat(backend.has("container_name")).isFalse();
        assertThat(values(backend.path("expose"))).containsExactly("8080");
        assertThat(compose.path("networks").path("data").path("internal").asBoolean()).isTrue();
    }

    @Test
    @DisplayName("pins every pulled image to a version tag")
    void imagesArePinned() {
        compose.path("services").fields().forEachRemaining(e -> {
            String image = e.getValue().path("image").asText();
            if (e.getValue().has("build")) {
                return;
            }
            String tag = image.contains(":") ? image.substring(image.lastIndexOf(':') + 1) : "";
            assertThat(tag).as(e.getKey() + " image " + image).isNotEmpty().isNotEqualTo("latest").matches(".*\\d.*");
        });
    }

    @Test
    @DisplayName("documents every variable it reads in .env.example")
    void variablesAreDocumented() {
        Set<String> documented = ComposeFile.dotenv(RepoFiles.read(".env.example")).keySet();
        Set<String> referenced = ComposeFile.referencedVariables(RepoFiles.read("compose.yaml").replace("$$", ""));

        assertThat(referenced).isNotEmpty();
        assertThat(documented).containsAll(referenced);
    }

    @Test
    @DisplayName("requires exactly the values an operator must choose, and refuses to start without them")
    void requiresOperatorValues() {
        assertThat(ComposeFile.requiredVariables(RepoFiles.read("compose.yaml")))
                .containsExactlyInAnyOrderElementsOf(ComposeFile.OPERATOR_VALUES.keySet());
        Map<String, String> unconfigured = ComposeFile.dotenv(RepoFiles.read(".env.example"));
        assertThatThrownBy(() -> ComposeFile.environment(compose, "backend", unconfigured))
                .hasMessageContaining("set FINLENS_DOMAIN in .env");
    }

    @Test
    @DisplayName("resolves with a configured .env: public URL, database password and body limits line up")
    void interpolatesWithConfiguredEnv() {
        Map<String, String> configured = ComposeFile.configuredEnv();
        Map<String, String> backend = ComposeFile.environment(compose, "backend", configured);
        Map<String, String> mysql = ComposeFile.environment(compose, "mysql", configured);
        Map<String, String> nginx = ComposeFile.environment(compose, "nginx", configured);

        assertThat(backend.get("FINLENS_PUBLIC_URL")).isEqualTo("https://" + configured.get("FINLENS_DOMAIN"));
        assertThat(backend.get("FINLENS_DB_PASSWORD")).isEqualTo(mysql.get("MYSQL_PASSWORD"));
        assertThat(backend.get("FINLENS_DB_USER")).isEqualTo(mysql.get("MYSQL_USER"));
        assertThat(backend.get("FINLENS_DB_URL")).endsWith("/" + mysql.get("MYSQL_DATABASE"));
        assertThat(Long.parseLong(backend.get("FINLENS_BODY_LIMIT_BYTES")))
                .isEqualTo(nginxSize(nginx.get("NGINX_CLIENT_MAX_BODY_SIZE")));
        assertThat(backend.get("FINLENS_TRUST_FORWARDED_HEADERS")).isEqualTo("true");
        // nginx compresses for the browsers; the backend behind it does not.
        assertThat(backend.get("FINLENS_HTTP_COMPRESSION")).isEqualTo("false");
    }

    @Test
    @DisplayName("certbot renews quietly without the random delay and signals nginx through the watched marker")
    void renewalReachesNginx() {
        String certbot = compose.path("services").path("certbot").path("command").get(0).asText();
        String watcher = RepoFiles.read("nginx/entrypoint/40-reload-on-renewal.sh");

        assertThat(certbot).contains("certbot renew --webroot -w /var/www/certbot", "--no-random-sleep-on-renew",
                "--deploy-hook 'touch \"$$RENEWED_LINEAGE/../../finlens-renewed\"'");
        assertThat(watcher).contains("FINLENS_RENEWAL_MARKER:-/etc/letsencrypt/finlens-renewed");
        assertThat(values(compose.path("services").path("nginx").path("volumes")))
                .contains("certbot-etc:/etc/letsencrypt:ro", "certbot-www:/var/www/certbot:ro");
        assertThat(RepoFiles.path("nginx/entrypoint/40-reload-on-renewal.sh").toFile().canExecute()).isTrue();
    }

    private static List<String> schemaErrors(JsonNode document) {
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V201909)
                .getSchema(RepoFiles.read("backend/src/test/resources/deploy/compose-spec.json"));
        Set<ValidationMessage> errors = schema.validate(document);
        return errors.stream().map(ValidationMessage::getMessage).sorted().collect(Collectors.toList());
    }

    private static long nginxSize(String size) {
        long number = Long.parseLong(size.replaceAll("[kKmM]$", ""));
        return switch (Character.toLowerCase(size.charAt(size.length() - 1))) {
            case 'k' -> number * 1024;
            case 'm' -> number * 1024 * 1024;
            default -> number;
        };
    }

    private static Set<String> names(JsonNode node) {
        Set<String> names = new TreeSet<>();
        if (node.isArray()) {
            names.addAll(values(node));
        } else {
            node.fieldNames().forEachRemaining(names::add);
        }
        return names;
    }

    private static List<String> values(JsonNode array) {
        List<String> values = new ArrayList<>();
        for (Iterator<JsonNode> it = array.elements(); it.hasNext(); ) {
            values.add(it.next().asText());
        }
        return values;
    }
}
