package com.finlens.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * An outside program started for a test: always under {@code timeout} so nothing outlives a hung run, output in
 * a log file, stopped by its own PID (never by name).
 */
final class ManagedProcess implements AutoCloseable {

    private final String name;
    private final Process process;
    private final Path log;

    private ManagedProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    static ManagedProcess start(String name, Path dir, Map<String, String> env, int limitSeconds, List<String> command) {
        List<String> full = new ArrayList<>(List.of("timeout", Integer.toString(limitSeconds)));
        full.addAll(command);
        Path log = dir.resolve(name + ".log");
        ProcessBuilder builder = new ProcessBuilder(full).directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(env);
        try {
            return new ManagedProcess(name, builder.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    /** Runs a program to completion (bounded) and returns its output; fails the test when it exits non-zero. */
    static String run(Path dir, Map<String, String> env, int limitSeconds, List<String> command) {
        ProcessResult result = runAllowingFailure(dir, env, limitSeconds, command);
        if (result.exitCode() != 0) {
            throw new AssertionError(String.join(" ", command) + " exited " + result.exitCode() + ":\n" + result.output());
        }
        return result.output();
    }

    static ProcessResult runAllowingFailure(Path dir, Map<String, String> env, int limitSeconds, List<String> command) {
        List<String> full = new ArrayList<>(List.of("timeout", Integer.toString(limitSeconds)));
        full.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(full).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().putAll(env);
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes());
            return new ProcessResult(process.waitFor(), output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    record ProcessResult(int exitCode, String output) {
    }

    boolean isAlive() {
        return process.isAlive();
    }

    String log() {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Ends the program at once (SIGKILL to the program and to its timeout wrapper), like a crashed container. */
    void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        awaitExit(10);
    }

    /** SIGTERM through the timeout wrapper (which forwards it), then SIGKILL if it does not exit. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        if (!awaitExit(15)) {
            kill();
        }
    }

    private boolean awaitExit(int seconds) {
        try {
            return process.waitFor(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public String toString() {
        return name + " (pid " + process.pid() + ")";
    }
}
