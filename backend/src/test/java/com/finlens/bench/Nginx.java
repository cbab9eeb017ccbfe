package com.finlens.bench;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** A minimal nginx in front of Finlens for the streaming scenario (unbuffered, as the production templates route SSE). */
final class Nginx implements AutoCloseable {

    private final Process process;
    private final int port;

    private Nginx(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    int port() {
        return port;
    }

    /** Null when nginx is not installed. */
    static Nginx startIfInstalled(Path work, int upstreamPort) throws Exception {
        Path binary = Path.of("/usr/sbin/nginx");
        if (!Files.isExecutable(binary)) {
            return null;
        }
        int port = Apps.freePort();
        Path dir = Files.createDirectories(work.resolve("nginx"));
        Files.createDirectories(dir.resolve("tmp"));
        Path conf = dir.resolve("nginx.conf");
        Files.writeString(conf, """
                worker_processes 1;
                daemon off;
                pid %1$s/nginx.pid;
                error_log %1$s/error.log warn;
                events { worker_connections 4096; }
                http {
                  access_log off;
                  client_body_temp_path %1$s/tmp/body; proxy_temp_path %1$s/tmp/proxy;
                  fastcgi_temp_path %1$s/tmp/fastcgi; uwsgi_temp_path %1$s/tmp/uwsgi; scgi_temp_path %1$s/tmp/scgi;
                  upstream finlens { server 127.0.0.1:%2$d; keepalive 64; }
                  server {
                    listen 127.0.0.1:%3$d;
                    location / {
                      proxy_pass http://finlens;
                      proxy_http_version 1.1;
                      proxy_set_header Connection "";
                      proxy_set_header Host $http_host;
                      proxy_buffering off;
                      proxy_read_timeout 300s;
                    }
                  }
                }
                """.formatted(dir, upstreamPort, port));
        Process process = new ProcessBuilder(binary.toString(), "-p", dir.toString(), "-c", conf.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("out.log").toFile()).start();
        for (int i = 0; i < 100; i++) {
            try (Socket s = new Socket("127.0.0.1", port)) {
                return new Nginx(process, port);
            } catch (IOException e) {
                Thread.sleep(50);
            }
        }
        process.destroyForcibly();
        throw new IOException("nginx did not start; see " + dir);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor(10, TimeUnit.SECONDS);
    }
}
