package com.finlens.platform.db;

import java.util.Objects;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.query.results.ResultSetMapping;
import org.hibernate.query.results.internal.ResultSetMappingImpl;
import org.hibernate.reactive.provider.service.ReactiveValuesMappingProducerProvider;
import org.hibernate.reactive.sql.results.ReactiveResultSetMapping;

/**
 * Result set mappings for native selects that compare by what they map, so Hibernate finds a native select's
 * cached plan. Hibernate Reactive 3.4's mapping wrapper has no {@code equals}: the plan cache's key never matched,
 * so every native select was planned again and pushed another plan out of the cache (8 % of all allocation under
 * 500 streamed answers, plans living long enough to reach the old generation; docs/benchmarks.md, session 12).
 * Selects asking for a basic type still miss ({@link NativeColumn}).
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

        @Override
        public boolean equals(Object other) {
            return other instanceof Comparable that && mapping.equals(that.mapping);
        }

        @Override
        public int hashCode() {
            return Objects.hash(mapping);
        }
    }
}
