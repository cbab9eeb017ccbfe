package com.finlens.assistant;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every replica keeps the answers it is streaming alive (one update for all of them, a few times per stale window)
 * and sweeps answers whose heartbeat stopped: their replica crashed or was killed, so they become failed with a
 * reason instead of staying "streaming" forever. Runs on every replica; a live answer's own replica refreshes it
 * well before any sweep could take it.
 */
public final class AnswerHeartbeat {

    private static final Logger LOG = LoggerFactory.getLogger(AnswerHeartbeat.class);
    private static final String CUT_OFF = new JsonObject()
            .put("sources", new JsonArray()).put("flags", new JsonArray())
            .put("error", new JsonObject().put("type", "interrupted").put("title", "The answer was cut off")
                    .put("detail", "The server stopped while writing this answer. Ask again to get a full one."))
            .encode();

    private final ConversationRepository repository;
    private final Clock clock;
    private final Duration staleAfter;
    private final Set<Long> live = ConcurrentHashMap.newKeySet();
    private Vertx vertx;
    private long timer = -1;

    public AnswerHeartbeat(ConversationRepository repository, Clock clock, Duration staleAfter) {
        this.repository = repository;
        this.clock = clock;
        this.staleAfter = staleAfter;
    }

    /** Sweeps once now (answers a restart cut off), then beats and sweeps every third of the stale window. */
    public void start(Vertx vertx) {
        this.vertx = vertx;
        sweep();
        timer = vertx.setPeriodic(Math.max(100, staleAfter.toMillis() / 3), t -> {
            beat();
            sweep();
        });
    }

    public void stop() {
        if (vertx != null) {
            vertx.cancelTimer(timer);
        }
    }

    void track(long messageId) {
        live.add(messageId);
    }

    void untrack(long messageId) {
        live.remove(messageId);
    }

    /** An answer with a heartbeat at or after this instant is still being written. */
    Instant aliveSince() {
        return clock.instant().minus(staleAfter);
    }

    private void beat() {
        List<Long> ids = List.copyOf(live);
        repository.heartbeat(ids, clock.instant())
                .onFailure(e -> LOG.warn("Could not record the heartbeat of {} answer(s): {}", ids.size(),
                        e.getMessage()));
    }

    private void sweep() {
        Instant now = clock.instant();
        repository.failStale(now.minus(staleAfter), CUT_OFF, now)
                .onSuccess(n -> {
                    if (n > 0) {
                        LOG.warn("Marked {} answer(s) failed: cut off without a heartbeat for {}", n, staleAfter);
                    }
                })
                .onFailure(e -> LOG.warn("Could not sweep cut-off answers: {}", e.getMessage()));
    }
}
