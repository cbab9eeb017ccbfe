package com.finlens.platform.http;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes access-log lines on a thread of its own. The logger writes each line to a locked stream synchronously and
 * formats a date per line; done on the event loop, every request waited for that. Lines are queued (bounded) and
 * written in batches, one write per batch, in the same format as the logger's other lines. When the writer falls
 * behind, lines are dropped and counted rather than slowing requests down, and the count is logged.
 */
final class AccessLog implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger("finlens.access");
    private static final int CAPACITY = 16_384;
    /** The format simplelogger.properties gives every other line. */
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

    private final BlockingQueue<String> lines = new ArrayBlockingQueue<>(CAPACITY);
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

    void write(String line) {
        if (!lines.offer(line)) {
            dropped.incrementAndGet();
        }
    }

    private void drain() {
        List<String> batch = new ArrayList<>(256);
        while (open || !lines.isEmpty()) {
            try {
                String first = lines.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                lines.drainTo(batch, 255);
                long lost = dropped.getAndSet(0);
                if (lost > 0) {
                    LOG.warn("{} access-log line(s) dropped: the log writer could not keep up", lost);
                }
                String prefix = STAMP.format(ZonedDateTime.now(ZoneOffset.UTC)) + " [" + writer.getName()
                        + "] INFO access - ";
                StringBuilder out = new StringBuilder(batch.size() * 96);
                for (String line : batch) {
                    out.append(prefix).append(line).append('\n');
                }
                System.err.print(out);
                System.err.flush();
                batch.clear();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Writes what is queued, then stops the writer. */
    @Override
    public void close() {
        open = false;
        try {
            writer.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
