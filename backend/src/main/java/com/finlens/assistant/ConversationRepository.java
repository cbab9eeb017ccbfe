package com.finlens.assistant;

import com.finlens.platform.db.Futures;
import com.finlens.platform.db.Retries;
import com.finlens.platform.db.UtcColumns;
import com.finlens.platform.http.ApiException;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.hibernate.reactive.mutiny.Mutiny;

/** Conversations and messages. Every read is scoped to the owning user: another user's id simply is not found. */
public final class ConversationRepository {

    private final Mutiny.SessionFactory sessions;

    public ConversationRepository(Mutiny.SessionFactory sessions) {
        this.sessions = sessions;
    }

    public Future<Conversation> create(long userId, String title, Instant now) {
        Conversation conversation = new Conversation(userId, title, now);
        return Futures.toFuture(sessions.withStatelessSession(s -> s.insert(conversation).replaceWith(conversation)));
    }

    public Future<Conversation> findOwned(long userId, long conversationId) {
        return Futures.toFuture(sessions.withSession(s -> s
                .createSelectionQuery("from Conversation where id = :id and userId = :user", Conversation.class)
                .setParameter("id", conversationId)
                .setParameter("user", userId)
                .getSingleResultOrNull()));
    }

    public Future<List<Conversation>> listOwned(long userId, int limit) {
        return Futures.toFuture(sessions.withSession(s -> s
                .createSelectionQuery("from Conversation where userId = :user order by updatedAt desc, id desc",
                        Conversation.class)
                .setParameter("user", userId)
                .setMaxResults(limit)
                .getResultList()));
    }

    /**
     * The owner's conversations whose title or any message contains {@code text} (the column collation makes it
     * case-insensitive), newest first. The text is a bound parameter with LIKE wildcards escaped.
     */
    public Future<List<Conversation>> searchOwned(long userId, String text, int limit) {
        String pattern = "%" + text.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
        return Futures.toFuture(sessions.withSession(s -> s
                .createSelectionQuery("from Conversation c where c.userId = :user and (c.title like :p escape '!'"
                        + " or exists (select 1 from Message m where m.conversationId = c.id"
                        + " and m.content like :p escape '!')) order by c.updatedAt desc, c.id desc", Conversation.class)
                .setParameter("user", userId)
                .setParameter("p", pattern)
                .setMaxResults(limit)
                .getResultList()));
    }

    /** Gives the owner's conversation a new title; false when it is not theirs or does not exist. */
    public Future<Boolean> retitleOwned(long userId, long conversationId, String title) {
        return Futures.toFuture(sessions.withTransaction(s -> s
                .createMutationQuery("update Conversation set title = :title where id = :id and userId = :user")
                .setParameter("title", title)
                .setParameter("id", conversationId)
                .setParameter("user", userId)
                .executeUpdate())).map(n -> n > 0);
    }

    public Future<List<Message>> messages(long conversationId) {
        return Futures.toFuture(sessions.withSession(s -> s
                .createSelectionQuery("from Message where conversationId = :c order by id", Message.class)
                .setParameter("c", conversationId)
                .getResultList()));
    }

    /** The stored question and the empty streaming answer, with the conversation's earlier messages. */
    public record Exchange(List<Message> earlier, Message asked, Message answer) {
    }

    /**
     * Stores the user's question and an empty streaming answer in one transaction, which also checks ownership and
     * reads the earlier messages (the history the answer needs): one unit of work per question, because under load
     * every unit saved is a connection the pool does not hand out and a commit the database does not make. Null
     * when the conversation is not the user's. One answer at a time per conversation: while another answer of it is
     * streaming (its heartbeat newer than {@code aliveSince}) this fails with 409. The conversation row is locked
     * first, so concurrent questions queue on it instead of deadlocking (1213) over the messages' foreign key; a
     * deadlock the database reports anyway is retried. {@code title} becomes the title of an untitled conversation.
     * A stateless session: nothing here is read again in the unit, so there is no persistence context to fill,
     * snapshot and dirty-check at the flush (a third of the event loop's database time per answer).
     */
    public Future<Exchange> startExchange(long userId, long conversationId, String question, String title,
                                          Instant now, Instant aliveSince) {
        return Retries.onSerializationFailure(() -> Futures.toFuture(sessions.withStatelessTransaction((s, tx) ->
                lockOwnedTitle(s, userId, conversationId).chain(currentTitle -> currentTitle == null
                        ? Uni.createFrom().<Exchange>nullItem()
                        : earlierMessages(s, conversationId)
                                .invoke(earlier -> refuseWhileAnswering(earlier, aliveSince))
                                .call(earlier -> touch(s, conversationId, currentTitle.isBlank() ? title : currentTitle,
                                        now))
                                .chain(earlier -> storeQuestionAndAnswer(s, conversationId, question, now, earlier))))));
    }

    /** The conversation's title, its row locked until the transaction ends; null when it is not the user's. */
    private static Uni<String> lockOwnedTitle(Mutiny.StatelessSession s, long userId, long conversationId) {
        return s.createNativeQuery("select title from conversations where id = ?1 and user_id = ?2 for update",
                        String.class)
                .setParameter(1, conversationId)
                .setParameter(2, userId)
                .getResultList()
                .map(titles -> titles.isEmpty() ? null : titles.get(0));
    }

