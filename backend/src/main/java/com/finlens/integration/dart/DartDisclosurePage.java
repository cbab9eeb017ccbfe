package com.finlens.integration.dart;

import java.util.List;

/** One page of {@code list.json}. */
public record DartDisclosurePage(int pageNo, int pageCount, int totalCount, int totalPages,
                                 List<DartDisclosure> items) {

    public static DartDisclosurePage empty(int pageNo, int pageCount) {
        return new DartDisclosurePage(pageNo, pageCount, 0, 0, List.of());
    }
}
