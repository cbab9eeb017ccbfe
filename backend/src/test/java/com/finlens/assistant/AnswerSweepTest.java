package com.finlens.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import com.finlens.account.user.User;
import com.finlens.account.user.UserRepository;
import com.finlens.testing.MigratedDatabase;
import com.finlens.testing.Sql;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sweep for cut-off answers against the test MariaDB, beside the other replicas' writes to live answers. */
class AnswerSweepTest {

    private static final Duration STALE_AFTER = Duration.ofSeconds(30);

    @TempDir
    static Path dataDir;
    private static MigratedDatabase database;
    private static ConversationRepository repository;
    private static long userId;

    @BeforeAll
    static void start() throws Exception {
        database = MigratedDatabase.start(dataDir, User.class, Conversation.class, Message.class);
        repository = new ConversationRepository(database.sessions());
        userId = database.onLoop(() -> new UserRepository(database.sessions())
                .upsertBySubject("dev:sweep-test", "sweep-test@example.com", "Sweep Test", Instant.now())).getId();
    }

    @AfterAll
    static void stop() {
        if (database != null) {
            database.close();
        }
    }

    @Test
    @DisplayName("The sweep fails a cut-off answer without waiting for a heartbeat in progress on the live answers")
    void sweepDoesNotWaitForLiveAnswers() throws Exception {
        long cutOff = streamingAnswer();
        long live = streamingAnswer();
        Instant now = Instant.now();
        try (Connection otherReplica = DriverManager.getConnection(database.jdbcUrl(), "root", "");
             Statement statement = otherReplica.createStatement()) {
            statement.executeUpdate("update messages set heartbeat_at = now(6) - interval 1 hour where id = " + cutOff);
            // Another replica's heartbeat of its live answer, not committed yet: an update ranging over the status
            // index waited for it (and deadlocked with it when an answer finished in between).
            otherReplica.setAutoCommit(false);
            statement.executeUpdate("update messages set heartbeat_at = now(6) where id = " + live);

            int failed = database.onLoop(() -> repository.failStale(now.minus(STALE_AFTER), "{}", now));

            otherReplica.commit();
            assertThat(failed).isEqualTo(1);
        }
        assertThat(failedWithReason(cutOff, "{}")).isTrue();
        assertThat(Sql.count(database.jdbcUrl(), "select count(*) from messages where id = ? and status = 'streaming'",
                live)).isEqualTo(1);
    }

    private static boolean failedWithReason(long messageId, String metadata) {
        return Sql.count(database.jdbcUrl(), "select count(*) from messages where id = ? and status = 'failed'"
                + " and metadata = ?", messageId, metadata) == 1;
    }

    private static long streamingAnswer() {
        long conversation = database.onLoop(() -> repository.create(userId, "", Instant.now())).getId();
        return database.onLoop(() -> repository.startExchange(userId, conversation, "질문", "질문", Instant.now(),
                Instant.now().minus(STALE_AFTER))).answer().getId();
    }
}
