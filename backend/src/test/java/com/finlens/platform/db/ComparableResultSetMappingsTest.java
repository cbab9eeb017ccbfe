package com.finlens.platform.db;

import static org.assertj.core.api.Assertions.assertThat;

import org.hibernate.query.results.ResultSetMapping;
import org.hibernate.query.results.internal.ResultSetMappingImpl;
import org.hibernate.query.results.internal.implicit.ImplicitResultClassBuilder;
import org.hibernate.reactive.sql.results.ReactiveResultSetMapping;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ComparableResultSetMappingsTest {

    private static final String SQL = "select id from users where id = ?1";
    private final ComparableResultSetMappings mappings = new ComparableResultSetMappings();

    @Test
    @DisplayName("Two mappings of the same native select are equal, and so are the keys the plan cache stores")
    void sameSelectSameMapping() {
        ResultSetMapping first = mappings.buildResultSetMapping(SQL, true, null);
        ResultSetMapping second = mappings.buildResultSetMapping(SQL, true, null);

        assertThat(first).isEqualTo(second).hasSameHashCodeAs(second);
        assertThat(first.cacheKeyInstance()).isEqualTo(second).isEqualTo(second.cacheKeyInstance());
        assertThat(first).isInstanceOf(ReactiveResultSetMapping.class);
    }

    @Test
    @DisplayName("Mappings of different selects differ")
    void differentSelects() {
        assertThat(mappings.buildResultSetMapping(SQL, true, null))
                .isNotEqualTo(mappings.buildResultSetMapping("select 1", true, null));
    }

    private ResultSetMapping reading(Class<?> type) {
        ResultSetMapping mapping = mappings.buildResultSetMapping(SQL, true, null);
        mapping.addResultBuilder(new ImplicitResultClassBuilder(type));
        return mapping;
    }

    @Test
    @DisplayName("Mappings reading the same basic type are equal, and differ from one reading another type")
    void implicitResultClass() {
        assertThat(reading(Long.class)).isEqualTo(reading(Long.class)).hasSameHashCodeAs(reading(Long.class));
        assertThat(reading(Long.class).cacheKeyInstance()).isEqualTo(reading(Long.class));
        assertThat(reading(Long.class)).isNotEqualTo(reading(Integer.class))
                .isNotEqualTo(mappings.buildResultSetMapping(SQL, true, null));
    }

    @Test
    @DisplayName("Upstream still compares both by identity: Hibernate Reactive's mapping and Hibernate ORM's implicit"
            + " result class builder (drop ComparableResultSetMappings once this fails)")
    void upstreamStillComparesByIdentity() {
        assertThat(new ReactiveResultSetMapping(new ResultSetMappingImpl(SQL, true)))
                .isNotEqualTo(new ReactiveResultSetMapping(new ResultSetMappingImpl(SQL, true)));
        assertThat(new ImplicitResultClassBuilder(Long.class)).isNotEqualTo(new ImplicitResultClassBuilder(Long.class));
    }
}
