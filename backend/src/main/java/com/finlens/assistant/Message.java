package com.finlens.assistant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One message of a conversation. Assistant messages are stored while they stream and keep their final status. */
@Entity
@Table(name = "messages")
public class Message {

    public enum Role { user, assistant }

    public enum Status { streaming, complete, failed, cancelled }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "conversation_id", nullable = false)
    private long conversationId;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "role", nullable = false, length = 16)
    private Role role;

    @Column(name = "content", nullable = false, columnDefinition = "mediumtext")
    private String content;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "status", nullable = false, length = 16)
    private Status status;

    @Column(name = "metadata", columnDefinition = "mediumtext")
    private String metadata;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    /** Touched while the answer streams; a streaming answer whose heartbeat stopped was cut off by a crash. */
    @Column(name = "heartbeat_at")
    private Instant heartbeatAt;

    protected Message() {
    }

    Message(long conversationId, Role role, String content, Status status, Instant now) {
        this.conversationId = conversationId;
        this.role = role;
        this.content = content;
        this.status = status;
        this.createdAt = now;
        this.updatedAt = now;
        this.heartbeatAt = now;
    }

    /** Still being written by a replica that was alive at {@code aliveSince} (its heartbeat is not older). */
    boolean isStreamingSince(Instant aliveSince) {
        return status == Status.streaming && heartbeatAt != null && !heartbeatAt.isBefore(aliveSince);
    }

    public Long getId() {
        return id;
    }

    public long getConversationId() {
        return conversationId;
    }

    public Role getRole() {
        return role;
    }

    public String getContent() {
        return content;
    }

    public Status getStatus() {
        return status;
    }

    public String getMetadata() {
        return metadata;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
