package com.finlens.platform.http;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.net.SocketAddress;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
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
 * every request take a lock shared by the event loops and wake the waiting writer, a system call per line.)
 */
final class AccessLog implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger("finlens.access");
    private static final int CAPACITY = 16_384;
    /** The format simplelogger.properties gives every other line. */
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

    private static final long PERIOD_MS = 50;

    /** One request's line: "id METHOD /path status 12ms client". */
    record Line(String id, HttpMethod method, String path, int status, long nanos, SocketAddress client) {

        void appendTo(StringBuilder out) {
            out.append(id).append(' ').append(method.name()).append(' ').append(path).append(' ').append(status)
                    .append(' ').append(nanos / 1_000_000).append("ms ").append(client == null ? "-" : client.host());
        }
    }

    private final Queue<Line> lines = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicLong dropped = new AtomicLong();
    private final Thread writer;
    private volatile boolean open = true;

    AccessLog() {
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
        StringBuilder out = new StringBuilder(64 * 1024);
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
            while (taken < 1_024 && (line = lines.poll()) != null) {
                line.appendTo(out.append(prefix));
                out.append('\n');
                taken++;
            }
            queued.addAndGet(-taken);
            System.err.print(out);
            System.err.flush();
            out.setLength(0);
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
