package com.finlens.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Tests that need a system tool (nginx, chromium, certbot, pebble, node) call {@link #require}. On CI
 * (CI=true, where .ci/run installs them) a missing tool fails the test; on a developer machine without the
 * tool the test is skipped with the reason, so `./mvnw verify` still works with only a JDK.
 */
public final class Tools {

    private Tools() {
    }

    public static Path require(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        for (String dir : new String[] {"/usr/sbin", "/usr/bin", "/sbin"}) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        String why = name + " is not installed (.ci/run installs it with apt)";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            Assertions.fail(why);
        }
        Assumptions.abort(why);
        return null;
    }
}
