package com.finlens.assistant;

import com.finlens.account.user.User;
import com.finlens.account.user.UserRepository;
import com.finlens.assistant.usage.SqlUsageStore;
import com.finlens.assistant.usage.UsageRecord;
import com.finlens.platform.db.Database;
import com.finlens.platform.db.DbConfig;
import com.finlens.testing.ReplayServer;
import com.finlens.testing.TestDatabase;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Event-loop CPU of each database unit of work an answer makes, one unit at a time against the test MariaDB, so the
 * figure is the CPU the event loops spend (Hibernate Reactive, the MySQL client and its codec), not queueing. Prints
 * microseconds of event-loop CPU per unit; asserts nothing. Not part of the suite (no {@code Test} suffix):
 * {@code ./mvnw -o -q -pl backend test -Dtest=AnswerWritesBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * ({@code -Dbench.units=N} units per kind, 1,000 by default, after as many to warm up).
 */
class AnswerWritesBenchmark {

    private static final int UNITS = Integer.getInteger("bench.units", 1_000);
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    @TempDir
    Path dataDir;

    @Test
    void eventLoopCpuPerUnitOfWork() throws Exception {
        Vertx vertx = Vertx.vertx();
        DbConfig config = new DbConfig(TestDatabase.freshDatabaseUrl(), "root", "", 0, 2);
        Database database = Database.start(vertx, config, dataDir, List.of(User.class, Conversation.class,
                Message.class)).toCompletionStage().toCompletableFuture().get(3, TimeUnit.MINUTES);
        try {
            ConversationRepository repository = new ConversationRepository(database.sessionFactory());
            SqlUsageStore usage = new SqlUsageStore(database.sessionFactory());
            long user = onLoop(vertx, () -> new UserRepository(database.sessionFactory())
                    .upsertBySubject("dev:writes-bench", "writes-bench@example.com", "Bench", Instant.now())).getId();
            for (boolean measured : new boolean[] {false, true}) {
                long[] conversations = new long[UNITS];
                long[] answers = new long[UNITS];
                long[] usageIds = new long[UNITS];
                report(measured, "create conversation", measure(vertx, i -> repository.create(user, "", Instant.now())
                        .map(c -> conversations[i] = c.getId())));
                report(measured, "startExchange", measure(vertx, i -> repository.startExchange(user,
                        conversations[i], "삼성전자 주가 알려줘", "삼성전자 주가 알려줘", Instant.now(),
                        Instant.now().minusSeconds(60)).map(e -> answers[i] = e.answer().getId())));
                report(measured, "savePartial", measure(vertx, i -> repository.savePartial(answers[i],
                        "삼성전자의 주가는", Instant.now())));
                report(measured, "finish", measure(vertx, i -> repository.finish(answers[i], "삼성전자의 주가는 7만 원입니다.",
                        Message.Status.complete, "{\"sources\":[],\"flags\":[]}", Instant.now())));
                report(measured, "usage openWithin", measure(vertx, i -> usage.openWithin(user, conversations[i],
                        Instant.EPOCH, Integer.MAX_VALUE, Instant.now()).map(id -> usageIds[i] = id)));
                report(measured, "usage close", measure(vertx, i -> usage.close(usageIds[i], new UsageRecord(
                        "completed", "openai", "bench", 10, 20, true, 5, 50, 0.0001))));
                report(measured, "messages (read back)", measure(vertx, i -> repository.messages(conversations[i])));
            }
        } finally {
            database.close();
            ReplayServer.await(vertx.close());
        }
    }

    private interface Unit {
        Future<?> run(int index);
    }

    /** Event-loop CPU nanoseconds per unit, the units run one after another. */
    private static double measure(Vertx vertx, Unit unit) throws Exception {
        long before = eventLoopCpuNanos();
        onLoop(vertx, () -> chain(unit, 0));
        return (eventLoopCpuNanos() - before) / (double) UNITS;
    }

    private static Future<Void> chain(Unit unit, int index) {
        if (index == UNITS) {
            return Future.succeededFuture();
        }
        return unit.run(index).compose(v -> chain(unit, index + 1));
    }

    private static void report(boolean measured, String name, double nanos) {
        if (measured) {
            System.out.printf("%-22s %8.1f µs event-loop CPU per unit%n", name, nanos / 1_000);
        }
    }

    private static long eventLoopCpuNanos() {
        long sum = 0;
        for (ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (info != null && info.getThreadName().startsWith("vert.x-eventloop")) {
                sum += Math.max(0, THREADS.getThreadCpuTime(info.getThreadId()));
            }
        }
        return sum;
    }

    private static <T> T onLoop(Vertx vertx, Supplier<Future<T>> work) throws Exception {
        Promise<T> promise = Promise.promise();
        vertx.getOrCreateContext().runOnContext(v -> work.get().onComplete(promise));
        return promise.future().toCompletionStage().toCompletableFuture().get(5, TimeUnit.MINUTES);
    }
}