    private static Uni<List<Message>> earlierMessages(Mutiny.StatelessSession s, long conversationId) {
        return s.createSelectionQuery("from Message where conversationId = :c order by id", Message.class)
                .setParameter("c", conversationId)
                .getResultList();
    }

    private static void refuseWhileAnswering(List<Message> earlier, Instant aliveSince) {
        if (earlier.stream().anyMatch(m -> m.isStreamingSince(aliveSince))) {
            throw new ApiException(409, "answer-in-progress", "An answer is already being written",
                    "This conversation is still answering the previous question. Wait for it to finish, then ask"
                            + " again.");
        }
    }

    private static Uni<Integer> touch(Mutiny.StatelessSession s, long conversationId, String title, Instant now) {
        return s.createNativeMutationQuery("update conversations set title = ?1, updated_at = ?2 where id = ?3")
                .setParameter(1, title)
                .setParameter(2, UtcColumns.of(now))
                .setParameter(3, conversationId)
                .executeUpdate();
    }

    private static Uni<Exchange> storeQuestionAndAnswer(Mutiny.StatelessSession s, long conversationId,
                                                       String question, Instant now, List<Message> earlier) {
        Message asked = new Message(conversationId, Message.Role.user, question, Message.Status.complete, now);
        Message answer = new Message(conversationId, Message.Role.assistant, "", Message.Status.streaming, now);
        return s.insert(asked).chain(() -> s.insert(answer)).replaceWith(() -> new Exchange(earlier, asked, answer));
    }

    /** Marks these answers (all streaming on this replica) as alive; one statement for all of them. */
    public Future<Void> heartbeat(Collection<Long> messageIds, Instant now) {
        if (messageIds.isEmpty()) {
            return Future.succeededFuture();
        }
        return Futures.toFuture(sessions.withTransaction(s -> s
                .createMutationQuery("update Message set heartbeatAt = :now where id in :ids and status = :streaming")
                .setParameter("now", now)
                .setParameter("ids", List.copyOf(messageIds))
                .setParameter("streaming", Message.Status.streaming)
                .executeUpdate())).mapEmpty();
    }

    /** Saves streamed text so far; only while the message is still streaming. */
    public Future<Void> savePartial(long messageId, String content, Instant now) {
        return Futures.toFuture(sessions.withStatelessSession(s -> s
                .createNativeMutationQuery("update messages set content = ?1, updated_at = ?2"
                        + " where id = ?3 and status = 'streaming'")
                .setParameter(1, content)
                .setParameter(2, UtcColumns.of(now))
                .setParameter(3, messageId)
                .executeUpdate())).mapEmpty();
    }

    /**
     * Stores the final answer; false when the message no longer exists (its conversation was deleted). The update is
     * repeated when the database aborted it over a deadlock: 500 answers finishing together beside the replicas'
     * heartbeat and sweep statements met one (1213) in the streaming benchmark, and the answer was lost.
     */
    public Future<Boolean> finish(long messageId, String content, Message.Status status, String metadata, Instant now) {
        return Retries.onSerializationFailure(() -> Futures.toFuture(sessions.withStatelessSession(s -> s
                .createNativeMutationQuery("update messages set content = ?1, status = ?2, metadata = ?3,"
                        + " updated_at = ?4 where id = ?5")
                .setParameter(1, content)
                .setParameter(2, status.name())
                .setParameter(3, metadata)
                .setParameter(4, UtcColumns.of(now))
                .setParameter(5, messageId)
                .executeUpdate()))).map(n -> n > 0);
    }

    /**
     * Answers still "streaming" whose heartbeat stopped before {@code cutoff} were cut off (their replica crashed or
     * was killed): they become failed, keeping their text, with the reason in their metadata. Returns the count.
     * The stale answers are found by a plain (non-locking) read and failed by primary key, the staleness checked
     * again: an update ranging over the status index locked the entries next to its range, which are the live
     * answers', so finishing them waited on the sweep, and with a heartbeat in between the three deadlocked (1213).
     */
    public Future<Integer> failStale(Instant cutoff, String reasonMetadata, Instant now) {
        return Futures.toFuture(sessions.withTransaction(s -> s
                .createSelectionQuery("select id from Message where status = :streaming"
                        + " and (heartbeatAt is null or heartbeatAt < :cutoff)", Long.class)
                .setParameter("streaming", Message.Status.streaming)
                .setParameter("cutoff", cutoff)
                .getResultList()
                .chain(stale -> stale.isEmpty() ? Uni.createFrom().item(0) : s
                        .createMutationQuery("update Message set status = :failed, metadata = :reason, updatedAt = :now"
                                + " where id in :ids and status = :streaming"
                                + " and (heartbeatAt is null or heartbeatAt < :cutoff)")
                        .setParameter("failed", Message.Status.failed)
                        .setParameter("reason", reasonMetadata)
                        .setParameter("now", now)
                        .setParameter("ids", stale)
                        .setParameter("streaming", Message.Status.streaming)
                        .setParameter("cutoff", cutoff)
                        .executeUpdate())));
    }

    public Future<Boolean> deleteOwned(long userId, long conversationId) {
        return Futures.toFuture(sessions.withTransaction(s -> s
                .createMutationQuery("delete from Conversation where id = :id and userId = :user")
                .setParameter("id", conversationId)
                .setParameter("user", userId)
                .executeUpdate())).map(n -> n > 0);
    }
}
