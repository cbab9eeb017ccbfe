package com.finlens.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** Loopback ports for test servers. */
final class Ports {

    private Ports() {
    }

    /**
     * A free port below the kernel's ephemeral range (32768 and up on Linux): a port handed out for "port 0" may be
     * taken again by the next server that binds port 0 (a backend's management listener took nginx's HTTPS port
     * once), so ports picked here for servers started later come from a range port 0 never uses.
     */
    static int free() {
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = 20_000 + java.util.concurrent.ThreadLocalRandom.current().nextInt(12_000);
            try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                return socket.getLocalPort();
            } catch (IOException taken) {
                // try another
            }
        }
        throw new UncheckedIOException(new IOException("no free port in 20000-31999 on 127.0.0.1"));
    }

    /** Waits (bounded) until something accepts connections on 127.0.0.1:port. */
    static void awaitListening(int port, int attempts, ManagedProcess owner) {
        for (int i = 0; i < attempts; i++) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
                return;
            } catch (IOException notYet) {
                if (owner != null && !owner.isAlive()) {
                    throw new AssertionError(owner + " exited before listening on " + port + ":\n" + owner.log());
                }
                sleep(100);
            }
        }
        throw new AssertionError("nothing listens on 127.0.0.1:" + port
                + (owner == null ? "" : " (" + owner + "):\n" + owner.log()));
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
