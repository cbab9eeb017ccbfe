package com.finlens.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import com.finlens.account.user.User;
import com.finlens.account.user.UserRepository;
import com.finlens.assistant.answer.AnswerChannel;
import com.finlens.assistant.answer.AnswerEvent;
import com.finlens.assistant.answer.AnswerOutcome;
import com.finlens.assistant.answer.AnswerSource;
import com.finlens.platform.db.Database;
import com.finlens.platform.db.DbConfig;
import com.finlens.testing.ReplayServer;
import com.finlens.testing.TestDatabase;
import com.finlens.testing.Waits;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.hibernate.reactive.mutiny.Mutiny;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The conversation service against the test MariaDB, with an answer source the test finishes by hand: the last
 * event tells the client what was stored, never more.
 */
class ConversationServiceTest {

    @TempDir
    static Path dataDir;
    private static Vertx vertx;
    private static Database database;
    private static ConversationRepository repository;
    private static final AtomicReference<Promise<AnswerOutcome>> pending = new AtomicReference<>();
    private static ConversationService service;
    private static AnswerHeartbeat heartbeat;
    private static final AnswerSource HALF_WRITTEN = (question, sink, cancellation) -> {
        sink.token("부분 ");
        Promise<AnswerOutcome> answer = Promise.promise();
        pending.set(answer);
        return answer.future();
    };
    private static long userId;

    @BeforeAll
    static void start() throws Exception {
        vertx = Vertx.vertx();
        DbConfig config = new DbConfig(TestDatabase.freshDatabaseUrl(), "root", "", 0, 2);
        database = Database.start(vertx, config, dataDir, List.of(User.class, Conversation.class, Message.class))
                .toCompletionStage().toCompletableFuture().get(3, TimeUnit.MINUTES);
        repository = new ConversationRepository(database.sessionFactory());
        heartbeat = new AnswerHeartbeat(repository, Clock.systemUTC(), Duration.ofMinutes(1));
        service = new ConversationService(vertx, repository, HALF_WRITTEN, Clock.systemUTC(), heartbeat);
        userId = onLoop(() -> new UserRepository(database.sessionFactory())
                .upsertBySubject("dev:service-test", "service-test@example.com", "Service Test", Instant.now()))
                .getId();
    }

    @AfterAll
    static void stop() {
        if (database != null) {
            database.close();
        }
        ReplayServer.await(vertx.close());
    }

    @Test
    @DisplayName("A stored answer ends with done carrying the status the database holds")
    void doneAfterStoring() {
        long conversation = onLoop(() -> service.create(userId, "")).getId();
        RecordingChannel channel = ask(conversation);
        finishAnswer("부분 답변");
        Waits.until(Duration.ofSeconds(20), () -> channel.ended);

        assertThat(channel.names()).containsExactly("start", "token", "done");
        JsonObject done = channel.events.get(2).toJson();
        assertThat(done.getString("status")).isEqualTo("complete");
        Message stored = onLoop(() -> service.messages(userId, conversation)).get(1);
        assertThat(done.getLong("messageId")).isEqualTo(stored.getId());
        assertThat(stored.getStatus()).isEqualTo(Message.Status.complete);
        assertThat(stored.getContent()).isEqualTo("부분 답변");
    }

    @Test
    @DisplayName("An answer that could not be stored (its conversation was deleted meanwhile) ends with failed, never done complete")
    void failedWhenNotStored() {
        long conversation = onLoop(() -> service.create(userId, "")).getId();
        RecordingChannel channel = ask(conversation);
        onLoop(() -> service.delete(userId, conversation));
        finishAnswer("부분 답변");
        Waits.until(Duration.ofSeconds(20), () -> channel.ended);

        assertThat(channel.names()).containsExactly("start", "token", "failed");
        JsonObject failed = channel.events.get(2).toJson();
        assertThat(failed.getString("type")).isEqualTo("https://finlens.app/problems/answer-not-stored");
        assertThat(failed.getInteger("status")).isEqualTo(500);
    }

    @Test
    @DisplayName("Asking checks ownership, reads the history and stores the question in one unit of work")
    void askIsOneUnitOfWork() {
        AtomicInteger units = new AtomicInteger();
        Mutiny.SessionFactory sessions = database.sessionFactory();
        Mutiny.SessionFactory counting = (Mutiny.SessionFactory) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {Mutiny.SessionFactory.class}, (proxy, method, args) -> {
                    if (method.getName().startsWith("with")) {
                        units.incrementAndGet();
                    }
                    try {
                        return method.invoke(sessions, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        ConversationService counted = new ConversationService(vertx, new ConversationRepository(counting),
                HALF_WRITTEN, Clock.systemUTC(), heartbeat);
        long conversation = onLoop(() -> counted.create(userId, "")).getId();
        RecordingChannel channel = new RecordingChannel();
        pending.set(null);
        units.set(0);
        onLoop(() -> counted.ask(userId, conversation, AskCommand.from(new JsonObject().put("content", "질문")),
                () -> channel));
        Waits.until(Duration.ofSeconds(20), () -> pending.get() != null);

        assertThat(units).hasValue(1);
        finishAnswer("부분 답변");
        Waits.until(Duration.ofSeconds(20), () -> channel.ended);
        assertThat(channel.names()).containsExactly("start", "token", "done");
        assertThat(onLoop(() -> counted.get(userId, conversation)).getTitle()).isEqualTo("질문");
    }

    private static RecordingChannel ask(long conversation) {
        RecordingChannel channel = new RecordingChannel();
        pending.set(null);
        onLoop(() -> service.ask(userId, conversation, AskCommand.from(new JsonObject().put("content", "질문")),
                () -> channel));
        Waits.until(Duration.ofSeconds(20), () -> pending.get() != null);
        return channel;
    }

    private static void finishAnswer(String text) {
        pending.get().complete(new AnswerOutcome(text, List.of(), List.of(), new JsonObject()));
    }

    /** Hibernate Reactive sessions must run on a Vert.x event loop. */
    private static <T> T onLoop(Supplier<Future<T>> work) {
        Promise<T> promise = Promise.promise();
        vertx.getOrCreateContext().runOnContext(v -> work.get().onComplete(promise));
        return ReplayServer.await(promise.future());
    }

    private static final class RecordingChannel implements AnswerChannel {
        final List<AnswerEvent> events = new CopyOnWriteArrayList<>();
        volatile boolean ended;

        @Override
        public void emit(AnswerEvent event) {
            events.add(event);
        }

        @Override
        public void onClientGone(Runnable action) {
        }

        @Override
        public void end() {
            ended = true;
        }

        List<String> names() {
            return events.stream().map(AnswerEvent::name).toList();
        }
    }
}
