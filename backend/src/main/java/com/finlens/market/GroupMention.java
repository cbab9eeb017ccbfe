package com.finlens.market;

import java.util.List;

/** A business-group name standing alone in a text ("삼성 주가"): it could mean any of {@code companies}. */
public record GroupMention(String text, int start, int end, List<MarketCompany> companies) {

    public GroupMention {
        companies = List.copyOf(companies);
    }
}
