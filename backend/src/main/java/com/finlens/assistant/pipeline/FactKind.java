package com.finlens.assistant.pipeline;

/** The groups of market facts the pipeline asks for, each gathered as its own step. */
public enum FactKind {
    PRICE, FINANCIALS, DISCLOSURES
}
