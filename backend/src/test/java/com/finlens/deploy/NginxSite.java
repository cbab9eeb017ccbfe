package com.finlens.deploy;

import com.finlens.testing.Tools;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The repository's nginx configuration laid out in a temp prefix the way the official image lays it out:
 * a prefix-relative copy of the image's main nginx.conf, {@code snippets/}, and {@code conf.d/} rendered from
 * {@code nginx/templates/*.template} exactly like the image's {@code 20-envsubst-on-templates.sh}
 * (envsubst with the list of defined variables only). Runs Debian's nginx against it.
 */
final class NginxSite implements AutoCloseable {

    static final Pattern TEMPLATE_VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

    private final Path prefix;
    private ManagedProcess process;

    private NginxSite(Path prefix) {
        this.prefix = prefix;
    }

    /** Renders every template with {@code environment} as the container's environment. */
    static NginxSite render(Path prefix, Map<String, String> environment) {
        try {
            for (String dir : List.of("logs", "tmp", "conf.d", "snippets")) {
                Files.createDirectories(prefix.resolve(dir));
            }
            Files.copy(RepoFiles.path("backend/src/test/resources/deploy/nginx-main.conf"), prefix.resolve("nginx.conf"));
            try (Stream<Path> snippets = Files.list(RepoFiles.path("nginx/snippets"))) {
                for (Path snippet : snippets.toList()) {
                    Files.copy(snippet, prefix.resolve("snippets").resolve(snippet.getFileName()));
                }
            }
            String definedVariables = environment.keySet().stream().map(name -> "${" + name + "}")
                    .collect(Collectors.joining(" "));
            Map<String, String> processEnv = new LinkedHashMap<>(environment);
            processEnv.putIfAbsent("PATH", System.getenv("PATH"));
            for (Path template : templates()) {
                String name = template.getFileName().toString().replaceFirst("\\.template$", "");
                String rendered = ManagedProcess.run(prefix, processEnv, 10,
                        List.of(Tools.require("sh").toString(), "-c",
                                "exec envsubst \"$0\" < \"$1\"", definedVariables, template.toString()));
                Files.writeString(prefix.resolve("conf.d").resolve(name), rendered);
            }
            return new NginxSite(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * nginx started as root serves files with unprivileged workers; JUnit's temp dirs are private (0700), so
     * the test opens {@code dir} for reading, as the webroot volume is in the container.
     */
    static void readableByWorkers(Path dir) {
        try {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Path> templates() {
        try (Stream<Path> files = Files.list(RepoFiles.path("nginx/templates"))) {
            return files.filter(p -> p.toString().endsWith(".template")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Values for every variable the templates use, for nginx on loopback: the compose file's nginx environment
     * with listen addresses, certificate directory and webroot pointing into the test's temp dir.
     */
    static Map<String, String> loopbackEnvironment(int httpPort, int httpsPort, Path certDir, Path webroot,
                                                   String backendAddress) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("FINLENS_DOMAIN", "localhost");
        env.put("FINLENS_BACKEND_ADDRESS", backendAddress);
        env.put("NGINX_HTTP_LISTEN", "127.0.0.1:" + httpPort);
        env.put("NGINX_HTTPS_LISTEN", "127.0.0.1:" + httpsPort);
        env.put("NGINX_HTTPS_PORT_SUFFIX", ":" + httpsPort);
        env.put("NGINX_CERT_DIR", certDir.toString());
        env.put("NGINX_ACME_WEBROOT", webroot.toString());
        env.put("NGINX_RESOLVER", "127.0.0.1");
        env.put("NGINX_CLIENT_MAX_BODY_SIZE", "10m");
        env.put("NGINX_API_RATE", "20r/s");
        env.put("NGINX_AUTH_RATE", "30r/m");
        return env;
    }

    Path confFile(String name) {
        return prefix.resolve("conf.d").resolve(name);
    }

    /** Every {@code ${NAME}} still present in the rendered configuration. */
    List<String> leftoverVariables() {
        List<String> left = new ArrayList<>();
        try (Stream<Path> files = Files.list(prefix.resolve("conf.d"))) {
            for (Path file : files.toList()) {
                Matcher m = TEMPLATE_VARIABLE.matcher(Files.readString(file));
                while (m.find()) {
                    left.add(file.getFileName() + ": " + m.group());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return left;
    }

    void replaceInConf(String name, String from, String to) {
        try {
            Path file = confFile(name);
            String text = Files.readString(file);
            if (!text.contains(from)) {
                throw new AssertionError(name + " has no '" + from + "'");
            }
            Files.writeString(file, text.replace(from, to));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Adds a second backend replica to the rendered upstream. In compose, Docker's DNS answers the service name
     * with one address per replica and nginx makes a server entry (same parameters) for each; on loopback the
     * test repeats the rendered entry with another port instead.
     */
    void addReplica(String renderedAddress, String otherAddress) {
        Matcher entry = Pattern.compile("server " + Pattern.quote(renderedAddress) + "[^;]*;").matcher(read("upstream.conf"));
        if (!entry.find()) {
            throw new AssertionError("upstream.conf has no server " + renderedAddress);
        }
        replaceInConf("upstream.conf", entry.group(), entry.group() + "\n    " + entry.group().replace(renderedAddress, otherAddress));
    }

    String read(String confName) {
        try {
            return Files.readString(confFile(confName));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code nginx -t}; returns its output, fails the test when the configuration is rejected. */
    String check() {
        return ManagedProcess.run(prefix, Map.of(), 20, command("-t"));
    }

    /** Starts nginx in the foreground (so this test owns its PID) and waits until it listens on {@code port}. */
    void start(int port) {
        process = ManagedProcess.start("nginx", prefix, Map.of(), 300, command("-g", "daemon off;"));
        Ports.awaitListening(port, 100, process);
    }

    String errorLog() {
        try {
            Path log = prefix.resolve("logs/error.log");
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<String> command(String... args) {
        List<String> command = new ArrayList<>(List.of(Tools.require("nginx").toString(), "-p", prefix + "/",
                "-c", "nginx.conf", "-e", prefix.resolve("logs/error.log").toString()));
        command.addAll(List.of(args));
        return command;
    }

    @Override
    public void close() {
        if (process != null) {
            process.close();
        }
    }
}
