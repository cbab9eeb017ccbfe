package com.finlens.market;

/** A source that was asked and did not answer, with a reason that is safe to show. */
public record SourceFailure(String source, String endpoint, String kind, String reason) {
}
