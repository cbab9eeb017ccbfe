package com.finlens.assistant;

import com.finlens.assistant.answer.AnswerChannel;
import com.finlens.assistant.answer.AnswerEvent;
import com.finlens.assistant.answer.AnswerOutcome;
import com.finlens.assistant.answer.AnswerSink;
import com.finlens.assistant.answer.AnswerSource;
import com.finlens.assistant.answer.Cancellation;
import com.finlens.assistant.answer.Question;
import com.finlens.assistant.answer.SourceRef;
import com.finlens.platform.cache.ExpiringCache;
import com.finlens.platform.http.ApiException;
import io.vertx.core.AsyncResult;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Conversations and the streaming of answers. The question is stored before anything else; the answer is stored
 * while it streams (flushed every two seconds) and always ends in a final status: complete, failed (keeping the
 * partial text) or cancelled (the client went away; upstream work is stopped). Answers go out as
 * {@link AnswerEvent}s; this class knows nothing of how they are framed on the wire.
 */
public final class ConversationService {

    private static final Logger LOG = LoggerFactory.getLogger(ConversationService.class);
    private static final int HISTORY_TURNS = 10;
    private static final int TITLE_LENGTH = 80;
    static final int MAX_TITLE = 200;
    static final int MAX_SEARCH = 200;
    private static final long FLUSH_MILLIS = 2_000;
    static final Duration LIST_STALENESS = Duration.ofSeconds(2);
    private static final ApiException NOT_STORED = new ApiException(500, "answer-not-stored",
            "The answer could not be saved", "The answer was written but could not be saved; ask again.");

    private final Vertx vertx;
    private final ConversationRepository repository;
    private final AnswerSource answers;
    private final Clock clock;
    private final AnswerHeartbeat heartbeat;
    /**
     * Each user's conversation list and its JSON, for clients that poll it. Changes made through this replica clear
     * it at once; changes made through another replica show here within {@link #LIST_STALENESS}.
     */
    private final ExpiringCache<Long, Listing> lists = new ExpiringCache<>(LIST_STALENESS, 10_000);

    /** One user's newest conversations and the API's encoding of them, made once per load, not per request. */
    record Listing(List<Conversation> conversations, Buffer json) {
    }

    public ConversationService(Vertx vertx, ConversationRepository repository, AnswerSource answers, Clock clock,
                               AnswerHeartbeat heartbeat) {
        this.vertx = vertx;
        this.repository = repository;
        this.answers = answers;
        this.clock = clock;
        this.heartbeat = heartbeat;
    }

    public Future<Conversation> create(long userId, String title) {
        String clean = title == null ? "" : title.strip();
        if (clean.length() > MAX_TITLE) {
            return Future.failedFuture(ApiException.badRequest("title", "\"title\" is longer than 200 characters."));
        }
        return repository.create(userId, clean, clock.instant()).onComplete(done -> lists.invalidate(userId));
    }

    /** Conversations whose title or messages contain {@code text}: the newest 200, for the history search. */
    public Future<List<Conversation>> search(long userId, String text) {
        String clean = text == null ? "" : text.strip();
        if (clean.isEmpty()) {
            return list(userId);
        }
        if (clean.length() > MAX_SEARCH) {
            return Future.failedFuture(ApiException.badRequest("q", "\"q\" is longer than " + MAX_SEARCH
                    + " characters."));
        }
        return repository.searchOwned(userId, clean, 200);
    }

    /** Renames the user's conversation; the title must be 1 to 200 characters. */
    public Future<Conversation> rename(long userId, long conversationId, String title) {
        String clean = title == null ? "" : title.replaceAll("\\s+", " ").strip();
        if (clean.isEmpty() || clean.length() > MAX_TITLE) {
            return Future.failedFuture(ApiException.badRequest("title",
                    "\"title\" must be 1 to " + MAX_TITLE + " characters."));
        }
        return repository.retitleOwned(userId, conversationId, clean).onComplete(done -> lists.invalidate(userId))
                .compose(renamed -> get(userId, conversationId));
    }

