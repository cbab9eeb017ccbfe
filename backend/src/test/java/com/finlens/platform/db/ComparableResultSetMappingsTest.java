package com.finlens.platform.db;

import static org.assertj.core.api.Assertions.assertThat;

import org.hibernate.query.results.ResultSetMapping;
import org.hibernate.query.results.internal.ResultSetMappingImpl;
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

    @Test
    @DisplayName("Hibernate Reactive's own mapping still compares by identity (drop ComparableResultSetMappings once"
            + " this fails)")
    void upstreamStillComparesByIdentity() {
        assertThat(new ReactiveResultSetMapping(new ResultSetMappingImpl(SQL, true)))
                .isNotEqualTo(new ReactiveResultSetMapping(new ResultSetMappingImpl(SQL, true)));
    }
}
