package com.finlens.assistant.pipeline;

import java.util.List;

/**
 * The facts one step found for one company, and every source it searched: an answer that lacks a figure names
 * them ("searched: Open DART 사업보고서 FY2023, bundled recording of 2026-02-17") and says which failed.
 */
public record FactLookup(List<Fact> facts, List<Searched> searched) {

    /**
     * One source asked: what was asked of it, and why it gave nothing: null when it answered, else the kind of
     * failure (NOT_IN_SNAPSHOT and NOT_FOUND mean it has no such data; NOT_COVERED that it never covers it).
     */
    public record Searched(String source, String what, String failure) {
    }

    public FactLookup {
        facts = List.copyOf(facts);
        searched = List.copyOf(searched);
    }

    public static FactLookup of(List<Fact> facts) {
        return new FactLookup(facts, List.of());
    }
}
