package com.finlens.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.finlens.testing.Tools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * nginx/init-letsencrypt.sh in its Docker mode, with a stand-in {@code docker} on the PATH that records each call:
 * the commands a server would run, in order, against the services and paths compose.yaml defines. (AcmeTest runs
 * the same steps for real in local mode.)
 */
@DisplayName("init-letsencrypt.sh on a Docker host")
class InitLetsencryptScriptTest {

    private static final String DOMAIN = "finlens.example.com";
    private static final String IN_CERTBOT = "compose run --rm --no-deps --entrypoint ";

    @TempDir
    Path dir;

    private Path calls;

    @BeforeEach
    void fakeDocker() throws IOException {
        Tools.require("sh");
        calls = dir.resolve("calls.log");
        Path docker = dir.resolve("docker");
        // Nothing exists yet in the certbot volume: `test -f` fails; every other command succeeds.
        Files.writeString(docker, """
                #!/bin/sh
                printf '%%s\\n' "$*" >> '%s'
                [ "$6" = test ] && exit 1
                exit 0
                """.formatted(calls));
        Files.setPosixFilePermissions(docker, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @Test
    @DisplayName("bootstraps with the staging CA: dummy certificate, stack start, webroot issuance, nginx reload")
    void stagingBootstrap() throws IOException {
        run();

        assertThat(Files.readAllLines(calls)).containsExactly(
                IN_CERTBOT + "test certbot -f /etc/letsencrypt/live/" + DOMAIN + "/fullchain.pem",
                IN_CERTBOT + "mkdir certbot -p /etc/letsencrypt/live/" + DOMAIN,
                IN_CERTBOT + "openssl certbot req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=" + DOMAIN
                        + " -keyout /etc/letsencrypt/live/" + DOMAIN + "/privkey.pem"
                        + " -out /etc/letsencrypt/live/" + DOMAIN + "/fullchain.pem",
                "compose up -d --wait",
                IN_CERTBOT + "test certbot -f /etc/letsencrypt/renewal/" + DOMAIN + ".conf",
                IN_CERTBOT + "rm certbot -rf /etc/letsencrypt/live/" + DOMAIN + " /etc/letsencrypt/archive/" + DOMAIN,
                IN_CERTBOT + "certbot certbot certonly --non-interactive --agree-tos --email ops@example.com"
                        + " --server https://acme-staging-v02.api.letsencrypt.org/directory --config-dir /etc/letsencrypt"
                        + " --webroot -w /var/www/certbot --cert-name " + DOMAIN + " -d " + DOMAIN
                        + " --key-type ecdsa --keep-until-expiring"
                        + " --deploy-hook touch \"$RENEWED_LINEAGE/../../finlens-renewed\"",
                "compose exec nginx nginx -s reload");
    }

    @Test
    @DisplayName("--production asks the real Let's Encrypt CA")
    void productionCa() throws IOException {
        run("--production", "obtain");

        assertThat(Files.readAllLines(calls)).anySatisfy(call -> assertThat(call)
                .contains("certonly").contains("--server https://acme-v02.api.letsencrypt.org/directory"));
    }

    @Test
    @DisplayName("uses the certbot volume paths that compose.yaml mounts and nginx serves")
    void pathsMatchCompose() {
        JsonNode compose = ComposeFile.load();
        List<String> certbotVolumes = new ArrayList<>();
        compose.path("services").path("certbot").path("volumes").forEach(v -> certbotVolumes.add(v.asText()));

        assertThat(certbotVolumes).contains("certbot-etc:/etc/letsencrypt", "certbot-www:/var/www/certbot");
        assertThat(ComposeFile.environment(compose, "nginx", ComposeFile.configuredEnv()))
                .containsEntry("NGINX_ACME_WEBROOT", "/var/www/certbot")
                .containsEntry("NGINX_CERT_DIR", "/etc/letsencrypt/live/" + DOMAIN);
    }

    private void run(String... args) {
        List<String> command = new java.util.ArrayList<>(List.of("sh", RepoFiles.path("nginx/init-letsencrypt.sh").toString()));
        command.addAll(List.of(args));
        ManagedProcess.run(RepoFiles.root(), Map.of(
                "PATH", dir + ":" + System.getenv("PATH"),
                "FINLENS_DOMAIN", DOMAIN,
                "FINLENS_ACME_EMAIL", "ops@example.com"), 30, command);
    }
}
