package com.finlens.platform.db;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.hibernate.Cache;
import org.hibernate.query.criteria.HibernateCriteriaBuilder;
import org.hibernate.reactive.mutiny.Mutiny;
import org.hibernate.stat.Statistics;

/**
 * The session factory every repository gets. Hibernate Reactive's {@code withSession}/{@code withTransaction}
 * reuse a session already open in the current Vert.x context, so two units of work started in parallel from one
 * request ({@code Future.all}, a timer beside a stream) would run two queries on one session ("Illegal pop() with
 * non-matching JdbcValuesSourceProcessingState"). Here each call opens its own session and closes it afterwards,
 * so parallel composition is always safe. Each unit of work is also bounded in time: a connection lost in the middle
 * of a commit can leave its future unanswered, and a request must end with 503 rather than hang.
 * Everything else is passed through.
 */
final class SessionPerUnitOfWork implements Mutiny.SessionFactory {

    static final Duration UNIT_OF_WORK_LIMIT = Duration.ofSeconds(15);

    private final Mutiny.SessionFactory delegate;

    SessionPerUnitOfWork(Mutiny.SessionFactory delegate) {
        this.delegate = delegate;
    }

    @Override
    public <T> Uni<T> withSession(Function<Mutiny.Session, Uni<T>> work) {
        return bounded(delegate.openSession()
                .chain(s -> Uni.createFrom().deferred(() -> work.apply(s)).eventually(s::close)));
    }

    @Override
    public <T> Uni<T> withSession(String tenantId, Function<Mutiny.Session, Uni<T>> work) {
        return bounded(delegate.openSession(tenantId)
                .chain(s -> Uni.createFrom().deferred(() -> work.apply(s)).eventually(s::close)));
    }

    @Override
    public <T> Uni<T> withTransaction(BiFunction<Mutiny.Session, Mutiny.Transaction, Uni<T>> work) {
        return withSession(s -> s.withTransaction(tx -> work.apply(s, tx)));
    }

    @Override
    public <T> Uni<T> withTransaction(String tenantId, BiFunction<Mutiny.Session, Mutiny.Transaction, Uni<T>> work) {
        return withSession(tenantId, s -> s.withTransaction(tx -> work.apply(s, tx)));
    }

    @Override
    public <T> Uni<T> withStatelessSession(Function<Mutiny.StatelessSession, Uni<T>> work) {
        return bounded(delegate.openStatelessSession()
                .chain(s -> Uni.createFrom().deferred(() -> work.apply(s)).eventually(s::close)));
    }

    @Override
    public <T> Uni<T> withStatelessSession(String tenantId, Function<Mutiny.StatelessSession, Uni<T>> work) {
        return bounded(delegate.openStatelessSession(tenantId)
                .chain(s -> Uni.createFrom().deferred(() -> work.apply(s)).eventually(s::close)));
    }

    /**
     * The work, failing with {@link DatabaseNoAnswer} after the limit. The timeout fires on a Mutiny timer thread, so
     * its failure is handed back to the caller's Vert.x context (the answer, when it comes in time, is already there).
     */
    private static <T> Uni<T> bounded(Uni<T> work) {
        return bounded(work, UNIT_OF_WORK_LIMIT);
    }

    static <T> Uni<T> bounded(Uni<T> work, Duration limit) {
        Context context = Vertx.currentContext();
        return work.ifNoItem().after(limit).recoverWithUni(() -> {
            DatabaseNoAnswer noAnswer = new DatabaseNoAnswer(limit);
            return context == null ? Uni.createFrom().failure(noAnswer)
                    : Uni.createFrom().emitter(e -> context.runOnContext(v -> e.fail(noAnswer)));
        });
    }

    @Override
    public <T> Uni<T> withStatelessTransaction(BiFunction<Mutiny.StatelessSession, Mutiny.Transaction, Uni<T>> work) {
        return withStatelessSession(s -> s.withTransaction(tx -> work.apply(s, tx)));
    }

    @Override
    public <T> Uni<T> withStatelessTransaction(String tenantId,
                                               BiFunction<Mutiny.StatelessSession, Mutiny.Transaction, Uni<T>> work) {
        return withStatelessSession(tenantId, s -> s.withTransaction(tx -> work.apply(s, tx)));
    }

    @Override
    public Mutiny.Session createSession() {
        return delegate.createSession();
    }

    @Override
    public Mutiny.Session createSession(String tenantId) {
        return delegate.createSession(tenantId);
    }

    @Override
    public Mutiny.StatelessSession createStatelessSession() {
        return delegate.createStatelessSession();
    }

    @Override
    public Mutiny.StatelessSession createStatelessSession(String tenantId) {
        return delegate.createStatelessSession(tenantId);
    }

    @Override
    public Uni<Mutiny.Session> openSession() {
        return delegate.openSession();
    }

    @Override
    public Uni<Mutiny.Session> openSession(String tenantId) {
        return delegate.openSession(tenantId);
    }

    @Override
    public Uni<Mutiny.StatelessSession> openStatelessSession() {
        return delegate.openStatelessSession();
    }

    @Override
    public Uni<Mutiny.StatelessSession> openStatelessSession(String tenantId) {
        return delegate.openStatelessSession(tenantId);
    }

    @Override
    public HibernateCriteriaBuilder getCriteriaBuilder() {
        return delegate.getCriteriaBuilder();
    }

    @Override
    public jakarta.persistence.metamodel.Metamodel getMetamodel() {
        return delegate.getMetamodel();
    }

    @Override
    public Cache getCache() {
        return delegate.getCache();
    }

    @Override
    public Statistics getStatistics() {
        return delegate.getStatistics();
    }

    @Override
    public Mutiny.Session getCurrentSession() {
        return delegate.getCurrentSession();
    }

    @Override
    public Mutiny.StatelessSession getCurrentStatelessSession() {
        return delegate.getCurrentStatelessSession();
    }

    @Override
    public void close() {
        delegate.close();
    }

    @Override
    public boolean isOpen() {
        return delegate.isOpen();
    }
}
