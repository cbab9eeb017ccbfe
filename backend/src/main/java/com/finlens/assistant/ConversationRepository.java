package com.finlens.assistant;

import com.finlens.platform.db.Futures;

import io.vertx.core.Future;
import java.time.Instant;
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
        return Futures.toFuture(sessions.withTransaction(s -> s.persist(conversation).replaceWith(conversation)));
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

    public Future<List<Message>> messages(long conversationId) {
        return Futures.toFuture(sessions.withSession(s -> s
                .createSelectionQuery("from Message where conversationId = :c order by id", Message.class)
                .setParameter("c", conversationId)
                .getResultList()));
    }

    /** Stores the user's question and an empty streaming answer in one transaction; returns both. */
    public Future<List<Message>> startExchange(long conversationId, String question, String newTitle, Instant now) {
        Message asked = new Message(conversationId, Message.Role.user, question, Message.Status.complete, now);
        Message answer = new Message(conversationId, Message.Role.assistant, "", Message.Status.streaming, now);
        return Futures.toFuture(sessions.withTransaction(s -> s.find(Conversation.class, conversationId)
                .chain(conversation -> {
                    conversation.touch(now);
                    if (newTitle != null) {
                        conversation.retitle(newTitle);
                    }
                    return s.persist(asked);
                })
                .chain(() -> s.persist(answer))
                .replaceWith(() -> List.of(asked, answer))));
    }

    /** Saves streamed text so far; only while the message is still streaming. */
    public Future<Void> savePartial(long messageId, String content, Instant now) {
        return Futures.toFuture(sessions.withTransaction(s -> s
                .createMutationQuery("update Message set content = :content, updatedAt = :now"
                        + " where id = :id and status = :streaming")
                .setParameter("content", content)
                .setParameter("now", now)
                .setParameter("id", messageId)
                .setParameter("streaming", Message.Status.streaming)
                .executeUpdate())).mapEmpty();
    }

    /** Stores the final answer; false when the message no longer exists (its conversation was deleted). */
    public Future<Boolean> finish(long messageId, String content, Message.Status status, String metadata, Instant now) {
        return Futures.toFuture(sessions.withTransaction(s -> s
                .createMutationQuery("update Message set content = :content, status = :status, metadata = :meta,"
                        + " updatedAt = :now where id = :id")
                .setParameter("content", content)
                .setParameter("status", status)
                .setParameter("meta", metadata)
                .setParameter("now", now)
                .setParameter("id", messageId)
                .executeUpdate())).map(n -> n > 0);
    }

    /** Answers left "streaming" by a crash or restart are marked failed at startup, keeping their text. */
    public Future<Integer> failAbandoned(Instant olderThan) {
        return Futures.toFuture(sessions.withTransaction(s -> s
                .createMutationQuery("update Message set status = :failed where status = :streaming"
                        + " and updatedAt < :cutoff")
                .setParameter("failed", Message.Status.failed)
                .setParameter("streaming", Message.Status.streaming)
                .setParameter("cutoff", olderThan)
                .executeUpdate()));
    }

    public Future<Boolean> deleteOwned(long userId, long conversationId) {
        return Futures.toFuture(sessions.withTransaction(s -> s
                .createMutationQuery("delete from Conversation where id = :id and userId = :user")
                .setParameter("id", conversationId)
                .setParameter("user", userId)
                .executeUpdate())).map(n -> n > 0);
    }

}
