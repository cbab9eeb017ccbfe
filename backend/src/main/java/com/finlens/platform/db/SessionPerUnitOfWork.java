package com.finlens.platform.db;

import io.smallrye.mutiny.Uni;
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
 * so parallel composition is always safe. Each unit of work is also bounded in time ({@link BoundedUnitOfWork}): the
 * wait for a pooled connection and the work on it have a limit each, so a request ends with 503 rather than hang,
 * and the session is closed in every case. Everything else is passed through.
 */
final class SessionPerUnitOfWork implements Mutiny.SessionFactory {

    /** How long a unit may wait for one of the pool's connections (a burst of answers queues for them). */
    static final Duration CONNECTION_WAIT_LIMIT = Duration.ofSeconds(30);
    /** How long a unit may work on its connection, closing the session included. */
    static final Duration UNIT_OF_WORK_LIMIT = Duration.ofSeconds(15);

    private final Vertx vertx;
    private final Mutiny.SessionFactory delegate;
    private final Duration waitLimit;
    private final Duration workLimit;

    SessionPerUnitOfWork(Vertx vertx, Mutiny.SessionFactory delegate) {
        this(vertx, delegate, CONNECTION_WAIT_LIMIT, UNIT_OF_WORK_LIMIT);
    }

    SessionPerUnitOfWork(Vertx vertx, Mutiny.SessionFactory delegate, Duration waitLimit, Duration workLimit) {
        this.vertx = vertx;
        this.delegate = delegate;
        this.waitLimit = waitLimit;
        this.workLimit = workLimit;
    }

    @Override
    public <T> Uni<T> withSession(Function<Mutiny.Session, Uni<T>> work) {
        return BoundedUnitOfWork.run(vertx, delegate.openSession(), work, Mutiny.Session::close, waitLimit, workLimit);
    }

    @Override
    public <T> Uni<T> withSession(String tenantId, Function<Mutiny.Session, Uni<T>> work) {
        return BoundedUnitOfWork.run(vertx, delegate.openSession(tenantId), work, Mutiny.Session::close, waitLimit,
                workLimit);
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
        return BoundedUnitOfWork.run(vertx, delegate.openStatelessSession(), work, Mutiny.StatelessSession::close,
                waitLimit, workLimit);
    }

    @Override
    public <T> Uni<T> withStatelessSession(String tenantId, Function<Mutiny.StatelessSession, Uni<T>> work) {
        return BoundedUnitOfWork.run(vertx, delegate.openStatelessSession(tenantId), work,
                Mutiny.StatelessSession::close, waitLimit, workLimit);
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
