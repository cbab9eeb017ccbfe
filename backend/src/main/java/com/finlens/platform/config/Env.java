package com.finlens.platform.config;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Typed, validating view of the process environment. Every reader records a problem instead of throwing,
 * so startup can name every bad variable at once ({@link #requireValid()}).
 */
public final class Env {

    private final Map<String, String> values;
    private final List<String> problems = new ArrayList<>();

    public Env(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    public static Env system() {
        return new Env(System.getenv());
    }

    /** The raw value, or null when unset or blank. */
    public String raw(String name) {
        String v = values.get(name);
        return v == null || v.isBlank() ? null : v.trim();
    }

    public String string(String name, String fallback) {
        String v = raw(name);
        return v == null ? fallback : v;
    }

    /** A value that must be present; records a problem when missing. */
    public String required(String name, String why) {
        String v = raw(name);
        if (v == null) {
            problems.add(name + " is required (" + why + ")");
        }
        return v;
    }

    /** A secret: same as {@link #string} but never echoed in problems. */
    public String secret(String name) {
        return raw(name);
    }

    public int integer(String name, int fallback, int min, int max) {
        return (int) longValue(name, fallback, min, max);
    }

    public long longValue(String name, long fallback, long min, long max) {
        String v = raw(name);
        if (v == null) {
            return fallback;
        }
        try {
            long parsed = Long.parseLong(v);
            if (parsed < min || parsed > max) {
                problems.add(name + " must be between " + min + " and " + max + " (was " + v + ")");
                return fallback;
            }
            return parsed;
        } catch (NumberFormatException e) {
            problems.add(name + " must be a whole number (was '" + v + "')");
            return fallback;
        }
    }

    public double decimal(String name, double fallback, double min, double max) {
        String v = raw(name);
        if (v == null) {
            return fallback;
        }
        try {
            double parsed = Double.parseDouble(v);
            if (parsed < min || parsed > max || Double.isNaN(parsed)) {
                problems.add(name + " must be between " + min + " and " + max + " (was " + v + ")");
                return fallback;
            }
            return parsed;
        } catch (NumberFormatException e) {
            problems.add(name + " must be a number (was '" + v + "')");
            return fallback;
        }
    }

    public boolean bool(String name, boolean fallback) {
        String v = raw(name);
        if (v == null) {
            return fallback;
        }
        return switch (v.toLowerCase()) {
            case "true", "1", "yes", "on" -> true;
            case "false", "0", "no", "off" -> false;
            default -> {
                problems.add(name + " must be true or false (was '" + v + "')");
                yield fallback;
            }
        };
    }

    /** Durations as ISO-8601 (PT30S) or a number with a unit suffix: 500ms, 30s, 5m, 2h, 1d. */
    public Duration duration(String name, Duration fallback) {
        String v = raw(name);
        if (v == null) {
            return fallback;
        }
        try {
            return parseDuration(v);
        } catch (IllegalArgumentException e) {
            problems.add(name + " must be a duration such as 30s, 5m or PT1H (was '" + v + "')");
            return fallback;
        }
    }

    /** An absolute http(s) URL without a trailing slash. */
    public String url(String name, String fallback) {
        String v = raw(name);
        if (v == null) {
            return fallback;
        }
        try {
            URI uri = URI.create(v);
            if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
                    || uri.getHost() == null) {
                problems.add(name + " must be an absolute http(s) URL (was '" + v + "')");
                return fallback;
            }
            return v.endsWith("/") ? v.substring(0, v.length() - 1) : v;
        } catch (IllegalArgumentException e) {
            problems.add(name + " must be an absolute http(s) URL (was '" + v + "')");
            return fallback;
        }
    }

    public List<String> list(String name) {
        String v = raw(name);
        if (v == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String part : v.split(",")) {
            if (!part.isBlank()) {
                out.add(part.trim());
            }
        }
        return List.copyOf(out);
    }

    /** Records a problem found by cross-field validation. */
    public void problem(String message) {
        problems.add(message);
    }

    public List<String> problems() {
        return Collections.unmodifiableList(problems);
    }

    /** Throws one exception naming every bad variable, if any. */
    public void requireValid() {
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
    }

    static Duration parseDuration(String v) {
        String s = v.trim().toLowerCase();
        if (s.startsWith("p")) {
            return Duration.parse(v.trim().toUpperCase());
        }
        int i = 0;
        while (i < s.length() && Character.isDigit(s.charAt(i))) {
            i++;
        }
        if (i == 0) {
            throw new IllegalArgumentException(v);
        }
        long n = Long.parseLong(s.substring(0, i));
        return switch (s.substring(i)) {
            case "ms" -> Duration.ofMillis(n);
            case "s", "" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            case "d" -> Duration.ofDays(n);
            default -> throw new IllegalArgumentException(v);
        };
    }
}