    /** The newest 200 conversations, for lists a person scrolls. */
    public Future<List<Conversation>> list(long userId) {
        return listing(userId).map(Listing::conversations);
    }

    /** {@link #list} with its JSON, for the API that clients poll. */
    Future<Listing> listing(long userId) {
        return lists.get(userId, () -> repository.listOwned(userId, 200)
                .map(list -> new Listing(list, ConversationJson.list(list))));
    }

    /** Every conversation of the user, for "export my data". */
    public Future<List<Conversation>> listAll(long userId) {
        return repository.listOwned(userId, Integer.MAX_VALUE);
    }

    public Future<Conversation> get(long userId, long conversationId) {
        return repository.findOwned(userId, conversationId).map(c -> {
            if (c == null) {
                throw ApiException.notFound("The conversation");
            }
            return c;
        });
    }

    public Future<List<Message>> messages(long userId, long conversationId) {
        return get(userId, conversationId).compose(c -> repository.messages(c.getId()));
    }

    public Future<Void> delete(long userId, long conversationId) {
        return repository.deleteOwned(userId, conversationId).onComplete(done -> lists.invalidate(userId))
                .map(deleted -> {
            if (!deleted) {
                throw ApiException.notFound("The conversation");
            }
            return null;
        });
    }

    /**
     * Checks ownership, stores the question, then opens the answer channel and streams the answer into it.
     * Failures before the channel opens reach the caller (the route answers problem+json); afterwards they become
     * a {@code failed} event. {@code done} is sent only once the answer is stored, with the status stored.
     */
    public Future<Void> ask(long userId, long conversationId, AskCommand command, Supplier<AnswerChannel> open) {
        return repository.startExchange(userId, conversationId, command.content(), titleFrom(command.content()),
                        clock.instant(), heartbeat.aliveSince())
                .onComplete(done -> lists.invalidate(userId))
                .compose(stored -> {
                    if (stored == null) {
                        return Future.failedFuture(ApiException.notFound("The conversation"));
                    }
                    Question question = new Question(userId, conversationId, command.content(),
                            history(stored.earlier()), command.pageContext(), command.companyKey(), command.mode());
                    stream(question, stored.asked(), stored.answer(), open.get());
                    return Future.succeededFuture();
                });
    }

    private void stream(Question question, Message asked, Message answer, AnswerChannel channel) {
        long messageId = answer.getId();
        heartbeat.track(messageId);
        Cancellation cancellation = new Cancellation();
        StreamingSink sink = new StreamingSink(channel);
        channel.emit(new AnswerEvent.Start(asked.getId(), messageId));
        // The first save falls at a random point of the second half of the first period: answers that start
        // together (a burst of users) would otherwise all write at the same moment, every period.
        long firstFlush = FLUSH_MILLIS / 2 + ThreadLocalRandom.current().nextLong(FLUSH_MILLIS / 2);
        long flushTimer = vertx.setPeriodic(firstFlush, FLUSH_MILLIS, t -> sink.flushIfChanged(messageId));
        channel.onClientGone(cancellation::cancel);
        Future<AnswerOutcome> outcome;
        try {
            outcome = answers.answer(question, sink, cancellation);
        } catch (RuntimeException e) {
            outcome = Future.failedFuture(e);
        }
        // The answer may complete on another thread (HTTP clients, worker pools); storing it must happen on this
        // request's event loop, where Hibernate Reactive runs.
        Context requestContext = vertx.getOrCreateContext();
        outcome.onComplete(result -> requestContext.runOnContext(v -> {
            vertx.cancelTimer(flushTimer);
            finish(result, messageId, sink, channel, cancellation);
        }));
    }

