package com.finlens.platform.db;

import java.util.ArrayList;
import java.util.List;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.query.results.ResultSetMapping;
import org.hibernate.query.results.internal.ResultSetMappingImpl;
import org.hibernate.query.results.internal.implicit.ImplicitResultClassBuilder;
import org.hibernate.reactive.provider.service.ReactiveValuesMappingProducerProvider;
import org.hibernate.reactive.sql.results.ReactiveResultSetMapping;

/**
 * Result set mappings for native selects that compare by what they map, so Hibernate finds a native select's
 * cached plan. Two gaps upstream, either one enough to miss every time: Hibernate Reactive 3.4's mapping wrapper
 * has no {@code equals}, and for a select asking for a basic type ({@code Long.class}) Hibernate ORM 7.4 adds a new
 * {@link ImplicitResultClassBuilder}, which has none either, on every execution. Every native select was planned
 * again and pushed another plan out of the cache: 8 % of all allocation under 500 streamed answers, in plans that
 * lived long enough to reach the old generation (docs/benchmarks.md, session 12).
 */
final class ComparableResultSetMappings extends ReactiveValuesMappingProducerProvider {

    @Override
    public ResultSetMapping buildResultSetMapping(String name, boolean isDynamic,
                                                  SessionFactoryImplementor sessionFactory) {
        return new Comparable(new ResultSetMappingImpl(name, isDynamic));
    }

    private static final class Comparable extends ReactiveResultSetMapping {

        private final ResultSetMapping mapping;

        Comparable(ResultSetMapping mapping) {
            super(mapping);
            this.mapping = mapping;
        }

        @Override
        public ResultSetMapping cacheKeyInstance() {
            return new Comparable(mapping.cacheKeyInstance());
        }

        /**
         * What {@link ResultSetMappingImpl#equals} compares, with an implicit result class builder standing for
         * the type it reads: a named mapping by its name, a dynamic one by its name and builders.
         */
        private List<Object> key() {
            List<Object> key = new ArrayList<>();
            key.add(mapping.isDynamic());
            key.add(mapping.getMappingIdentifier());
            if (mapping.isDynamic()) {
                mapping.visitResultBuilders((position, builder) -> key.add(
                        builder instanceof ImplicitResultClassBuilder ? builder.getJavaType() : builder));
                mapping.visitLegacyFetchBuilders(key::add);
            }
            return key;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Comparable that && key().equals(that.key());
        }

        @Override
        public int hashCode() {
            return key().hashCode();
        }
    }
}
