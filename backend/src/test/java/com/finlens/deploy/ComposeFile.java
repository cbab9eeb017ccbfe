package com.finlens.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** compose.yaml as a tree, plus the Compose variable interpolation rules the tests need. */
final class ComposeFile {

    /** {@code $$} (a literal dollar), {@code ${NAME...}} and {@code $NAME}, as Compose reads them. */
    private static final Pattern REFERENCE =
            Pattern.compile("\\$\\$|\\$\\{([A-Za-z_][A-Za-z0-9_]*)((:?[-?])([^}]*))?}|\\$([A-Za-z_][A-Za-z0-9_]*)");

    /** What an operator must fill in before the first start (.env.example leaves them empty on purpose). */
    static final Map<String, String> OPERATOR_VALUES = Map.of(
            "FINLENS_DOMAIN", "finlens.example.com",
            "FINLENS_DB_PASSWORD", "example-db-password",
            "FINLENS_WEAVIATE_API_KEY", "example-weaviate-key");

    private ComposeFile() {
    }

    static JsonNode load() {
        return parseYaml(RepoFiles.read("compose.yaml"));
    }

    /** SnakeYAML resolves anchors and aliases ({@code *logging}), which Jackson's YAML parser leaves as strings. */
    static JsonNode parseYaml(String yaml) {
        Object document = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        return new ObjectMapper().valueToTree(document);
    }

    /** Names of every variable the file interpolates from the environment / .env. */
    static Set<String> referencedVariables(String text) {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = REFERENCE.matcher(text);
        while (m.find()) {
            if (m.group(1) != null) {
                names.add(m.group(1));
            } else if (m.group(5) != null) {
                names.add(m.group(5));
            }
        }
        return names;
    }

    /** Interpolates one value the way Compose does with {@code variables} as the .env file. */
    static String interpolate(String value, Map<String, String> variables) {
        Matcher m = REFERENCE.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement;
            if (m.group().equals("$$")) {
                replacement = "$";
            } else {
                String name = m.group(1) != null ? m.group(1) : m.group(5);
                String set = variables.get(name);
                String operator = m.group(3);
                if (operator != null && operator.endsWith("-") && (set == null || (operator.startsWith(":") && set.isEmpty()))) {
                    replacement = m.group(4);
                } else if (operator != null && operator.endsWith("?") && (set == null || set.isEmpty())) {
                    throw new IllegalArgumentException(name + ": " + m.group(4));
                } else {
                    replacement = set == null ? "" : set;
                }
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** .env.example with the operator's required values filled in: what compose reads on a configured server. */
    static Map<String, String> configuredEnv() {
        Map<String, String> values = dotenv(RepoFiles.read(".env.example"));
        OPERATOR_VALUES.forEach((name, value) -> {
            if (values.getOrDefault(name, "").isEmpty()) {
                values.put(name, value);
            }
        });
        return values;
    }

    /** Variables compose.yaml refuses to run without ({@code ${NAME:?message}}). */
    static Set<String> requiredVariables(String text) {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = REFERENCE.matcher(text);
        while (m.find()) {
            if (m.group(1) != null && m.group(3) != null && m.group(3).endsWith("?")) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    /** KEY=value lines of a .env-style file (comments and blank lines skipped). */
    static Map<String, String> dotenv(String text) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#") || !trimmed.contains("=")) {
                continue;
            }
            int eq = trimmed.indexOf('=');
            values.put(trimmed.substring(0, eq).strip(), trimmed.substring(eq + 1).strip());
        }
        return values;
    }

    /** A service's environment map, interpolated with {@code variables}. */
    static Map<String, String> environment(JsonNode compose, String service, Map<String, String> variables) {
        Map<String, String> env = new LinkedHashMap<>();
        compose.path("services").path(service).path("environment").fields()
                .forEachRemaining(e -> env.put(e.getKey(), interpolate(e.getValue().asText(), variables)));
        return env;
    }
}