    private void finish(AsyncResult<AnswerOutcome> result, long messageId, StreamingSink sink, AnswerChannel channel,
                        Cancellation cancellation) {
        Message.Status status;
        String text;
        JsonObject metadata = new JsonObject();
        AnswerEvent.Failed failure = null;
        if (result.succeeded()) {
            AnswerOutcome done = result.result();
            status = cancellation.isCancelled() ? Message.Status.cancelled : Message.Status.complete;
            text = done.text() == null ? sink.text() : done.text();
            metadata.put("sources", new JsonArray(done.sources().stream().map(SourceRef::toJson).toList()))
                    .put("flags", new JsonArray(done.flags()))
                    .mergeIn(done.metadata());
            sink.keepChart(metadata);
        } else {
            status = cancellation.isCancelled() ? Message.Status.cancelled : Message.Status.failed;
            text = sink.text();
            ApiException problem = asProblem(result.cause());
            metadata.put("sources", new JsonArray(sink.sources().stream().map(SourceRef::toJson).toList()))
                    .put("error", new JsonObject().put("type", problem.type()).put("title", problem.title()));
            sink.keepChart(metadata);
            failure = AnswerEvent.Failed.of(problem);
        }
        AnswerEvent last = failure != null ? failure
                : new AnswerEvent.Done(messageId, status.name(), result.result().flags());
        repository.finish(messageId, text, status, metadata.encode(), clock.instant())
                .recover(e -> {
                    LOG.error("Could not store answer {}", messageId, e);
                    return Future.succeededFuture(false);
                })
                .onComplete(saved -> {
                    heartbeat.untrack(messageId);
                    channel.emit(saved.result() ? last : AnswerEvent.Failed.of(NOT_STORED));
                    channel.end();
                });
    }

    private ApiException asProblem(Throwable failure) {
        if (failure instanceof ApiException api) {
            return api;
        }
        LOG.error("Answer failed", failure);
        return new ApiException(502, "answer-failed", "The answer could not be completed",
                "Something went wrong while answering. What was written so far is kept.");
    }

    private static List<Question.Turn> history(List<Message> previous) {
        List<Question.Turn> turns = new ArrayList<>();
        int from = Math.max(0, previous.size() - HISTORY_TURNS);
        for (Message m : previous.subList(from, previous.size())) {
            if (!m.getContent().isBlank()) {
                turns.add(new Question.Turn(m.getRole().name(), m.getContent()));
            }
        }
        return turns;
    }

    static String titleFrom(String question) {
        String oneLine = question.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= TITLE_LENGTH ? oneLine : oneLine.substring(0, TITLE_LENGTH - 1) + "…";
    }

    /** Forwards events to the client and remembers the text and sources so far, so they can be stored. */
    private final class StreamingSink implements AnswerSink {
        private final AnswerSink client;
        private final StringBuilder text = new StringBuilder();
        private List<SourceRef> sources = List.of();
        private AnswerEvent.PriceChart chart;
        private int flushedLength;

        StreamingSink(AnswerSink client) {
            this.client = client;
        }

        @Override
        public void emit(AnswerEvent event) {
            if (event instanceof AnswerEvent.Token token) {
                text.append(token.text());
            } else if (event instanceof AnswerEvent.Sources list) {
                sources = list.sources();
            } else if (event instanceof AnswerEvent.PriceChart priceChart) {
                chart = priceChart;
            }
            client.emit(event);
        }

        String text() {
            return text.toString();
        }

        List<SourceRef> sources() {
            return sources;
        }

        /** The chart the stream offered, stored with the answer so a reloaded conversation draws it again. */
        void keepChart(JsonObject metadata) {
            if (chart != null) {
                metadata.put("priceChart", chart.toJson());
            }
        }

        void flushIfChanged(long messageId) {
            if (text.length() != flushedLength) {
                flushedLength = text.length();
                repository.savePartial(messageId, text.toString(), clock.instant())
                        .onFailure(e -> LOG.warn("Could not save partial answer {}: {}", messageId, e.getMessage()));
            }
        }
    }
}
