package com.finlens.platform.http;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.net.SocketAddress;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes access-log lines on a thread of its own. The logger writes each line to a locked stream synchronously and
 * formats a date per line; done on the event loop, every request waited for that. A line's parts are queued (bounded),
 * then formatted and written here in batches, one write per batch, in the same format as the logger's other lines.
 * When the writer falls behind, lines are dropped and counted rather than slowing requests down, and the count is
 * logged.
 *
 * <p>The queue takes no lock and wakes nobody: the writer looks every {@link #PERIOD_MS} ms. (A blocking queue made
 * every request take a lock shared by the event loops and wake the waiting writer, a system call per line.) Lines are
 * formatted straight into bytes: the logger's character encoder was a fifth of this thread's time.
 */
final class AccessLog implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger("finlens.access");
    private static final int CAPACITY = 16_384;
    private static final int BATCH = 1_024;
    /** The format simplelogger.properties gives every other line. */
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");
    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

    private static final long PERIOD_MS = 50;

    /** One request's line: "id METHOD /path status 12ms client". */
    record Line(String id, HttpMethod method, String path, int status, long nanos, SocketAddress client) {

        void appendTo(Bytes out) {
            out.ascii(id).ascii(' ').ascii(method.name()).ascii(' ').escaped(path).ascii(' ').number(status)
                    .ascii(' ').number(nanos / 1_000_000).ascii("ms ").escaped(client == null ? "-" : client.host());
        }
    }

    /**
     * A growing byte buffer the writer formats into. What a client chose (the path; the address, when a proxy's
     * X-Forwarded-For is trusted) is written with every byte outside printable ASCII as %XX (as a URL would carry it;
     * a literal "%" stays), so no request can put a line break or a terminal escape sequence into the log. The
     * other parts are ASCII by construction (the request id is ours or matched a safe pattern).
     */
    private static final class Bytes {

        private byte[] bytes = new byte[64 * 1024];
        private int length;

        Bytes ascii(String text) {
            room(text.length());
            for (int i = 0; i < text.length(); i++) {
                bytes[length++] = (byte) text.charAt(i);
            }
            return this;
        }

        Bytes escaped(String text) {
            room(text.length() * 3);
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c > ' ' && c < 0x7f) {
                    bytes[length++] = (byte) c;
                } else if (c <= 0xff) {
                    percent(c); // Netty reads the request line as ISO-8859-1: this is the byte the client sent
                } else {
                    for (byte b : String.valueOf(c).getBytes(StandardCharsets.UTF_8)) {
                        room(3);
                        percent(b & 0xff);
                    }
                }
            }
            return this;
        }

        private void percent(int c) {
            bytes[length++] = '%';
            bytes[length++] = HEX[c >> 4];
            bytes[length++] = HEX[c & 0xf];
        }

        Bytes number(long value) {
            return ascii(Long.toString(value));
        }

        Bytes ascii(char c) {
            room(1);
            bytes[length++] = (byte) c;
            return this;
        }

        void writeTo(PrintStream out) {
            out.write(bytes, 0, length);
            out.flush();
            length = 0;
        }

        private void room(int more) {
            if (length + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
            }
        }
    }

    private final Queue<Line> lines = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicLong dropped = new AtomicLong();
    private final PrintStream out;
    private final Thread writer;
    private volatile boolean open = true;

    /** Lines go to {@code out} (standard error, where the logger writes its other lines), one write per batch. */
    AccessLog(PrintStream out) {
        this.out = out;
        writer = new Thread(this::drain, "finlens-access-log");
        writer.setDaemon(true);
        writer.start();
    }

    boolean enabled() {
        return LOG.isInfoEnabled();
    }

    void write(Line line) {
        if (queued.incrementAndGet() > CAPACITY) {
            queued.decrementAndGet();
            dropped.incrementAndGet();
            return;
        }
        lines.offer(line);
    }

    private void drain() {
        Bytes batch = new Bytes();
        while (open || !lines.isEmpty()) {
            if (lines.isEmpty()) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(PERIOD_MS));
                continue;
            }
            long lost = dropped.getAndSet(0);
            if (lost > 0) {
                LOG.warn("{} access-log line(s) dropped: the log writer could not keep up", lost);
            }
            String prefix = STAMP.format(ZonedDateTime.now(ZoneOffset.UTC)) + " [" + writer.getName()
                    + "] INFO access - ";
            Line line;
            int taken = 0;
            while (taken < BATCH && (line = lines.poll()) != null) {
                line.appendTo(batch.ascii(prefix));
                batch.ascii('\n');
                taken++;
            }
            queued.addAndGet(-taken);
            batch.writeTo(out);
        }
    }

    /** Writes what is queued, then stops the writer. */
    @Override
    public void close() {
        open = false;
        LockSupport.unpark(writer);
        try {
            writer.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
